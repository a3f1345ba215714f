"""Old Word (.doc), RTF and OpenDocument (.odt) forms, read through the real LibreOffice: the dev
corpus's Word forms saved in each format read as well as the originals, and each kind is known by
its content, never its name."""

import pytest

from parsers import detect_kind, parse_bytes
from parsers.errors import UnsupportedFile
from tests.hostile import old_formats as hostile
from tests.parsers import old_format_corpus
from tests.parsers.accuracy import measure
from tests.support.libreoffice import libreoffice_or_skip
from tests.views.imports.opendocument import SPREADSHEET, opendocument


@pytest.fixture(scope="module", params=old_format_corpus.KINDS)
def saved_corpus(request, tmp_path_factory):
    libreoffice_or_skip()
    kind = request.param
    return kind, old_format_corpus.build(kind, tmp_path_factory.mktemp(f"dev-as-{kind}"))


def test_the_dev_word_forms_saved_as_an_old_format_read_with_at_least_99_percent(saved_corpus):
    kind, folder = saved_corpus
    report = measure(folder)
    print(f"{kind}: field accuracy {report.accuracy:.2%}, failures {len(report.failures)}")
    assert report.failures == []
    assert report.accuracy >= 0.99, "\n".join(report.mistakes[:40])


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"{\\rtf1\\ansi Luke}", "rtf"),
        (b"\xef\xbb\xbf\r\n{\\rtf1 Luke}", "rtf"),
        (opendocument(), "odt"),
        (opendocument(first_stored=False), "odt"),
        (hostile.odt_table_bomb(rows=1), "odt"),
    ],
)
def test_each_kind_is_known_by_its_content(content, kind):
    assert detect_kind(content) == kind


def test_an_old_word_document_is_known_by_its_word_stream():
    libreoffice_or_skip()
    assert detect_kind(hostile.doc()) == "doc"


def test_an_opendocument_spreadsheet_is_refused_as_not_a_text_document():
    with pytest.raises(UnsupportedFile, match="OpenDocument file but not a text document"):
        parse_bytes(opendocument(SPREADSHEET))


def test_a_zip_of_parts_named_like_an_odt_is_not_taken_for_one():
    assert detect_kind(opendocument("application/zip")) == "docx"  # and refused as Word


@pytest.mark.parametrize("kind", ["rtf", "odt"])
def test_a_one_line_form_in_each_format_reads_the_childs_name(kind):
    libreoffice_or_skip()
    content = hostile.rtf(b"") if kind == "rtf" else hostile.saved_as("odt", hostile.rtf(b""))
    result = parse_bytes(content)
    assert (result.kind, result.record["child"]["first_name"]) == (kind, "Luke")
