"""What the look of a PDF's text says: running headers, headings, paragraph and line breaks.

Shared by both PDF readers. Nothing here knows the wording of any form: a heading is told by its
size and weight and by standing alone, a running header by repeating on every page, a paragraph
break by extra space, a hard line break (an address line) by a next word that would have fitted.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from parsers.normalise import is_question_number
from parsers.pdf_text import TICK_MARKS, Line, PageText

_PAGE_NUMBER = re.compile(r"^(page\s*)?\d+(\s*(of|/)\s*\d+)?$", re.IGNORECASE)
_MARGIN = 0.1  # running headers and footers sit in the top and bottom tenth of a page


def drop_running_lines(pages: list[PageText]) -> None:
    """Remove running headers and footers: margin lines repeated on most pages (digits aside,
    so "Page 2 of 3" and "REF-64182" match) and bare page numbers."""
    seen: Counter[tuple[bool, str]] = Counter()
    for page in pages:
        keys = {_margin_key(page, line) for line in page.lines}
        seen.update(k for k in keys if k is not None)
    needed = max(2, (len(pages) + 1) // 2)
    for page in pages:
        page.lines = [
            line
            for line in page.lines
            if not (
                (key := _margin_key(page, line)) is not None
                and (seen[key] >= needed or _PAGE_NUMBER.match(key[1].replace("#", "1")))
            )
        ]


def drop_numbering(pages: list[PageText]) -> None:
    """Take the numbers off numbered questions and sections ("1a) | Your name | Ann", "2 | About
    the child"): printed apart from the words, a number would read as the label."""
    for page in pages:
        for line in page.lines:
            if len(line.spans) > 1 and is_question_number(line.spans[0].text):
                line.numbered_at = line.spans[0].x0
                line.keep(line.spans[1:])


_GUTTER = 8.0  # points: the least clear width between two columns of text
_COLUMN_LINES = 5  # lines each column must have of its own
_LEVEL = 0.5  # points between the feet of two spans on one line, at most


def split_columns(pages: list[PageText]) -> None:
    """Read a page printed in two columns one column after the other: its lines cut at the
    gutter, the left column's lines, then the right's, between lines running across both
    (a title, a wide table). A form of labels with answers beside them has its labels and
    answers on the same lines, so it is never taken for two columns."""
    for page in pages:
        gutter = _gutter(page)
        if gutter is None:
            continue
        ordered: list[Line] = []
        left: list[Line] = []
        right: list[Line] = []
        for line in page.lines:
            if any(span.x0 < gutter < span.x1 for span in line.spans):
                ordered += left + right + [line]  # across both columns: a break between bands
                left, right = [], []
                continue
            parts = (
                [span for span in line.spans if span.x1 <= gutter],
                [span for span in line.spans if span.x0 >= gutter],
            )
            for side, spans in zip((left, right), parts, strict=True):
                if spans:
                    side.append(_part(line, spans))
        page.lines = ordered + left + right


_GOES_ON = "(&'’/–-,"


def carries_on(text: str) -> bool:
    """Does a line starting so carry on the label above it (lower case, a bracket, a dash)?"""
    return text[:1].islower() or text[:1] in _GOES_ON


def join_label_wraps(pages: list[PageText]) -> None:
    """Labels of a row of two or more label | answer pairs wrapped onto the line below, each
    under its own label and nothing under the answers ("Child/young person's | Łukasz Wójcik |
    Address the young | 55 Quarry Bank" over "full name | person lives at"): joined to their
    labels, so that each pair reads as one label beside its answer."""
    for page in pages:
        kept: list[Line] = []
        for line in page.lines:
            above = kept[-1] if kept else None
            if above is not None and _wraps_labels(above, line):
                labels = above.spans[::2]
                for span in line.spans:
                    label = next(s for s in labels if abs(s.x0 - span.x0) <= _ALIGNED)
                    label.words.extend(span.words)
                    label.bottom = max(label.bottom, span.bottom)
                above.keep(above.spans)
                above.bottom = max(above.bottom, line.bottom)
                continue
            kept.append(line)
        page.lines = kept


_ALIGNED = 2.0  # points between the starts of a label and the rest of it wrapped under it


def _wraps_labels(above: Line, line: Line) -> bool:
    if len(above.spans) < 4 or len(above.spans) % 2 or line.top - above.bottom > 0.5 * line.size:
        return False
    if not all(carries_on(s.text) for s in line.spans):
        return False  # a name or a heading starts with a capital; the rest of a label does not
    labels, answers = above.spans[::2], above.spans[1::2]
    under_labels = all(
        any(abs(s.x0 - label.x0) <= _ALIGNED for label in labels) for s in line.spans
    )
    under_answers = any(abs(s.x0 - answer.x0) <= _ALIGNED for s in line.spans for answer in answers)
    return (
        under_labels
        and not under_answers
        and all(s.x1 < answer.x0 for s in line.spans for answer in answers if answer.x0 > s.x0)
    )


def _part(line: Line, spans: list) -> Line:
    if len(spans) == len(line.spans):
        return line
    # Its own height: the other column's text on the line may stand across a ruling line.
    top, bottom = min(s.top for s in spans), max(s.bottom for s in spans)
    part = Line(spans, top, bottom, line.baseline)
    part.numbered_at = line.numbered_at
    return part


def _gutter(page: PageText) -> float | None:
    """Where a page in two columns parts them, or None: a clear band down the middle third
    with lines of their own on both sides and no more lines sharing both."""
    lines = page.lines
    if len(lines) < 2 * _COLUMN_LINES:
        return None
    best: tuple[int, float] | None = None
    x = page.width / 3
    while x <= 2 * page.width / 3:
        band = (x - _GUTTER / 2, x + _GUTTER / 2)
        crossing = sum(
            1 for line in lines for span in line.spans if span.x0 < band[1] and span.x1 > band[0]
        )
        fewer_crossing = best is None or crossing < best[0]
        if (
            fewer_crossing
            and crossing <= len(lines) // 10
            and (_ruled_apart(page, band) or _two_columns(lines, band))
        ):
            best = (crossing, x)
        x += 2.0
    return best[1] if best else None


_RULED_ROWS = 3  # ruling lines each side must have of its own


def _ruled_apart(page: PageText, band: tuple[float, float]) -> bool:
    """Tables ruled on both sides of the band and no ruling line across it: a page in two
    columns, each with its own tables, whose rows may stand level by chance."""
    left = right = 0
    for _, x0, x1 in page.hrules:
        if x1 - x0 > 0.9 * page.width:
            continue  # a page's border
        if x0 < band[0] and x1 > band[1]:
            return False
        left += x1 <= band[0]
        right += x0 >= band[1]
    return min(left, right) >= _RULED_ROWS


def _two_columns(lines: list[Line], band: tuple[float, float]) -> bool:
    """Lines only left of the band, lines only right of it, each enough of their own and no
    fewer than the lines with text on both sides (a label beside its answer) — or, printed from
    the PDF's own text, lines on both sides that mostly stand on different baselines."""
    sides = [
        (
            [span for span in line.spans if span.x1 <= band[0]],
            [span for span in line.spans if span.x0 >= band[1]],
        )
        for line in lines
    ]
    shared = [(lefts[-1], rights[0]) for lefts, rights in sides if lefts and rights]
    placed = [pair for pair in shared if None not in (pair[0].baseline, pair[1].baseline)]
    # Labels and their answers beside them stand on one baseline; two columns' lines meet
    # across the gutter by chance, mostly a little above or below each other.
    level = sum(1 for left, right in placed if abs(left.baseline - right.baseline) <= _LEVEL)
    if placed and level * 4 < len(placed):  # a grid of cells wrapped apart has some level
        fewer = min(sum(1 for lefts, _ in sides if lefts), sum(1 for _, rights in sides if rights))
        return fewer >= _COLUMN_LINES
    fewer = min(
        sum(1 for lefts, rights in sides if lefts and not rights),
        sum(1 for lefts, rights in sides if rights and not lefts),
    )
    return fewer >= _COLUMN_LINES and len(shared) <= fewer


def _margin_key(page: PageText, line: Line) -> tuple[bool, str] | None:
    if line.bottom < page.height * _MARGIN:
        top = True
    elif line.top > page.height * (1 - _MARGIN):
        top = False
    else:
        return None
    return top, re.sub(r"\d+", "#", " ".join(line.text.lower().split()))


@dataclass
class Style:
    """The document's typography: body size, whether labels are bold, usual line pitch."""

    body_size: float
    heading_size: float  # lines alone at this size or larger are headings
    labels_bold: bool
    pitch: float  # usual distance between baselines inside a paragraph

    @classmethod
    def of(cls, pages: list[PageText]) -> Style:
        regular: Counter[float] = Counter()
        bold: Counter[float] = Counter()
        bold_first = 0
        pitches: list[float] = []
        for page in pages:
            prev = None
            for line in page.lines:
                for span in line.spans:
                    (bold if span.bold else regular)[span.size] += len(span.text)
                if len(line.spans) > 1 and line.spans[0].bold and not line.spans[1].bold:
                    bold_first += 1
                if prev is not None and not any(s.bold for s in line.spans + prev.spans):
                    step = line.baseline - prev.baseline
                    if 0 < step < 2.2 * line.size:
                        pitches.append(step / line.size)
                prev = line
        body = regular.most_common(1)[0][0] if regular else 10.0
        label = bold.most_common(1)[0][0] if bold else body
        # Bold text mostly at one size bigger than the body is heading text, not labels.
        if label > body * 1.08:
            label = body
        pitch = statistics.median(pitches) if pitches else 1.25
        return cls(
            body_size=body,
            heading_size=max(body, label) * 1.08,
            labels_bold=bold_first >= 2 or sum(bold.values()) > 0.1 * sum(regular.values()),
            pitch=pitch,
        )

    def heading_like(self, line: Line) -> bool:
        """Alone on its line, bigger than labels and body, or bold and bigger than the body."""
        if len(line.spans) != 1 or starts_with_tick(line.text):
            return False
        span = line.spans[0]
        text = span.text
        if len(span.words) > 16 or text.endswith((".", ",", ";")):
            return False
        if span.size >= self.heading_size * 1.15:
            return True  # title size: a colon does not make it a label
        if text.endswith(":"):
            return False
        if span.size >= self.heading_size - 0.05:
            return True
        return span.bold and span.size > self.body_size * 1.05


def starts_with_tick(text: str) -> bool:
    return bool(text) and text[0] in TICK_MARKS


def is_upper_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def right_edge(page: PageText, line: Line, x0: float) -> float:
    """Where text starting at x0 on this line could run to: the next ruling line to the right, or
    the right margin of the page's text."""
    mid = (line.top + line.bottom) / 2
    walls = [x for x, t, b in page.vrules if t <= mid <= b and x > x0 + 5]
    if walls:
        return min(walls) - 2
    if page.text_right is None:
        right = max((ln.x1 for ln in page.lines), default=page.width)
        mirrored = page.width - min((ln.x0 for ln in page.lines), default=0.0)
        # A page of short lines says little about its margin: assume it mirrors the left one.
        page.text_right = mirrored if right < 0.75 * mirrored else right
    return page.text_right


def hard_break(prev: Line, page: PageText, nxt: Line) -> bool:
    """Did the line before end short of its margin, so the next one's first word would have
    fitted on it (a new line begun on purpose, not text wrapped)?"""
    first = nxt.spans[0].words[0]
    room = right_edge(page, prev, prev.spans[-1].x0) - prev.x1
    return room > (first.x1 - first.x0) + 0.8 * nxt.size


def wraps_onto(prev: Line, page: PageText, nxt: Line) -> bool:
    """Is ``nxt`` the text of ``prev`` wrapped at the margin: close below, and its first word
    would not have fitted on the line before?"""
    if nxt.top < prev.bottom - 1 or nxt.top - prev.bottom > 0.8 * nxt.size:
        return False
    return not hard_break(prev, page, nxt)


def separator(prev: Line, prev_page: PageText, nxt: Line, page: PageText, style: Style) -> str:
    """How two consecutive lines of one answer join: "\\n" for a new paragraph or a hard line
    break (the next line's first word would have fitted on the line before), "" after a hyphen
    that splits a word, else a space."""
    prev_text = prev.spans[-1].words[-1].text
    first = nxt.spans[0].words[0]
    if prev_text.endswith("-") and prev_text[-2:-1].isalpha():
        return ""  # "well-" over "known", "El-" over "Sayed": one hyphenated word
    pitch = nxt.baseline - prev.baseline
    if prev_page is page and nxt.top > prev.bottom and pitch > style.pitch * nxt.size * 1.25:
        return "\n"
    if starts_with_tick(first.text):
        return " "
    room = right_edge(prev_page, prev, prev.spans[-1].x0) - prev.x1
    needed = (first.x1 - first.x0) + 0.3 * nxt.size
    ends_sentence = prev_text.endswith((".", "!", "?", '"', "”", "'", "’", ")"))
    if room > needed + 0.5 * nxt.size and (prev_page is page or ends_sentence):
        return "\n"
    return " "
