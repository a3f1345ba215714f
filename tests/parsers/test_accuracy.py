"""A floor under parsing accuracy on the dev corpus: a regression fails the build. A floor, not
a target: the same parsers meet other councils' forms, so nothing here is tuned to one file."""

from tests.parsers.accuracy import measure


def test_dev_corpus_parses_with_at_least_99_percent_field_accuracy_and_no_failures():
    report = measure()
    assert report.failures == []
    assert report.accuracy >= 0.99, "\n".join(report.mistakes[:40])
