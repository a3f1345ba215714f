"""Flat PDFs (kind "flat-pdf"): drawn forms and Word forms printed to PDF, read from layout.

No form fields, so which text is a label and which an answer is read from the page: a label is
bold (or, on forms that use no bold, ends with a colon), its answer sits to its right on the
same line or on the lines below; an answer goes on while the following lines line up with it,
across a page break too, and stops at the next label, heading, ruling line or gap. Headings are
lines standing alone in larger or bold type. A row of bold column titles with aligned rows of
plain text below (drawn lines or not) is a table, and a column of bold row titles with cells
lined up to their right a grid on its side (``parsers.pdf_sideways``). Plain-type labels are
first marked as bold ones by where they stand (``parsers.pdf_plain_labels``). Tick-box marks
stay in the answer text, each before its caption ("☒ Yes ☐ No"); the record mapper decodes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium

from parsers import attachments, labels, normalise, pdf_plain_labels, pdf_sideways, pdf_text
from parsers.model import Observation, ReadDocument, Table
from parsers.pdf_layout import (
    Style,
    carries_on,
    drop_numbering,
    drop_running_lines,
    is_upper_heading,
    join_label_wraps,
    separator,
    split_columns,
    starts_with_tick,
    wraps_onto,
)
from parsers.pdf_plain_labels import SMALL
from parsers.pdf_text import TICK_MARKS, Line, PageText, Span

HEADING, LABEL, PAIR, TEXT = "heading", "label", "pair", "text"
_INDENT = 6.0  # ems: how far in from its label an answer printed under it may start

# A label line that cannot end there ("Adult 1 –", "Name of the"): the next line goes on with it.
_UNFINISHED = re.compile(r"(?:[–\-/&(,]|\b(?:of|the|and|or|to|for|a|an|in|with|by|from|at))$", re.I)
_COLON_LABEL = re.compile(r"^[^\W\d]")  # a label starts with a letter
_QUESTION_END = re.compile(r"\?\s+\S")


def _ticks_after_question(text: str) -> bool:
    """ "Are parents aware? Yes [X] No [ ]": a question answered by boxes on its own line."""
    found = _QUESTION_END.search(text)
    return found is not None and normalise.has_boxes(text[found.end() - 1 :])


def read(pdf: pdfium.PdfDocument, page_count: int) -> ReadDocument:
    return read_pages([pdf_text.read_page(pdf, i) for i in range(page_count)])


def read_pages(pages: list[PageText], kind: str = "flat-pdf") -> ReadDocument:
    """The form on these pages: printed ones, or scanned ones read by OCR (``parsers.scan``),
    whose words carry how surely they were read into each answer's confidence."""
    drop_running_lines(pages)
    split_columns(pages)
    drop_numbering(pages)
    join_label_wraps(pages)
    if kind == "flat-pdf":  # type sizes are the PDF's own, not OCR's guesses
        pdf_plain_labels.drop_hints(pages)  # a hint beside an answer is no caption or body
        pdf_plain_labels.captions_under(pages)
        pdf_plain_labels.shaded_cells(pages)
    caps_labels = pdf_plain_labels.caps_over_bold(pages)
    style = Style.of(pages)
    # Lines in label type that head a section; type sizes only where the PDF gives them.
    headings = pdf_plain_labels.mark(pages, typeset=kind == "flat-pdf")
    reader = _Reader(pages, style, kind)
    reader.headings = headings
    reader.labels = caps_labels
    return reader.run()


@dataclass
class _Cell:
    label: bool
    text: str
    x0: float
    x1: float
    read: float = 1.0  # how surely its words were read (OCR)


@dataclass
class _Answer:
    """An answer being read: its label and the value text so far."""

    label: str
    label_x0: float
    page: PageText
    section: str
    value_x0: float | None  # None until the first value line (label above its answer)
    grid: bool  # the answer sits in its own column, away from the label
    last: Line
    last_page: PageText
    margin: float = 0.0  # where its line starts (before a question's number): wraps come back here
    label_x1: float = 0.0  # where the label ends: a label set right wraps under that edge
    text: str = ""
    confidence: float = 0.9
    read: float = 1.0  # the least sure OCR reading among its words


