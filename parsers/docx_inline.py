"""One Word paragraph as pieces of text (with weight and size) and the answers it holds.

Content controls (``w:sdt``) and legacy form fields (``FORMTEXT``, ``FORMCHECKBOX``,
``FORMDROPDOWN``) become pieces carrying a ``Control``; a tick box is rendered as ☒ or ☐ from its
state, so the text of a paragraph reads as Word shows it. Placeholder text of an empty control
is never reported. Text boxes met inside a paragraph are handed back for the caller to read as
blocks of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.docx_controls import (
    TICKED,
    UNTICKED,
    WORD_PROMPTS,
    Control,
    SdtInfo,
    legacy_checked,
    legacy_choice,
    on,
    sdt_info,
    symbol_text,
)
from parsers.docx_package import Style, Styles, W, as_int, first_children

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_VAL = W + "val"

_CONTAINERS = frozenset(
    W + tag for tag in ("hyperlink", "smartTag", "ins", "customXml", "fldSimple", "dir", "bdo")
) | {W + "moveTo"}
_NO_STYLE = Style()
# Dot leaders, write-on lines and runs of spaces typed to line answers up ("Name of child........
# Leo", "___12 Elm Row___", "Postcode      LS9 4NF") part a label from its answer as a tab does,
# and are no part of either.
_PLACEHOLDER_GREY = "808080"
_LEADER = re.compile(r"_{3,}|\.{4,}|…{2,}|(?:\. ){3,}\.?| {3,}")
_LEADER_STARTS = ("__", "..", "……", ". .", "  ")  # a text with none of these has no leader


def _without_leaders(text: str) -> str:
    """Dot leaders and write-on lines as a tab: a gap between a label and its answer."""
    if not any(start in text for start in _LEADER_STARTS):
        return text  # (cheaply) most runs of text
    return _LEADER.sub("\t", text)


@dataclass(slots=True)
class Piece:
    text: str
    bold: bool = False
    italic: bool = False
    size: int = 0
    control: Control | None = None
    prompt: bool = False  # in Word's "Placeholder Text" style

    @property
    def printed(self) -> int:
        """How many characters it prints: its length less spaces (the weight of its type)."""
        return len("".join(self.text.split()))


@dataclass(slots=True)
class Para:
    pieces: list[Piece]
    style: str = ""
    heading: bool = False
    keep_next: bool = False
    boxes: list = field(default_factory=list)  # w:txbxContent elements met inline

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    @property
    def controls(self) -> list[Control]:
        return [piece.control for piece in self.pieces if piece.control is not None]


@dataclass(slots=True)
class _Field:
    ffdata: object
    instr: str = ""
    in_result: bool = False
    result: list[Piece] = field(default_factory=list)


def clean(text: str) -> str:
    """Layout-only tidying: tabs and no-break spaces to spaces, lines stripped, blank lines out."""
    text = text.replace("\t", " ").replace("\u00a0", " ").replace("\u200b", "").replace("\xad", "")
    return "\n".join(line for line in (part.strip() for part in text.split("\n")) if line)


def is_prompt(info: SdtInfo, text: str, pieces: list[Piece], prompts: dict[str, str]) -> bool:
    stripped = text.strip()
    if info.showing_prompt or not stripped:
        return True
    if info.prompt_part and prompts.get(info.prompt_part, "\0") == stripped:
        return True
    if stripped.lower() in WORD_PROMPTS:
        return True
    texts = [piece for piece in pieces if piece.text.strip()]
    return bool(texts) and all(piece.prompt for piece in texts)


class InlineReader:
    """Reads paragraphs of one document (styles and placeholder texts shared)."""

    def __init__(self, styles: Styles, prompts: dict[str, str]):
        self.styles = styles
        self.prompts = prompts
        self.prompt_styles = {
            sid for sid, style in styles.by_id.items() if style.name.lower() == "placeholder text"
        }

    # -- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, p) -> Para:
        ppr = p.find(W + "pPr")
        style, keep_next, outline = self.styles.default_paragraph, False, None
        if ppr is not None:
            props = first_children(ppr)
            found = props.get(W + "pStyle")
            if found is not None:
                style = found.get(W_VAL, style)
            found = props.get(W + "keepNext")
            keep_next = found is not None and on(found)
            found = props.get(W + "outlineLvl")
            if found is not None:
                outline = as_int(found.get(W_VAL))
        resolve = self.styles.resolve
        bold = resolve(style, "bold")
        italic = resolve(style, "italic")
        size = resolve(style, "size")
        self._defaults = (
            self.styles.default_bold if bold is None else bold,
            self.styles.default_italic if italic is None else italic,
            size or self.styles.default_size,
        )
        self._stack: list[_Field] = []
        self._boxes: list = []
        out: list[Piece] = []
        self._walk(p, out)
        for open_field in self._stack:  # a field running on past this paragraph
            out.extend(open_field.result)
        heading = (outline is not None and outline < 9) or self.styles.is_heading(style)
        return Para(out, style, heading, keep_next, boxes=self._boxes)

    def blocks(self, parent):
        """Paragraphs (as ``Para``) and tables (as elements) of a body, cell or text box, in order.

        A block-level content control holding only text becomes one paragraph with one control;
        one wrapping tables or other controls is read through.
        """
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                para = self.paragraph(child)
                if not self.styles.by_id.get(para.style, _NO_STYLE).name.lower().startswith("toc"):
                    yield para
                for box in para.boxes:
                    yield from self.blocks(box)
            elif tag == W + "tbl":
                yield child
            elif tag == W + "sdt":
                yield from self._block_sdt(child)
            elif tag in _CONTAINERS:
                yield from self.blocks(child)

    def _block_sdt(self, sdt):
        content = sdt.find(W + "sdtContent")
        pr = sdt.find(W + "sdtPr")
        info = sdt_info(pr)
        if content is None or info.kind == "skip":
            return
        gallery = pr.find(f"{W}docPartObj/{W}docPartGallery") if pr is not None else None
        if gallery is not None and "contents" in gallery.get(W_VAL, "").lower():
            return
        inner = list(self.blocks(content))
        paras = [block for block in inner if isinstance(block, Para)]
        if (
            info.kind in (None, "container", "checkbox")
            or len(paras) != len(inner)
            or any(para.controls for para in paras)
        ):
            yield from inner
            return
        text = "\n".join(para.text for para in paras)
        pieces = [piece for para in paras for piece in para.pieces]
        value = None if is_prompt(info, text, pieces, self.prompts) else (clean(text) or None)
        control = Control(info.kind, value, info.names)
        style = paras[0].style if paras else ""
        yield Para([Piece(value or "", control=control)], style=style)

    def _target(self, out: list[Piece]) -> list[Piece] | None:
        if not self._stack:
            return out
        top = self._stack[-1]
        return top.result if top.in_result else None

    def _walk(self, parent, out: list[Piece]) -> None:
        for child in parent:
            tag = child.tag
            if tag == W + "r":
                self._run(child, out)
            elif tag == W + "sdt":
                self._sdt(child, out)
            elif tag in _CONTAINERS:
                self._walk(child, out)

    # -- runs -----------------------------------------------------------------------------------
    def _run(self, run, out: list[Piece]) -> None:
        bold, italic, size = self._defaults
        font, prompt = "", False
        rpr = run.find(W + "rPr")
        struck = False
        if rpr is not None:
            props = first_children(rpr)
            bold, italic, size, font, prompt = self._run_props(props, bold, italic, size)
            # Words struck through are deleted: "Yes / No (delete as applicable)" with "No"
            # struck answers yes.
            struck = any(
                found is not None and on(found)
                for found in (props.get(W + "strike"), props.get(W + "dstrike"))
            )
        for child in run:
            tag = child.tag
            if tag == W + "t":
                text = _without_leaders(child.text or "")
                if font:
                    text = symbol_text(text, font)
            elif tag == W + "tab" or tag == W + "ptab":
                text = "\t"
            elif tag == W + "br" or tag == W + "cr":
                text = "\n"
            elif tag == W + "sym":
                code = as_int(child.get(W + "char"), 0, 16)
                text = symbol_text(
                    chr(code) if 0 < code < 0x110000 else "", child.get(W + "font", "")
                )
            elif tag == W + "noBreakHyphen":
                text = "-"
            elif tag == W + "fldChar":
                self._field_char(child, out)
                continue
            elif tag == W + "instrText":
                if self._stack:
                    self._stack[-1].instr += child.text or ""
                continue
            elif tag == W + "drawing" or tag == W + "pict" or tag == MC + "AlternateContent":
                self._collect_boxes(child)
                continue
            else:
                continue
            target = self._target(out)
            if target is not None and text and not struck:
                target.append(Piece(text, bold, italic, size, prompt=prompt))

    def _run_props(self, props: dict, bold, italic, size):
        """(bold, italic, size, symbol font, prompt) of a run, from its properties by tag."""
        font, prompt = "", False
        found = props.get(W + "rStyle")
        if found is not None:
            sid = found.get(W_VAL, "")
            prompt = sid in self.prompt_styles
            style_bold = self.styles.resolve(sid, "bold")
            style_italic = self.styles.resolve(sid, "italic")
            style_size = self.styles.resolve(sid, "size")
            bold = bold if style_bold is None else style_bold
            italic = italic if style_italic is None else style_italic
            size = style_size or size
        found = props.get(W + "b")
        if found is not None:
            bold = on(found)
        found = props.get(W + "i")
        if found is not None:
            italic = on(found)
        found = props.get(W + "sz")
        if found is not None:
            size = as_int(found.get(W_VAL), size)
        found = props.get(W + "rFonts")
        if found is not None:
            name = (found.get(W + "ascii") or found.get(W + "hAnsi") or "").lower()
            if name.startswith("wingdings"):
                font = name
        found = props.get(W + "color")
        if found is not None and found.get(W_VAL, "").upper() == _PLACEHOLDER_GREY:
            prompt = True  # the grey of Word's placeholder text: a prompt typed into a control
        return bold, italic, size, font, prompt

    def _collect_boxes(self, element) -> None:
        if element.tag == MC + "AlternateContent":
            branch = element.find(MC + "Choice")
            if branch is None:
                branch = element.find(MC + "Fallback")
            element = branch if branch is not None else element
        self._boxes.extend(element.iter(W + "txbxContent"))

    # -- legacy form fields ---------------------------------------------------------------------
    def _field_char(self, element, out: list[Piece]) -> None:
        kind = element.get(W + "fldCharType")
        if kind == "begin":
            self._stack.append(_Field(element.find(W + "ffData")))
        elif kind == "separate" and self._stack:
            self._stack[-1].in_result = True
        elif kind == "end" and self._stack:
            done = self._stack.pop()
            target = self._target(out)
            if target is not None:
                target.extend(self._field_pieces(done))

    def _field_pieces(self, done: _Field) -> list[Piece]:
        words = done.instr.split()
        code = words[0].upper() if words else ""
        if code not in ("FORMCHECKBOX", "FORMTEXT", "FORMDROPDOWN"):
            return done.result
        names, field_name, ffdata = [], "", done.ffdata
        if ffdata is not None:
            for tag in ("statusText", "helpText", "name"):
                found = ffdata.find(W + tag)
                value = found.get(W_VAL, "").strip() if found is not None else ""
                if value and value not in names:
                    names.append(value)
                if tag == "name":
                    field_name = value
        if code == "FORMCHECKBOX":
            checked = legacy_checked(ffdata)
            control = Control("checkbox", checked, names, field_name)
            return [Piece(TICKED if checked else UNTICKED, control=control)]
        if code == "FORMDROPDOWN":
            value = legacy_choice(ffdata)
        else:
            value = clean("".join(piece.text for piece in done.result)) or None
        return [Piece(value or "", control=Control(code[4:].lower(), value, names, field_name))]

    # -- content controls -------------------------------------------------------------------------
    def _sdt(self, sdt, out: list[Piece]) -> None:
        content = sdt.find(W + "sdtContent")
        if content is None:
            return
        info = sdt_info(sdt.find(W + "sdtPr"))
        target = self._target(out)
        if info.kind == "skip" or target is None:
            return
        if info.kind is None or info.kind == "container":
            self._walk(content, out)
            return
        if info.kind == "checkbox":
            control = Control("checkbox", info.checked, info.names)
            target.append(Piece(TICKED if info.checked else UNTICKED, control=control))
            return
        inner: list[Piece] = []
        self._walk(content, inner)
        if any(piece.control for piece in inner):  # a control around other controls
            target.extend(inner)
            return
        text = "".join(piece.text for piece in inner)
        value = None if is_prompt(info, text, inner, self.prompts) else (clean(text) or None)
        target.append(Piece(value or "", control=Control(info.kind, value, info.names)))
