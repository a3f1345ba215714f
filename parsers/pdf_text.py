"""The printed text and ruling lines of PDF pages, read with PDFium.

PDFium hands over every character with its position, size and font about 25 times faster than
pdfminer, so both PDF readers take their words from here. Characters are put in reading order by
position, never by the order of the content stream: LibreOffice draws tick-box glyphs from a
fallback font after the rest of the line, and sorting by position puts each one back before the
option caption it belongs to.

A page becomes ``Line``s (characters sharing a baseline, top to bottom), each cut into ``Span``s
wherever a wide gap or a vertical ruling line separates the text (a label, a value, a table
cell), each made of ``Word``s. The ruling lines and shaded boxes drawn on the page
(``parsers.pdf_rules``) come along: they part table cells and the rows of a form.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers import normalise, pdf_rules, pdf_ticks

TICK_MARKS = frozenset(normalise.TICK_MARKS)

_WORD_GAP = 0.15  # a gap wider than this many ems is a space between words
_SPAN_GAP = 1.1  # a gap wider than this many ems separates two spans (label | value, cells)
_WRITE_ON = 0.35  # ems below a line of text within which a rule is the line it is written on
_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi")
_MAX_CHARS = 200_000  # per page; a page with more is not a form
# PDFium renamed FPDFFont_GetFontName to FPDFFont_GetBaseFontName in 2024.
_FONT_NAME = getattr(pdfium_c, "FPDFFont_GetBaseFontName", None) or getattr(
    pdfium_c, "FPDFFont_GetFontName", None
)


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    confidence: float = 1.0  # how surely it was read: below 1 only for a word read by OCR


@dataclass(slots=True)
class Span:
    """Words on one line with no wide gap or ruling line between them."""

    words: list[Word]
    top: float
    bottom: float
    size: float
    bold: bool
    baseline: float | None = None  # where its letters stand, when read from the PDF

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def confidence(self) -> float:
        return min(w.confidence for w in self.words)


@dataclass(slots=True)
class Line:
    spans: list[Span]
    top: float
    bottom: float
    baseline: float
    numbered_at: float | None = None  # where a number taken off its question stood
    size: float = field(init=False)  # the largest type on the line
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.size = max(s.size for s in self.spans)
        self.text = " ".join(s.text for s in self.spans)

    def keep(self, spans: list[Span]) -> None:
        """Keep only these spans (a number or a hint taken off), the line's text with them."""
        self.spans[:] = spans
        self.text = " ".join(s.text for s in spans)

    @property
    def x0(self) -> float:
        return self.spans[0].x0

    @property
    def x1(self) -> float:
        return self.spans[-1].x1

    @property
    def confidence(self) -> float:
        return min(s.confidence for s in self.spans)


