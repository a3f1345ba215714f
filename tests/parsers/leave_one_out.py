"""How label matching fares on wordings the vocabulary does not hold: each of the generator's
tune wordings is matched with every phrase that says the same words taken out of the vocabulary
(words and model alike). The tune wordings only: the held-out ones stay unseen.

``python -m tests.parsers.leave_one_out [--show N]`` prints how many land on their field.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from parsers import labels
from tests.parsers.generator.wordings import LABELS

# Generator banks that are a variant of a record field, and answers that count as right.
SAME_FIELD = {"child.address_with_postcode": "child.address"}
ALSO_RIGHT = {
    "child.address": {"child.postcode"},
    "child.full_name": {"child.first_name", "child.last_name"},
}
SECTIONS = {"referrer": "Referrer details", "lead_professional": "Lead professional"}


@contextmanager
def vocabulary_without(words: frozenset[str]) -> Iterator[None]:
    """Match labels for a while as if no phrase with exactly these words were known."""
    fields, meanings = labels.FIELDS, labels.MEANINGS
    kept = {
        code: [phrase for phrase in phrases if frozenset(labels.tokens(phrase)) != words]
        for code, phrases in labels.VOCABULARY.items()
    }
    dropped = {
        at
        for at, phrase in enumerate(meanings.phrases)
        if frozenset(labels.tokens(phrase)) == words
    }
    labels.FIELDS, labels.MEANINGS = labels.PhraseBook(kept), meanings.without(dropped)
    labels.match.cache_clear()
    labels.match_words.cache_clear()
    try:
        yield
    finally:
        labels.FIELDS, labels.MEANINGS = fields, meanings
        labels.match.cache_clear()
        labels.match_words.cache_clear()


def measure() -> tuple[int, list[tuple[str, str, str | None]]]:
    """(how many tune wordings find their field, the ones that do not)."""
    right, wrong = 0, []
    for bank_name, bank in LABELS.items():
        field = SAME_FIELD.get(bank_name, bank_name)
        section = SECTIONS.get(field.split(".")[0], "")
        for wording in bank.part("tune"):
            with vocabulary_without(frozenset(labels.tokens(wording))):
                found = labels.match(wording, section)
            got = found.field if found else None
            if got == field or got in ALSO_RIGHT.get(field, ()):
                right += 1
            else:
                wrong.append((wording, field, got))
    return right, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=20, help="wordings that missed to print")
    arguments = parser.parse_args()
    right, wrong = measure()
    total = right + len(wrong)
    print(f"tune wordings matched with their own phrase left out: {right}/{total}")
    for wording, field, got in wrong[: arguments.show]:
        print(f"  {wording!r}: expected {field}, got {got}")


if __name__ == "__main__":
    main()
