"""What a form field holds: content controls (``w:sdt``), legacy form fields and tick boxes.

``Control`` is one answer held in a field; ``sdt_info`` reads a content control's properties
(alias, tag, kind, tick state, placeholder); the legacy helpers read ``w:ffData``.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.docx_package import W, as_int
from parsers.normalise import TICK_MARKS

W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W_VAL = W + "val"

TICKED, UNTICKED = "☒", "☐"
MARKS = frozenset(TICK_MARKS)
# Word's own prompts in empty controls (its UI text, not any form's wording).
WORD_PROMPTS = frozenset(
    {
        "click or tap here to enter text.",
        "click here to enter text.",
        "click or tap to enter a date.",
        "click here to enter a date.",
        "choose an item.",
        "click or tap here to enter text",
        "click here to enter text",
    }
)
# Tick boxes drawn with symbol fonts (low byte of the character code).
_WINGDINGS = {0xFE: "☑", 0xFD: "☒", 0x78: "☒", 0xFC: "✓", 0xA8: "☐", 0x6F: "☐", 0x71: "☐"}
_WINGDINGS2 = {0x52: "☑", 0x54: "☒", 0x53: "☒", 0x50: "✓", 0xA3: "☐", 0x2A: "☐"}

_CONTAINER_KINDS = frozenset(
    W + tag for tag in ("docPartObj", "docPartList", "group", "citation", "bibliography")
)
_SKIP_KINDS = frozenset({W + "picture", W + "equation"})


@dataclass(slots=True)
class Control:
    kind: str  # "checkbox", "text", "date", "dropdown"
    value: str | bool | None
    names: list[str]  # alias / help text first, then tag / field name
    field_name: str = ""


@dataclass(slots=True)
class SdtInfo:
    kind: str | None  # control kind, "container", "skip" or None (no properties)
    names: list[str]
    checked: bool = False
    showing_prompt: bool = False
    prompt_part: str = ""


def on(element) -> bool:
    return element.get(W_VAL, "true").lower() not in ("0", "false", "off", "none")


def sdt_info(pr) -> SdtInfo:
    if pr is None:
        return SdtInfo(kind=None, names=[])
    names, kind, checked, showing, prompt_part = [], None, False, False, ""
    for child in pr:
        tag = child.tag
        if tag == W + "alias" or tag == W + "tag":
            value = child.get(W_VAL, "").strip()
            if value:
                names.append(value)
        elif tag == W14 + "checkbox":
            kind = "checkbox"
            state = child.find(W14 + "checked")
            checked = state is not None and state.get(W14 + "val", "0") in ("1", "true")
        elif tag == W + "date":
            kind = "date"
        elif tag in (W + "dropDownList", W + "comboBox"):
            kind = "dropdown"
        elif tag in (W + "text", W + "richText"):
            kind = kind or "text"
        elif tag == W + "showingPlcHdr":
            showing = on(child)
        elif tag == W + "placeholder":
            part = child.find(W + "docPart")
            prompt_part = part.get(W_VAL, "") if part is not None else ""
        elif tag in _CONTAINER_KINDS or tag.endswith("}repeatingSection"):
            kind = "container"
        elif tag in _SKIP_KINDS:
            kind = "skip"
    if kind is None and (names or showing or prompt_part):
        kind = "text"
    return SdtInfo(kind, names, checked, showing, prompt_part)


def legacy_checked(ffdata) -> bool:
    box = ffdata.find(W + "checkBox") if ffdata is not None else None
    if box is None:
        return False
    state = box.find(W + "checked")
    if state is not None:
        return on(state)
    default = box.find(W + "default")
    return default is not None and on(default)


def legacy_choice(ffdata) -> str | None:
    choices = ffdata.find(W + "ddList") if ffdata is not None else None
    if choices is None:
        return None
    entries = [entry.get(W_VAL, "") for entry in choices.iter(W + "listEntry")]
    index = 0
    for tag in ("result", "default"):
        found = choices.find(W + tag)
        if found is not None:
            index = as_int(found.get(W_VAL), 0)
            break
    return (entries[index].strip() or None) if 0 <= index < len(entries) else None


def symbol_text(text: str, font: str) -> str:
    font = font.lower()
    if not font.startswith("wingdings"):
        return text
    table = _WINGDINGS2 if "2" in font else _WINGDINGS
    return "".join(table.get(ord(char) & 0xFF, char) for char in text)