@dataclass
class PageText:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    hrules: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    vrules: list[tuple[float, float, float]] = field(default_factory=list)  # (x, top, bottom)
    fills: list[tuple[float, float, float, float]] = field(default_factory=list)  # shaded boxes
    squares: list[tuple[float, float, float, float, bool]] = field(default_factory=list)  # ticks
    rings: list[tuple[float, float, float, float]] = field(default_factory=list)  # round options
    strokes: list[tuple[float, float, float, float]] = field(default_factory=list)  # pen marks
    display: Display | None = field(default=None, repr=False)
    text_right: float | None = field(default=None, repr=False)  # right margin, once worked out
    by_middle: _ByMiddle | None = field(default=None, repr=False, compare=False)

    def lines_between(self, top: float, bottom: float) -> list[Line]:
        """The lines whose middle is between two heights, in reading order. Looked up by
        bisection, not by a scan of the page: a form's reader asks this of every widget."""
        index = self.by_middle
        if index is None or index.lines != self.lines:  # the same lines, in the same order
            index = self.by_middle = _ByMiddle.of(self.lines)
        start = bisect_left(index.middles, top)
        end = bisect_right(index.middles, bottom)
        return [self.lines[at] for at in sorted(index.positions[start:end])]

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on this page of a box in PDF user space (a widget's /Rect)."""
        assert self.display is not None
        return self.display.box(x0, y0, x1, y1)

    def rule_between(self, top: float, bottom: float, x0: float, x1: float) -> bool:
        """Is there a horizontal ruling line between two heights, across part of x0..x1?"""
        return any(
            top - 0.5 <= y <= bottom + 0.5 and rx0 < x1 - 2 and rx1 > x0 + 2
            for y, rx0, rx1 in self.hrules
        )

    def rule_between_lines(self, above: Line, below: Line) -> bool:
        """Is there a ruling line between two lines of text, other than the write-on lines
        both are written on (a rule hugging the foot of each, as on a paper form's answer
        lines)?"""
        x0, x1 = below.x0, below.x1
        top = above.bottom
        if self.written_on(above) and self.written_on(below):
            top = above.bottom + _WRITE_ON * above.size
        return self.rule_between(top, below.top, x0, x1)

    def written_on(self, line: Line) -> bool:
        """Does a ruling line run just under this line's text (its last span: a label may
        stand to its left), across it?"""
        span = line.spans[-1]
        return any(
            line.bottom - 1 <= y <= line.bottom + _WRITE_ON * line.size
            and rx0 <= span.x0 + 2
            and rx1 >= span.x1 - 2
            for y, rx0, rx1 in self.hrules
        )

    def walls(self, top: float, bottom: float) -> list[float]:
        """Where vertical ruling lines run the whole way from ``top`` to ``bottom``: the walls
        of the table cells text between those heights stands in."""
        return [x for x, t, b in self.vrules if t <= top + 1 and b >= bottom - 1]

    def shaded(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        return any(fx0 <= cx <= fx1 and ft <= cy <= fb for fx0, ft, fx1, fb in self.fills)


@dataclass
class _ByMiddle:
    """A page's lines sorted by the height of their middles, as of one list of lines (kept as a
    copy, to tell when the page's lines have changed)."""

    lines: list[Line]
    middles: list[float]  # sorted
    positions: list[int]  # where the line of each middle stands in ``lines``

    @classmethod
    def of(cls, lines: list[Line]) -> _ByMiddle:
        ordered = sorted(((line.top + line.bottom) / 2, at) for at, line in enumerate(lines))
        return cls(list(lines), [mid for mid, _ in ordered], [at for _, at in ordered])


def read_page(pdf: pdfium.PdfDocument, index: int, *, rules: bool = True) -> PageText:
    raw = load_page(pdf, index)
    try:
        return read_raw_page(raw, index, rules=rules)
    finally:
        pdfium_c.FPDF_ClosePage(raw)


def load_page(pdf: pdfium.PdfDocument, index: int):
    """A raw PDFium page handle (close it with ``FPDF_ClosePage``). Loaded without the form
    environment's page view, which the readers do not need and which costs ten times more."""
    raw = pdfium_c.FPDF_LoadPage(pdf.raw, index)
    if not raw:
        raise pdfium.PdfiumError(f"page {index + 1} cannot be loaded")
    return raw


def read_raw_page(raw, index: int, *, rules: bool = True) -> PageText:
    """The text (and, with ``rules``, the ruling lines and shaded boxes) of an open page."""
    display = Display(raw)
    result = PageText(index + 1, display.width, display.height, display=display)
    textpage = pdfium_c.FPDFText_LoadPage(raw)
    if not textpage:
        raise pdfium.PdfiumError(f"the text of page {index + 1} cannot be read")
    try:
        chars = _chars(textpage, display)
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)
    if rules:
        pdf_rules.collect(raw, display, result)
        if result.squares or result.strokes:
            chars = pdf_ticks.place(chars, result.squares, result.strokes)
        if result.rings:
            chars = pdf_ticks.ring(chars, result.rings)
    result.lines = group_lines(chars, result)
    if result.hrules:
        _drop_struck(result)
    return result


def _drop_struck(page: PageText) -> None:
    """Words with a line through their middle are deleted ("Yes / No, delete as applicable"
    answered by striking through "No"), and that line is no ruling of the page's."""
    struck: set[tuple[float, float, float]] = set()
    short = [rule for rule in page.hrules if rule[2] - rule[1] < 0.5 * page.width]
    for line in page.lines:
        kept, changed = [], False
        for span in line.spans:
            # Each span's own baseline: a line may join two columns' text a little apart.
            base = line.baseline if span.baseline is None else span.baseline
            through = [
                rule
                for rule in short
                if base - 0.6 * span.size <= rule[0] <= base - 0.15 * span.size
            ]
            words = [w for w in span.words if not (through and _under(w, through, struck))]
            changed = changed or len(words) < len(span.words)
            if len(words) == len(span.words):
                kept.append(span)
            elif words:
                span.words[:] = words
                kept.append(span)
        if changed or len(kept) < len(line.spans):
            line.keep(kept)
    if struck:
        page.hrules = [rule for rule in page.hrules if rule not in struck]
        page.lines = [line for line in page.lines if line.spans]


def _under(word: Word, rules: list[tuple[float, float, float]], struck: set) -> bool:
    """Is the word struck through by one of the rules (noted in ``struck``)?"""
    for rule in rules:
        if rule[1] <= word.x0 + 1 and rule[2] >= word.x1 - 1:
            struck.add(rule)
            return True
    return False


class Display:
    """User space to display space: y down, page rotation and crop box applied."""

    def __init__(self, raw):
        rect = pdfium_c.FS_RECTF()
        if pdfium_c.FPDF_GetPageBoundingBox(raw, rect):
            self.left, self.bottom, self.right, self.top = (
                rect.left,
                rect.bottom,
                rect.right,
                rect.top,
            )
        else:
            self.left, self.bottom = 0.0, 0.0
            self.right = pdfium_c.FPDF_GetPageWidthF(raw)
            self.top = pdfium_c.FPDF_GetPageHeightF(raw)
        self.rotation = (pdfium_c.FPDFPage_GetRotation(raw) % 4) * 90
        w, h = self.right - self.left, self.top - self.bottom
        self.width, self.height = (h, w) if self.rotation in (90, 270) else (w, h)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) in display space of a user-space box."""
        ax, ay = self.point(x0, y0)
        bx, by = self.point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def point(self, x: float, y: float) -> tuple[float, float]:
        u, v = x - self.left, self.top - y  # unrotated, y down
        w, h = self.right - self.left, self.top - self.bottom
        if self.rotation == 90:
            return h - v, u
        if self.rotation == 180:
            return w - u, h - v
        if self.rotation == 270:
            return v, w - u
        return u, v


# A character: (x0, x1, top, bottom, baseline, size, bold, text); a word read by OCR comes as one
# "character" with its whole text and, ninth, how surely it was read.
_Char = (
    tuple[float, float, float, float, float, float, bool, str]
    | tuple[float, float, float, float, float, float, bool, str, float]
)
_LEFT, _TOP, _BOTTOM, _BOLD, _TEXT = (itemgetter(n) for n in (0, 2, 3, 6, 7))
_BASELINE_THEN_LEFT = itemgetter(4, 0)
# What is not a printed character, besides a space of any kind (``str.isspace``): a control
# or hidden mark.
_HIDDEN = frozenset(map(chr, range(0x21))) | frozenset("\xa0\xad\u200b\ufeff\uffff")
_LINE_END_HYPHENS = {2: "-", 0xFFFE: "-"}  # PDFium's marks for a hyphen that ends a line


def _chars(textpage, display: Display) -> list[_Char]:
    count = min(pdfium_c.FPDFText_CountChars(textpage), _MAX_CHARS)
    if count <= 0:
        return []
    text = _all_text(textpage, count)
    if text is None:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    box = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    page, at_box = ctypes.cast(textpage, ctypes.c_void_p), ctypes.addressof(box)
    at_x, at_y = ctypes.addressof(ox), ctypes.addressof(oy)
    fonts: dict[int, tuple[bool, float]] = {}
    bold_fonts: dict[int, bool] = {}
    out: list[_Char] = []
    plain = display.rotation == 0
    left, top = display.left, display.top
    last_i, last_key, last_x0, last_x1 = -1, 0, 0.0, 0.0  # the last character kept
    run = 1  # characters so far sharing that box (a ligature)
    base, base_key, base_bottom = 0.0, -1, None  # the baseline last asked for, and of what
    for i, ch in enumerate(text.translate(_LINE_END_HYPHENS)):
        if ch in _HIDDEN or ch.isspace() or not _loose_box(page, i, at_box):
            continue
        key = _text_object(page, i) or 0
        font = fonts.get(key)
        if font is None:
            font = fonts[key] = _font(key, page, i, bold_fonts)
        if plain:
            x0, x1 = box.left - left, box.right - left
            t, b = top - box.top, top - box.bottom
            # The characters of one text object standing level share its baseline: asked of
            # PDFium once per run, not for every character.
            if key != base_key or b != base_bottom:
                _origin(page, i, at_x, at_y)
                base, base_key, base_bottom = top - oy.value, key, b
        else:
            _origin(page, i, at_x, at_y)
            x0, t, x1, b = display.box(box.left, box.bottom, box.right, box.top)
            base = display.point(ox.value, oy.value)[1]
        out.append((x0, x1, t, b, base, font[1] or (b - t), font[0], ch))
        if i == last_i + 1 and x0 == last_x0 and x1 == last_x1 and key == last_key:
            # One glyph, several characters: a ligature ("ﬀ" in "offered", "ﬃ"). Share its
            # width, or the second "f" reads as the same glyph printed twice and is dropped.
            run += 1
            step = (x1 - x0) / run
            for n in range(run):
                at = len(out) - run + n
                out[at] = (x0 + n * step, x0 + (n + 1) * step, *out[at][2:])
        else:
            run = 1
        last_i, last_key, last_x0, last_x1 = i, key, x0, x1
    return out


def by_address(function, restype, *argtypes):
    """PDFium's ``function`` called with plain addresses: the calls made for every character (or
    form widget) cost a third less than through pypdfium2's typed pointers (``make bench``)."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_ADDRESS, _INT = ctypes.c_void_p, ctypes.c_int
