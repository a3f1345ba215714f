"""The probe2 split (generator/probe2_*.py): a fifth set of wordings, headings, styles, shapes and
layouts shared with no other split, to tune on next. Its banks must be disjoint from the tune,
held-out, fresh and probe banks, its forms must use only probe2 choices (and the other splits'
none) and the other four splits must be untouched by its existence. That its forms of every
family generate and parse, above a floor, is checked with probe's in test_probe_split.py
(``python -m tests.parsers.unseen --split probe2`` prints the figures and the mistakes)."""

import hashlib
import io
import json
import zipfile

from tests.parsers.generator import (  # noqa: F401 (they register their banks)
    build,
    compose,
    fresh_compose,
    fresh_layouts,
    probe2_compose,
    probe2_layouts,
    probe2_wordings,
    probe_compose,
    probe_layouts,
    split,
)

OTHER_SPLITS = ("tune", "heldout", "fresh", "probe")

# sha256 (first 16 hex digits) of each other split's expected records, logged choices and Word
# files (every part of each .docx) for the twelve forms of ``digest``, computed before the probe2
# split existed. Composing and rendering with the probe2 banks registered must give exactly these;
# change them only when that split's banks, composer or renderers are changed on purpose.
BEFORE_PROBE2 = {
    "tune": "5b1e709769e8fbc3",
    "heldout": "fd90872a60548a0b",
    "fresh": "cb034834dfe42a0f",
    "probe": "d7f45e5e86a05af7",
}


def other_texts() -> set[str]:
    return {
        split.normalise(entry)
        for bank in (
            *split.BANKS.values(),
            *split.FRESH_BANKS.values(),
            *split.PROBE_BANKS.values(),
        )
        for entry in bank.entries
    }


def probe2_texts() -> set[str]:
    return {split.normalise(e) for b in split.PROBE2_BANKS.values() for e in b.entries}


def test_probe2_banks_share_nothing_with_any_other_split():
    assert split.check_probe2_banks() == []
    assert probe2_texts() and not probe2_texts() & other_texts()
    for bank in (*split.BANKS.values(), *split.FRESH_BANKS.values(), *split.PROBE_BANKS.values()):
        assert bank.part("probe2") == []
    for bank in split.PROBE2_BANKS.values():
        assert bank.part("probe2") == list(bank.entries)
        assert all(bank.part(name) == [] for name in OTHER_SPLITS)
    # every tune / held-out bank the composer and renderers ask for has a probe2 stand-in
    assert set(split.BANKS) - {"yesno.yes_comment", "yesno.no_comment"} <= set(split.PROBE2_BANKS)


def test_probe2_forms_use_only_probe2_choices_and_other_forms_none():
    other, probe2 = other_texts(), probe2_texts()
    for split_name in ("probe2", *OTHER_SPLITS):
        for index in range(12):
            family = compose.FAMILIES[index % len(compose.FAMILIES)]
            form = compose.compose(split_name, f"probe2-disjoint:{index}", family)
            build.render(form)  # layout choices are made while rendering
            assert form.used, "a form made no logged choices"
            for bank_name, text in form.used:
                if split_name == "probe2":
                    assert text in split.PROBE2_BANKS[bank_name].entries, (bank_name, text)
                    assert split.normalise(text) not in other, (bank_name, text)
                else:
                    assert split.normalise(text) not in probe2, (bank_name, text)


def digest(split_name: str) -> str:
    found = hashlib.sha256()
    for index, family in enumerate(compose.FAMILIES):
        for rep in range(2):
            form = compose.compose(split_name, f"probe2-guard:{index}:{rep}", family)
            data, extension = build.render(form)
            found.update(json.dumps([form.expected, sorted(form.used)], sort_keys=True).encode())
            if extension in ("docx", "docx-to-print"):
                with zipfile.ZipFile(io.BytesIO(data)) as package:
                    for name in sorted(package.namelist()):
                        found.update(name.encode())
                        found.update(package.read(name))
    return found.hexdigest()[:16]


def test_the_other_four_splits_are_unchanged_by_the_probe2_split():
    assert split.PROBE2_BANKS  # the probe2 banks are registered while these are composed
    assert {name: digest(name) for name in BEFORE_PROBE2} == BEFORE_PROBE2


def test_every_probe2_household_and_enclosure_shape_composes():
    """Each shape of household and enclosure is drawn within a few dozen forms."""
    shapes: set[str] = set()
    for index in range(60):
        family = compose.FAMILIES[index % len(compose.FAMILIES)]
        form = compose.compose("probe2", f"probe2-shapes:{index}", family)
        shapes |= {text for name, text in form.used if name.endswith(".shape")}
    wanted = set(probe2_wordings.HOUSEHOLD_SHAPES.entries) | set(
        probe2_wordings.ATTACHMENT_SHAPES.entries
    )
    assert wanted <= shapes, wanted - shapes