class _Reader:
    def __init__(self, pages: list[PageText], style: Style, kind: str):
        self.items = [(page, line) for page in pages for line in page.lines]
        self.style = style
        self.doc = ReadDocument(kind=kind)
        self.section = ""
        self.answer: _Answer | None = None
        self.last_heading: tuple[PageText, Line] | None = None
        self.headings: set[int] = set()  # ids of lines that are headings by where they stand
        self.labels: set[int] = set()  # ids of lines that are labels though in capitals

    def run(self) -> ReadDocument:
        i = 0
        while i < len(self.items):
            page, line = self.items[i]
            end = self._table(i) or self._sideways(i)
            if end:
                i = end
                continue
            kind = self._kind(i)
            if kind == HEADING:
                self._heading(page, line)
            elif self._label_goes_on(page, line):
                self._extend_label(page, line)
            elif kind in (PAIR, LABEL):
                self._pair(page, line, self._cells(line))
            elif self.answer and self._value_goes_on(page, line):
                self._append(page, line, " ".join(_as_options([s.text for s in line.spans])))
            elif self._lists_under_heading():
                self._listed(page, line)
            else:
                self._close()  # text belonging to no label: instructions, notes
            if kind != HEADING:
                self.last_heading = None
            i += 1
        self._close()
        return self.doc

    # What a line is

    def _kind(self, i: int) -> str:
        page, line = self.items[i]
        first = line.spans[0]
        if id(line) in self.labels:
            return LABEL
        if normalise.says_what_it_is(line.text):
            return TEXT  # "LE3 6RD", "26 NOVEMBER 2016" in capitals answer, they head nothing
        if self.style.heading_like(line) or id(line) in self.headings:
            return HEADING
        if starts_with_tick(first.text) or first.text[-1:] in pdf_text.TICK_MARKS:
            return TEXT  # options ("☒ Early Help", "Early Help ✓   s.17"), not a label
        if first.bold:
            if len(line.spans) > 1:
                return PAIR
            text = first.text
            if text.endswith((":", "?")) or carries_on(text):
                return LABEL  # a label, or the rest of one wrapped
            if is_upper_heading(text) and len(first.words) > 1:
                return HEADING
            if self._sub_heading(i):
                return HEADING
            return LABEL
        if not self.style.labels_bold or _ticks_after_question(first.text):
            if _colon_split(first) is not None:
                return PAIR
            if len(line.spans) == 1 and first.text.endswith((":", "?")) and len(first.words) <= 12:
                return LABEL
        return TEXT

    def _sub_heading(self, i: int) -> bool:
        """A bold line on its own, of label size, with label/value lines straight below it."""
        page, line = self.items[i]
        if i + 1 >= len(self.items):
            return False
        next_page, nxt = self.items[i + 1]
        if next_page is not page or abs(nxt.x0 - line.x0) > 3:
            return False
        if any(mark in nxt.text for mark in pdf_text.TICK_MARKS):
            return False  # a question over the boxes that answer it
        if nxt.top - line.bottom > 1.5 * line.size:
            return False
        pair = len(nxt.spans) > 1 and nxt.spans[0].bold and not nxt.spans[1].bold
        # A rule under a label is the top of its answer's box; under a heading, of the rows of
        # labels and answers it heads.
        if not pair and page.rule_between(line.bottom, nxt.top, line.x0, max(line.x1, nxt.x1)):
            return False
        return pair or self.style.heading_like(nxt)

    def _cells(self, line: Line) -> list[_Cell]:
        cells = []
        for n, span in enumerate(line.spans):
            label = span.bold and not starts_with_tick(span.text)
            plain_labels = not self.style.labels_bold or _ticks_after_question(span.text)
            if n == 0 and not label and plain_labels:
                split = _colon_split(span)
                if split is not None:
                    cells.extend(split)
                    continue
                label = span.text.endswith((":", "?"))
            cells.append(_Cell(label, span.text, span.x0, span.x1, span.confidence))
        answers = [cell for cell in cells if not cell.label]
        for cell, text in zip(answers, _as_options([cell.text for cell in answers]), strict=True):
            cell.text = text
        return cells

    # Labels and answers

    def _pair(self, page: PageText, line: Line, cells: list[_Cell]) -> None:
        """A line of label(s) with their answers to the right: one answer per label."""
        self._close()
        label_end = 0.0
        for cell in cells:
            if cell.label or self.answer is None:
                self._close()
                self.answer = _Answer(
                    label=cell.text,
                    label_x0=cell.x0,
                    page=page,
                    section=self.section,
                    value_x0=None,
                    grid=False,
                    last=line,
                    last_page=page,
                    margin=line.numbered_at if line.numbered_at is not None else line.x0,
                    confidence=0.9 if cell.label else 0.6,
                    label_x1=cell.x1,
                )
                label_end = cell.x1
            elif self.answer.value_x0 is None:
                self.answer.value_x0 = cell.x0
                self.answer.grid = cell.x0 - label_end > 1.0 * line.size
                self.answer.text = cell.text
                self.answer.read = cell.read
                if not self.answer.grid:
                    self.answer.confidence = min(self.answer.confidence, 0.85)
                if not self.style.labels_bold:
                    self.answer.confidence = min(self.answer.confidence, 0.7)
            else:
                self.answer.text += " " + cell.text
                self.answer.read = min(self.answer.read, cell.read)

    def _label_goes_on(self, page: PageText, line: Line) -> bool:
        """A wrapped label: bold, under the label (lined up left or, set right, right), close
        below it; starting lower case, or in the same ruled cell as the label."""
        answer, first = self.answer, line.spans[0]
        if answer is None or not first.bold:
            return False
        set_right = abs(first.x1 - answer.label_x1) <= max(3.0, 0.5 * line.size)
        if not (abs(first.x0 - answer.label_x0) <= 3 or set_right):
            return False
        goes_on = carries_on(first.text)
        if page is not answer.last_page:  # a row carried over to the top of the next page
            overleaf = page.number == answer.last_page.number + 1 and line is page.lines[0]
            return overleaf and goes_on
        if line.top - answer.last.bottom > 0.8 * line.size:
            return False
        if page.rule_between(answer.last.bottom, line.top, line.x0, line.x1):
            return False
        return goes_on or (
            _UNFINISHED.search(answer.label) is not None and _walled(page, answer, line)
        )

    def _extend_label(self, page: PageText, line: Line) -> None:
        answer = self.answer
        assert answer is not None
        answer.label += " " + line.spans[0].text
        rest = line.spans[1:]
        if rest:
            if answer.value_x0 is None:
                answer.value_x0 = rest[0].x0
                answer.grid = True
            text = " ".join(s.text for s in rest)
            if answer.text:  # the answer's own line breaks, as if the label were not there
                value = Line(rest, line.top, line.bottom, line.baseline)
                sep = separator(answer.last, answer.last_page, value, page, self.style)
                text = answer.text + sep + text
            answer.text = text
            answer.read = min([answer.read, *(s.confidence for s in rest)])
        answer.last, answer.last_page = line, page
        answer.label_x0 = min(answer.label_x0, line.spans[0].x0)
        answer.label_x1 = max(answer.label_x1, line.spans[0].x1)

    def _value_goes_on(self, page: PageText, line: Line) -> bool:
        answer = self.answer
        assert answer is not None
        last, size = answer.last, line.size
        if page is answer.last_page:
            if line.top - last.bottom > 2.0 * size:
                return False
            # A ruling line ends an answer; but under a label still waiting for its answer it
            # is the top of the answer's box (a label on a tab over its box).
            waiting = answer.value_x0 is None and line.top - last.bottom <= 1.5 * size
            if not waiting and page.rule_between_lines(last, line):
                return False
        elif page.number != answer.last_page.number + 1:
            return False
        x0 = line.x0
        if answer.value_x0 is None:  # the answer under its label, perhaps indented
            return answer.label_x0 - 4 <= x0 <= answer.label_x0 + _INDENT * size
        # An answer run on from its label wraps back to the margin, under the label (or its
        # number).
        under = min(abs(x0 - answer.label_x0), abs(x0 - answer.margin))
        back = under <= 4 and page is answer.last_page and wraps_onto(last, page, line)
        if answer.grid:
            return abs(x0 - answer.value_x0) <= 4 or back
        right = max(answer.label_x0, answer.value_x0)
        return answer.label_x0 - 4 <= x0 <= right + 4 or back

    def _append(self, page: PageText, line: Line, text: str) -> None:
        answer = self.answer
        assert answer is not None
        if answer.value_x0 is None:
            answer.value_x0 = line.x0
            answer.text = text
        elif not answer.text:
            answer.text = text
        else:
            sep = separator(answer.last, answer.last_page, line, page, self.style)
            answer.text += sep + text
        if page is not answer.last_page:
            answer.confidence = min(answer.confidence, 0.8)
        answer.read = min(answer.read, line.confidence)
        answer.last, answer.last_page = line, page

    def _close(self) -> None:
        answer, self.answer = self.answer, None
        if answer is None or not answer.text.strip():
            return
        where = f"page {answer.page.number}"
        if answer.last_page is not answer.page:
            where = f"pages {answer.page.number}–{answer.last_page.number}"
        self.doc.observations.append(
            Observation(
                labels=[_label_text(answer.label)],
                value=answer.text.strip(),
                section=answer.section,
                where=where,
                confidence=round(answer.confidence * answer.read, 2),
            )
        )

    def _heading(self, page: PageText, line: Line) -> None:
        self._close()
        text = line.text
        prev = self.last_heading
        if (
            prev
            and prev[0] is page
            and line.top - prev[1].bottom < 0.8 * line.size
            and abs(prev[1].size - line.size) < 0.5
            and self.doc.headings
        ):
            text = f"{self.doc.headings.pop()} {text}"
        self.doc.headings.append(text)
        self.section = text
        self.last_heading = (page, line)

    def _lists_under_heading(self) -> bool:
        """Is the section one of people (a household) or of documents sent with the form?"""
        if not self.section:
            return False
        return labels.subject_in(self.section)[0] == "household" or attachments.is_list_label(
            self.section
        )

    def _listed(self, page: PageText, line: Line) -> None:
        """A line under a household or documents heading with no label of its own: a person
        ("Mother | Jane Smith | 01/02/1985") or a document ("1. EHCP: plan.pdf") written out,
        answering the heading."""
        self._close()
        self.answer = _Answer(
            label=self.section,
            label_x0=line.x0,
            page=page,
            section=self.section,
            value_x0=line.x0,
            grid=False,
            last=line,
            last_page=page,
            text=", ".join(span.text for span in line.spans),
            confidence=0.6,
        )

    # Tables

    def _table(self, i: int) -> int:
        """A row of column titles (bold or shaded) over rows of plain cells lined up under them:
        add the table and return the index after it, or 0."""
        page, head = self.items[i]
        spans = head.spans
        if len(spans) < 2 or any(starts_with_tick(s.text) for s in spans):
            return 0
        shaded = all(page.shaded(s.x0, head.top, s.x1, head.bottom) for s in spans)
        if not (all(s.bold for s in spans) or shaded):
            return 0
        columns = [s.x0 for s in spans]
        header = [s.text for s in spans]
        rows: list[list[str]] = []
        ruled_rows = False
        read = 1.0  # the least sure OCR reading among its cells
        last, j = head, i + 1
        while j < len(self.items):
            p, line = self.items[j]
            overleaf = p is not page and rows and p.number == page.number + 1 and line is p.lines[0]
            if overleaf and not any(s.bold for s in line.spans):
                page, last = p, line  # the grid goes on at the top of the next page
                ruled_rows = False
            elif p is not page or line.top - last.bottom > 1.5 * line.size:
                break
            bold = all(s.bold for s in line.spans)
            if not rows and bold and len(line.spans) > len(columns):
                # Titles over titles: "About the person" over "Relationship | Date of birth".
                columns, header = _finer_titles(columns, header, line.spans)
                last, j = line, j + 1
                continue
            placed = _place(line.spans, columns)
            if placed is None:
                break
            if not rows and bold and not _is_row_start(line, placed, columns, page, shaded):
                for k, span in zip(placed, line.spans, strict=True):
                    header[k] = f"{header[k]} {span.text}"
            elif bold or line.spans[0].bold:
                break
            elif rows and self._cell_wraps(page, last, line, placed, ruled_rows):
                read = min(read, line.confidence)
                for k, span in zip(placed, line.spans, strict=True):
                    rows[-1][k] = f"{rows[-1][k]} {span.text}".strip()
            elif len(line.spans) >= 2:
                read = min(read, line.confidence)
                row = [""] * len(columns)
                for k, span in zip(placed, line.spans, strict=True):
                    row[k] = f"{row[k]} {span.text}".strip()
                if not rows:  # rows parted by ruling lines: a line with none above wraps
                    ruled_rows = page.rule_between(last.bottom, line.top, line.x0, line.x1)
                rows.append(row)
            else:
                break
            last, j = line, j + 1
        if not rows:
            return 0
        self._close()
        follows = self.items[j][1] if j < len(self.items) else None
        form_row = follows is not None and len(follows.spans) > 1 and follows.spans[0].bold
        boxed = shaded or _ruled(page, columns, head, last)
        captions = all(s.size <= SMALL * self.style.body_size for s in spans)
        if len(rows) == 1 and (captions or form_row or (not boxed and len(columns) <= 2)):
            # Labels above their answers, several to a row: not a grid.
            for label, value in zip(header, rows[0], strict=True):
                if value:
                    self.doc.observations.append(
                        Observation(
                            labels=[_label_text(label)],
                            value=value,
                            section=self.section,
                            where=f"page {page.number}",
                            confidence=round(0.8 * read, 2),
                        )
                    )
            return j
        self.doc.tables.append(
            Table(
                header=header,
                rows=[r for r in rows if any(r)],
                section=self.section,
                where=f"page {page.number}",
                confidence=round(0.9 * read, 2),
            )
        )
        return j

    def _sideways(self, i: int) -> int:
        """A grid on its side (``parsers.pdf_sideways``): add it, return the index after it."""
        found = pdf_sideways.read(self.items, i, self.section)
        if found is None:
            return 0
        self._close()
        self.doc.tables.append(found[0])
        return found[1]

    def _cell_wraps(
        self, page: PageText, last: Line, line: Line, placed: list[int], ruled_rows: bool
    ) -> bool:
        """A line that carries on the cells of the row above rather than starting a row: in a
        grid whose rows are ruled off, any line with no rule above it."""
        if ruled_rows and line.top - last.bottom <= 0.6 * line.size:
            return not page.rule_between(last.bottom, line.top, line.x0, line.x1)
        if placed[0] == 0 and len(line.spans) >= 2:
            return False
        if line.top - last.bottom > 0.6 * line.size:
            return False
        return not page.rule_between(last.bottom, line.top, line.x0, line.x1)