_loose_box = by_address(pdfium_c.FPDFText_GetLooseCharBox, _INT, _ADDRESS, _INT, _ADDRESS)
_origin = by_address(pdfium_c.FPDFText_GetCharOrigin, _INT, _ADDRESS, _INT, _ADDRESS, _ADDRESS)
_text_object = by_address(pdfium_c.FPDFText_GetTextObject, _ADDRESS, _ADDRESS, _INT)
# And those made for every text object.
_font_size = by_address(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _ADDRESS, _INT)
_render_mode = by_address(pdfium_c.FPDFTextObj_GetTextRenderMode, _INT, _ADDRESS)
_text_font = by_address(pdfium_c.FPDFTextObj_GetFont, _ADDRESS, _ADDRESS)


def _all_text(textpage, count: int) -> str | None:
    """Every character's code in one call, or None when they do not line up one to one with the
    character indices (characters outside the Basic Multilingual Plane)."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    got = pdfium_c.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    if got != count + 1:
        return None
    text = buffer.raw[: 2 * count].decode("utf-16-le", errors="replace")
    return text if len(text) == count else None


def _font(address: int, page, index: int, bold_fonts: dict[int, bool]) -> tuple[bool, float]:
    """(bold, size) of the text object at ``address`` a character belongs to; ``bold_fonts``
    remembers each font's weight, as a page has a few fonts but many text objects."""
    size = _font_size(page, index)
    if not address:
        return False, size
    if _render_mode(address) == pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE:
        return True, size  # bold faked by stroking the outline
    font = _text_font(address)
    if not font:
        return False, size
    if font not in bold_fonts:
        bold_fonts[font] = _bold(ctypes.cast(font, pdfium_c.FPDF_FONT))
    return bold_fonts[font], size


