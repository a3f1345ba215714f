"""How answers are written (date styles, yes/no styles, tick glyphs) and which layout variants a
form uses. Each is a bank, split like the wordings, so a held-out form's date style or table
shape is one the tune forms never show."""

from __future__ import annotations

import datetime as dt

from tests.parsers.generator.split import bank

DATE_STYLES = bank(
    "date.style",
    [
        "dd/mm/yyyy",
        "d.m.yy",
        "d Month yyyy",
        "dth Mon yyyy",
        "yyyy-mm-dd",
        "dd-mm-yyyy",
        "dd.mm.yyyy",
        "d/m/yyyy",
        "dd Mon yyyy",
        "dd/mm/yy",
        "dth Month yyyy",
        "d-Mon-yy",
    ],
)


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def write_date(date: dt.date, style: str) -> str:
    d, m, y = date.day, date.month, date.year
    month, mon = date.strftime("%B"), date.strftime("%b")
    return {
        "dd/mm/yyyy": f"{d:02}/{m:02}/{y}",
        "d.m.yy": f"{d}.{m}.{y % 100:02}",
        "d Month yyyy": f"{d} {month} {y}",
        "dth Mon yyyy": f"{ordinal(d)} {mon} {y}",
        "yyyy-mm-dd": date.isoformat(),
        "dd-mm-yyyy": f"{d:02}-{m:02}-{y}",
        "dd.mm.yyyy": f"{d:02}.{m:02}.{y}",
        "d/m/yyyy": f"{d}/{m}/{y}",
        "dd Mon yyyy": f"{d:02} {mon} {y}",
        "dd/mm/yy": f"{d:02}/{m:02}/{y % 100:02}",
        "dth Month yyyy": f"{ordinal(d)} {month} {y}",
        "d-Mon-yy": f"{d}-{mon}-{y % 100:02}",
    }[style]


YES_NO_STYLES = bank(
    "yesno.style",
    [
        "Yes / No written",
        "Y / N",
        "tick boxes",
        "Yes, with a comment",
        "YES / NO in capitals",
        "tick boxes, No first",
        "tick boxes Y N",
        "Yes ✓ beside the answer",
        "X against the answer",
        "y / n lower case",
    ],
)

YES_COMMENTS = bank(
    "yesno.yes_comment",
    [
        "Yes – discussed with mum",
        "Yes, verbally on the phone",
        "Yes - both parents agree",
        "Yes (signed form attached)",
        "Yes – agreed at home visit",
        "Yes, dad agreed",
    ],
)

NO_COMMENTS = bank(
    "yesno.no_comment",
    [
        "No – see reason below",
        "No, not at this stage",
        "No - would increase risk",
        "No (see below)",
        "No – advised by MASH not to",
    ],
)

TICK_GLYPHS = bank(
    "tick.glyphs",
    ["☒ ☐", "■ □", "[X] [ ]", "✔ ☐", "☑ ☐", "(x) ( )", "⊠ ☐"],
)

TICK_PLACES = bank(
    "tick.place",
    ["box before option", "box after option", "box before, wide gaps", "box at the end"],
)

PDF_TICKS = bank(
    "pdf.tick",
    ["drawn X in box", "drawn tick in box", "X glyph in box", "✓ glyph in box", "filled box"],
)

WORD_TABLE_LOOKS = bank(
    "word_table.look",
    [
        "bold labels",
        "shaded label cells",
        "plain labels",
        "bold shaded labels",
        "labels ending in a colon",
        "grey text labels",
    ],
)

WORD_TABLE_GRIDS = bank(
    "word_table.grid",
    [
        "one pair a row, a table per section",
        "two pairs a row",
        "one table, section rows",
        "two pairs a row, section rows",
        "label above answer in one cell",
        "one pair a row, headings outside tables",
    ],
)

WORD_LABEL_LOOKS = bank(
    "word_label.look",
    [
        "bold label, answer after colon",
        "plain label, answer after colon",
        "label on its own line, answer below",
        "bold label on its own line",
        "label, dash, answer",
        "capitals label, answer after colon",
        "label and answer separated by a tab",
    ],
)

HEADING_LOOKS = bank(
    "heading.look",
    [
        "Word heading styles",
        "bold paragraph",
        "capitals paragraph",
        "numbered bold heading",
        "underlined paragraph",
        "shaded one-cell table",
    ],
)

CONTROL_TAGS = bank(
    "controls.tag",
    [
        "camel with a txt prefix",
        "opaque TextN with alias",
        "snake case",
        "pascal case",
        "question numbers with alias",
        "alias only, no tag",
    ],
)

CONTROL_PLACES = bank(
    "controls.place",
    ["controls in table cells", "controls in paragraphs", "controls after a tab in paragraphs"],
)

ACROFORM_NAMES = bank(
    "acroform.names",
    [
        "camel with a txt prefix",
        "TextN with tooltip",
        "snake case",
        "dotted path",
        "FieldN without tooltip",
        "pascal case",
    ],
)

ACROFORM_LABEL_PLACES = bank(
    "acroform.label_place",
    ["label left of field", "label above field", "label left, two fields a row"],
)

DRAWN_LABEL_PLACES = bank(
    "drawn.label_place",
    [
        "label left of answer",
        "label above answer",
        "label left, answer in a box",
        "label above, answer in a box",
        "label in a shaded box left",
        "label left, answer on a ruled line",
    ],
)