def _walled(page: PageText, answer: _Answer, line: Line) -> bool:
    """Does a table's cell wall run down right of the label, beside its last line and this one?
    Then a label left unfinished goes on, even on a capital ("Adult 1 –" over "DOB")."""
    first = line.spans[0]
    edge = max(first.x1, answer.label_x1) - 1
    stop = line.spans[1].x0 if len(line.spans) > 1 else answer.value_x0 or page.width
    return any(edge <= x <= stop + 1 for x in page.walls(answer.last.top, line.bottom))


def _as_options(texts: list[str]) -> list[str]:
    """A row of options spaced apart with only the chosen one marked ("◆ Child in Need |
    Child protection | Drug and alcohol"): the others as empty boxes, so each stays an option."""
    before = [starts_with_tick(text) for text in texts]
    after = [bool(text) and text[-1] in TICK_MARKS for text in texts]  # "Male ✓"
    if len(texts) > 1 and any(before) and not all(before):
        return [text if mark else f"☐ {text}" for text, mark in zip(texts, before, strict=True)]
    if len(texts) > 1 and any(after) and not all(after):
        return [text if mark else f"{text} ☐" for text, mark in zip(texts, after, strict=True)]
    return texts


def _ruled(page: PageText, columns: list[float], head: Line, last: Line) -> bool:
    """Do drawn lines part the columns from the header row down to the last row?"""
    top, bottom = (head.top + head.bottom) / 2, (last.top + last.bottom) / 2
    return all(
        any(a < x < b + 2 and t <= top and bb >= bottom for x, t, bb in page.vrules)
        for a, b in zip(columns, columns[1:], strict=False)
    )