def _bold(font) -> bool:
    buf = ctypes.create_string_buffer(128)
    n = _FONT_NAME(font, buf, len(buf)) if _FONT_NAME else 0
    name = buf.raw[: max(n - 1, 0)].decode("latin-1").lower()
    return any(w in name for w in _BOLD_WORDS) or pdfium_c.FPDFFont_GetWeight(font) >= 600


def group_lines(chars: list[_Char], page: PageText) -> list[Line]:
    """Characters (or OCR words) into lines by baseline, each cut into spans and words."""
    chars.sort(key=_BASELINE_THEN_LEFT)
    groups: list[list[_Char]] = []
    base = -1e9
    for c in chars:
        if not groups or c[4] - base > 0.4 * c[5]:
            groups.append([c])
            base = c[4]
        else:
            groups[-1].append(c)
    lines = []
    for group in groups:
        group.sort(key=_LEFT)
        spans = _spans(group, page)
        if spans:
            lines.append(
                Line(
                    spans,
                    min(s.top for s in spans),
                    max(s.bottom for s in spans),
                    group[0][4],
                )
            )
    return lines


def _spans(chars: list[_Char], page: PageText) -> list[Span]:
    walls: list[float] = []
    if page.vrules:
        mid = (min(map(_TOP, chars)) + max(map(_BOTTOM, chars))) / 2
        walls = sorted(x for x, t, b in page.vrules if t <= mid <= b)
    spans: list[Span] = []
    word: list[_Char] = []
    words: list[tuple[list[_Char], bool]] = []  # (chars, starts a new span)
    prev: _Char | None = None
    new_span = True
    chars, after_leaders = _without_leaders(chars)
    for at, c in enumerate(chars):
        if at in after_leaders and word:
            words.append((word, new_span))  # "Surname........Hughes": dots part label, answer
            word, new_span, prev = [], True, None
        if prev is not None:
            if abs(c[0] - prev[0]) < 0.5 and c[7] == prev[7]:
                continue  # the same glyph printed twice (fake bold, shadow)
            gap = c[0] - prev[1]
            # Most characters follow the last with no gap: weigh the gap in ems only when it
            # could matter (an em is never taken as less than one point).
            if gap > _WORD_GAP or walls or len(c) > 8:
                em = max(min(c[5], prev[5]), 1.0)
                if gap > _SPAN_GAP * em or (walls and _wall_between(walls, prev[1], c[0])):
                    words.append((word, new_span))
                    word, new_span = [], True
                elif gap > _WORD_GAP * em or len(c) > 8:  # an OCR word is a word of its own
                    words.append((word, new_span))
                    word, new_span = [], False
        word.append(c)
        prev = c
    if word:
        words.append((word, new_span))
    current: list[list[_Char]] = []
    all_bold = True  # every character of ``current`` is bold
    for w, starts in words:
        bold = list(map(_BOLD, w))
        # A bold label running straight into a regular value ("Surname: Hughes") ends there.
        if current and (starts or (all_bold and not any(bold))):
            spans.append(_span(current))
            current, all_bold = [], True
        current.append(w)
        all_bold = all_bold and all(bold)
    if current:
        spans.append(_span(current))
    return spans


