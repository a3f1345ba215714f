"""Parsing accuracy on generated held-out forms (tests/parsers/generator): wordings, headings,
layouts, date and yes/no styles that tuning on the tune split never sees. A floor, raised as
parsing generalises (the target is 95%); the split itself is checked to hold out for real.

The fresh split (generator/fresh_*.py) shares no wording, heading, style or layout with either;
its forms must parse without crashing above a floor, and its mistakes are never printed."""

from tests.parsers.accuracy import measure
from tests.parsers.generator import build, compose, split

# What the parsers scored when this test was written, less about 3 points; raise it as parsing
# improves, towards the 95% of issue 10.
# 84.5% on 2026-12-07 (first session), 87.8% at its end; 92.5% at the end of the fourth;
# 95.2% on 2026-12-07 (fifth session; 95.3% on 60 forms).
HELD_OUT_FLOOR = 0.92
# Forms the parsers cannot read at all (4 drawn PDFs when this test was written, 0 since
# 2026-12-07).
MAX_FAILURES = 0
FORMS = 24  # four of each family


def test_held_out_generated_forms_parse_above_the_floor(tmp_path):
    build.generate("heldout", FORMS, tmp_path, seed=0)
    report = measure(tmp_path)
    for family in sorted(report.family_right.keys() | report.family_wrong.keys()):
        right, wrong = report.family_right[family], report.family_wrong[family]
        print(f"{family:14} {right / (right + wrong):6.1%} ({right}/{right + wrong})")
    print(f"held-out generated forms: {report.accuracy:.2%}, failures {len(report.failures)}")
    assert len(report.failures) <= MAX_FAILURES, report.failures
    assert report.accuracy >= HELD_OUT_FLOOR, "\n".join(report.mistakes[:40])


def test_every_bank_keeps_choices_on_both_sides_and_no_choice_on_two():
    assert split.check_banks() == []
    sides: dict[str, set[str]] = {}
    for bank in split.BANKS.values():
        for entry in bank.entries:
            sides.setdefault(split.normalise(entry), set()).add(split.side(entry))
    assert all(len(found) == 1 for found in sides.values())


def test_held_out_forms_use_no_wording_or_layout_of_the_tune_split():
    tune = {split.normalise(entry) for bank in split.BANKS.values() for entry in bank.part("tune")}
    for split_name, other in (("heldout", tune), ("tune", None)):
        for index in range(36):
            family = compose.FAMILIES[index % len(compose.FAMILIES)]
            form = compose.compose(split_name, f"disjoint:{index}", family)
            build.render(form)  # layout choices are made while rendering
            assert form.used, "a form made no logged choices"
            for bank_name, text in form.used:
                assert split.side(text) == split_name, (bank_name, text)
                if other is not None:
                    assert split.normalise(text) not in other, (bank_name, text)


# --- the fresh split: choices in neither bank, mistakes never shown -----------------------------

# The fresh 12-form figure (2 of each family, seed 0) when this test was written, 21.2%, less 5
# points; 43.5% on 2026-12-07 after tuning on the probe split, less 3; 44.8% after the next
# session's, less 3; 48.9% on 2026-12-07 (third session), less 3; 58.8% on 2026-12-07 (fourth
# session, after tuning on probe2), 59.5% at its end, less 3; 63.1% in the fifth, less 3. Raise
# it only from the figure itself: never print or read the fresh mistakes.
FRESH_FLOOR = 0.60
FRESH_FORMS = 12


def fresh_and_other_texts() -> tuple[set[str], set[str]]:
    from tests.parsers.generator import fresh_compose, fresh_layouts  # noqa: F401 (registers)

    fresh = {split.normalise(e) for b in split.FRESH_BANKS.values() for e in b.entries}
    other = {split.normalise(e) for b in split.BANKS.values() for e in b.entries}
    return fresh, other


def test_fresh_banks_share_no_wording_heading_style_or_layout_with_tune_or_heldout():
    fresh, other = fresh_and_other_texts()
    assert split.check_fresh_banks() == []
    assert fresh and not fresh & other
    for bank in split.BANKS.values():
        assert bank.part("fresh") == []
    for bank in split.FRESH_BANKS.values():
        assert bank.part("tune") == [] and bank.part("heldout") == []
    # every tune / held-out bank the composer and renderers ask for has a fresh stand-in
    stand_ins = set(split.BANKS) - {"yesno.yes_comment", "yesno.no_comment"}
    assert stand_ins <= set(split.FRESH_BANKS)


def test_fresh_forms_use_only_fresh_choices_and_other_forms_none():
    fresh, other = fresh_and_other_texts()
    for split_name in ("fresh", "tune", "heldout"):
        for index in range(FRESH_FORMS):
            family = compose.FAMILIES[index % len(compose.FAMILIES)]
            form = compose.compose(split_name, f"fresh-disjoint:{index}", family)
            build.render(form)  # layout choices are made while rendering
            assert form.used, "a form made no logged choices"
            for bank_name, text in form.used:
                if split_name == "fresh":
                    assert text in split.FRESH_BANKS[bank_name].entries, (bank_name, text)
                    assert split.normalise(text) not in other, (bank_name, text)
                else:
                    assert split.normalise(text) not in fresh, (bank_name, text)


def test_fresh_generated_forms_parse_without_crashing_above_the_floor(tmp_path):
    build.generate("fresh", FRESH_FORMS, tmp_path, seed=0)
    report = measure(tmp_path)  # a crash in a reader propagates and fails here
    for family in sorted(report.family_right.keys() | report.family_wrong.keys()):
        right, wrong = report.family_right[family], report.family_wrong[family]
        print(f"{family:14} {right / (right + wrong):6.1%} ({right}/{right + wrong})")
    print(f"fresh generated forms: {report.accuracy:.2%}, failures {len(report.failures)}")
    assert len(report.failures) == 0, f"{len(report.failures)} fresh forms failed to parse"
    assert report.accuracy >= FRESH_FLOOR, f"fresh accuracy {report.accuracy:.2%}"