def _is_row_start(
    line: Line, placed: list[int], columns: list[float], page: PageText, shaded: bool
) -> bool:
    """Under a shaded header, a bold line filling most columns is a row, not more header,
    unless it sits in the header's shading too (the header's titles wrapped)."""
    if not shaded or len(placed) < max(2, len(columns) - 1) or placed[0] != 0:
        return False
    return not all(page.shaded(s.x0, line.top, s.x1, line.bottom) for s in line.spans)


def _place(spans: list[Span], columns: list[float]) -> list[int] | None:
    """The column each span sits in, or None if a span starts left of the table."""
    placed = []
    for span in spans:
        k = max((n for n, x in enumerate(columns) if x - 6 <= span.x0), default=None)
        if k is None or (placed and k < placed[-1]):
            return None
        placed.append(k)
    return placed


def _colon_split(span: Span) -> list[_Cell] | None:
    """ "Surname: Hughes" in a form that prints labels and answers in the same type, and a
    question answered by tick boxes on its line ("Are parents aware? Yes [X] No [ ]")."""
    words = span.words
    for n, word in enumerate(words[:16]):
        if n + 1 >= len(words):
            break
        ticked = word.text.endswith("?") and _ticks_after_question(span.text)
        if (word.text.endswith(":") and n < 8) or ticked:
            label = " ".join(w.text for w in words[: n + 1])
            if not _COLON_LABEL.match(label):
                return None
            return [
                _Cell(True, label, words[0].x0, word.x1),
                _Cell(
                    False,
                    " ".join(w.text for w in words[n + 1 :]),
                    words[n + 1].x0,
                    span.x1,
                    min(w.confidence for w in words[n + 1 :]),
                ),
            ]
    return None


def _label_text(label: str) -> str:
    return " ".join(label.split()).rstrip(":").strip()


def _finer_titles(columns: list[float], header: list[str], spans) -> tuple[list[float], list[str]]:
    """A second row of titles splitting the first's: the columns are the second row's. A title
    over one column keeps its words before the column's own; one over several says nothing of
    each alone."""
    groups = [max((k for k, x in enumerate(columns) if x <= s.x0 + 1), default=0) for s in spans]
    titles = []
    for span, group in zip(spans, groups, strict=True):
        alone = groups.count(group) == 1
        titles.append(f"{header[group]} {span.text}" if alone else span.text)
    return [s.x0 for s in spans], titles