_LEADERS = re.compile(r"[._]{4,}|…{2,}")


def _without_leaders(chars: list[_Char]) -> tuple[list[_Char], frozenset[int]]:
    """The characters less runs of dot leaders (or a write-on line of underscores) between a
    label and its answer, and where each run was: the character after it starts a span."""
    text = "".join(map(_TEXT, chars))
    if text.count(".") + text.count("_") < 4 and text.count("…") < 2:
        return chars, frozenset()  # too few dots for a run of them (most lines)
    text = "".join((c[7] or " ")[0] for c in chars)  # a character (or OCR word) a position
    runs = [found.span() for found in _LEADERS.finditer(text)]
    if not runs:
        return chars, frozenset()
    kept, starts, at = [], set(), 0
    for start, end in runs:
        kept.extend(chars[at:start])
        starts.add(len(kept))
        at = end
    kept.extend(chars[at:])
    return kept, frozenset(starts)


def _wall_between(walls: list[float], left: float, right: float) -> bool:
    """Is there a vertical ruling line between two characters?"""
    return any(left - 1 <= x <= right + 1 for x in walls)


def _read(word: list[_Char]) -> tuple[float, ...]:
    """A word's OCR confidence as ``Word`` takes it, or nothing for printed text."""
    return (min(c[8] for c in word),) if len(word[0]) > 8 else ()


def _span(words: list[list[_Char]]) -> Span:
    chars = [c for w in words for c in w]
    letters = [c[6] for c in chars if c[7] not in TICK_MARKS]
    return Span(
        [Word("".join(map(_TEXT, w)), w[0][0], w[-1][1], *_read(w)) for w in words],
        min(map(_TOP, chars)),
        max(map(_BOTTOM, chars)),
        round(chars[len(chars) // 2][5], 1),
        bool(letters) and sum(letters) >= 0.6 * len(letters),
        None if _read(chars) else chars[len(chars) // 2][4],  # OCR's baselines are guesses
    )
