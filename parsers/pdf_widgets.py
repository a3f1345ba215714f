"""Where a form's widgets sit among the printed words: the label of a text box, the caption and
question of a tick box, a grid of boxes under printed column titles.

All positions are on the page as displayed (``parsers.pdf_text``); nothing here knows wording
but what ``parsers.labels`` says of a grid's row titles.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from parsers import labels
from parsers.model import Table
from parsers.pdf_text import Line, PageText, Span

BOXES = (pdfium_c.FPDF_FORMFIELD_CHECKBOX, pdfium_c.FPDF_FORMFIELD_RADIOBUTTON)

Box = tuple[float, float, float, float]  # x0, top, x1, bottom on the page as displayed
_MIN_KNOWN = 2  # row titles naming household columns in a grid on its side


@dataclass
class Field:
    name: str
    tooltip: str
    kind: int  # FPDF_FORMFIELD_*
    flags: int
    value: str
    widgets: int = 0

    @property
    def text(self) -> str:
        return self.value.replace("\r\n", "\n").replace("\r", "\n").strip()


@dataclass
class Widget:
    field: Field
    page: int  # 0-based
    box: Box
    on_state: str = ""  # a tick box's export value ("Yes", "Early Help")
    ticked: bool = False

    @property
    def is_box(self) -> bool:
        return self.field.kind in BOXES


def _blocked(a: float, b: float, top: float, bottom: float, widgets: list[Widget], me) -> bool:
    """Is there another widget between x=a and x=b at this height?"""
    return any(
        w is not me
        and w.box[0] >= a - 1
        and w.box[2] <= b + 1
        and w.box[1] < bottom
        and w.box[3] > top
        for w in widgets
    )


def _same_line(top: float, bottom: float, box: Box) -> bool:
    mid = (top + bottom) / 2
    return box[1] - 2 <= mid <= box[3] + 2


def beside(line: Line, box: Box) -> bool:
    """Is the printed line on the same line as a widget?"""
    return _same_line(line.top, line.bottom, box)


def _lines_beside(page: PageText, box: Box) -> list[Line]:
    """The printed lines on the same line as a widget (as ``beside`` tells), in reading order."""
    return page.lines_between(box[1] - 2, box[3] + 2)


def printed_label(
    page: PageText, w: Widget, widgets: list[Widget], under: bool = False
) -> tuple[str, float]:
    """The printed words to the left of the widget on its line (and on the lines beside the top
    of a tall box), or else just above it (``under``: just below it, on a page that captions
    its fields underneath)."""
    x0, top, x1, bottom = w.box
    nearest_spans = []
    for line in _lines_beside(page, w.box):  # of a tall box, only those beside its top
        reach = min(bottom, top + 3.5 * line.size)
        if not top - 2 <= (line.top + line.bottom) / 2 <= reach + 2:
            continue
        spans = [s for s in line.spans if s.x1 <= x0 + 2]
        if spans and not _blocked(spans[-1].x1, x0, line.top, line.bottom, widgets, w):
            nearest_spans.append(spans[-1])
    if nearest_spans:
        nearest = max(nearest_spans, key=lambda s: s.x1)
        column = [s for s in nearest_spans if abs(s.x0 - nearest.x0) < 4 or s is nearest]
        column.sort(key=lambda s: s.top)
        column += _wrapped_on(page, column[-1], widgets)
        gap = x0 - nearest.x1
        return " ".join(s.text for s in column), 0.9 if gap < page.width * 0.4 else 0.75
    above = _label_near(page, w, widgets, under)
    if above:
        return above, 0.8
    return "", 0.5


def captions_under(page: PageText, widgets: list[Widget]) -> bool:
    """Does this page caption its text fields underneath ("[ Maya ]" over "Child's first
    name")? Most fields with words only above and below have the nearer words below."""
    votes = 0
    for w in widgets:
        if w.is_box:
            continue
        above, below = _nearest_line(page, w, False), _nearest_line(page, w, True)
        if below is not None and (above is None or below[0] < above[0]):
            votes += 1
        elif above is not None:
            votes -= 1
    return votes > 0


def _wrapped_on(page: PageText, label: Span, widgets: list[Widget]) -> list[Span]:
    """The lines a printed label wraps onto below its widget's line: lined up under it, close,
    and beside no widget of their own."""
    out: list[Span] = []
    last = label
    for line in page.lines:
        if line.top < last.bottom - 1 or line.top - last.bottom > 0.6 * line.size:
            continue
        first = line.spans[0]
        if abs(first.x0 - label.x0) > 4 or last.text.endswith((":", "?")):
            continue
        if any(_same_line(line.top, line.bottom, w.box) for w in widgets):
            continue
        out.append(first)
        last = first
    return out


def _nearest_line(page: PageText, w: Widget, under: bool) -> tuple[float, Line] | None:
    """The closest line of words over (or under) the widget, with the gap to it."""
    x0, top, x1, bottom = w.box
    best: tuple[float, Line] | None = None
    for line in page.lines:
        gap = line.top - bottom if under else top - line.bottom
        if gap < -2 or gap > 2.5 * line.size:
            continue
        if not any(s.x0 < x1 and s.x1 > x0 for s in line.spans):
            continue
        if best is None or gap < best[0]:
            best = (gap, line)
    return best


def _label_near(page: PageText, w: Widget, widgets: list[Widget], under: bool) -> str:
    x0, top, x1, bottom = w.box
    found = _nearest_line(page, w, under)
    if found is None:
        return ""
    line = found[1]
    near, far = (bottom, line.top) if under else (line.bottom, top)
    if any(
        o is not w
        and o.box[1] >= near - 1
        and o.box[3] <= far + 1
        and o.box[0] < x1
        and o.box[2] > x0
        for o in widgets
    ):
        return ""  # another box sits between the words and this one
    spans = [s for s in line.spans if s.x0 < x1 and s.x1 > x0]
    return " ".join(s.text for s in spans)


# Tick boxes


Runs = dict[int, dict[str, list]]  # a tick box's id -> "left", "right" -> its run that side


def runs_beside(page: PageText, boxes: list[Widget], widgets: list[Widget]) -> Runs:
    """Each tick box's run of words on either side (``_run``): worked out once a box for the
    side a page captions its boxes, the boxes' captions and the questions of their rows."""
    return {
        id(w): {side: _run(page, w, widgets, side) for side in ("right", "left")} for w in boxes
    }


def caption_side(boxes: list[Widget], runs: Runs) -> str:
    """Do this page's tick boxes have their captions to the right (☐ Yes) or left (Yes ☐)?"""
    votes = 0
    for w in boxes:
        right, left = runs[id(w)]["right"], runs[id(w)]["left"]
        gap_r = right[0][0] - w.box[2] if right else None
        gap_l = w.box[0] - left[-1][1] if left else None
        if gap_r is not None and (gap_l is None or gap_r < gap_l):
            votes += 1
        elif gap_l is not None:
            votes -= 1
    return "right" if votes >= 0 else "left"


def _run(page: PageText, w: Widget, widgets: list[Widget], side: str) -> list:
    """The words of the span next to a tick box on one side, up to the next widget."""
    x0, top, x1, bottom = w.box
    best = None
    for line in _lines_beside(page, w.box):
        for span in line.spans:
            words = [
                (wd.x0, wd.x1, wd.text)
                for wd in span.words
                if (wd.x0 >= x1 - 1 if side == "right" else wd.x1 <= x0 + 1)
            ]
            if not words:
                continue
            edge = words[0][0] - x1 if side == "right" else x0 - words[-1][1]
            if edge > 3 * line.size:
                continue
            if best is None or edge < best[0]:
                best = (edge, words, line.size)
    if best is None:
        return []
    _, words, size = best
    if side == "right":
        stop = min(
            (
                o.box[0]
                for o in widgets
                if o is not w and o.box[0] >= x1 and o.box[1] < bottom and o.box[3] > top
            ),
            default=1e9,
        )
        words = [wd for wd in words if wd[1] <= stop + 1]
    else:
        stop = max(
            (
                o.box[2]
                for o in widgets
                if o is not w and o.box[2] <= x0 and o.box[1] < bottom and o.box[3] > top
            ),
            default=-1e9,
        )
        words = [wd for wd in words if wd[0] >= stop - 1]
    return words


def caption(w: Widget, runs: Runs, side: str) -> tuple[str, float]:
    words = runs[id(w)][side]
    if not words:
        words = runs[id(w)]["left" if side == "right" else "right"]
        if not words:
            return "", 0.5
        return " ".join(wd[2] for wd in words), 0.7
    return " ".join(wd[2] for wd in words), 0.9


def box_rows(boxes: list[Widget]) -> list[list[Widget]]:
    rows: list[list[Widget]] = []
    for w in sorted(boxes, key=lambda w: ((w.box[1] + w.box[3]) / 2, w.box[0])):
        mid = (w.box[1] + w.box[3]) / 2
        if rows and abs(mid - (rows[-1][0].box[1] + rows[-1][0].box[3]) / 2) <= 3:
            rows[-1].append(w)
        else:
            rows.append([w])
    return rows


def questions(
    page: PageText, rows: list[list[Widget]], widgets: list[Widget], side: str, runs: Runs
):
    """The question each tick box answers: the printed words at the start of its row, else the
    question of the row above when the boxes line up under it, else the line above the row."""
    out: dict[int, str] = {}
    prev_row, prev_question, prev_start = None, "", None
    for row in rows:
        first = min(row, key=lambda w: w.box[0])
        limit = first.box[0]
        if side == "left":
            caption = runs[id(first)]["left"]
            if caption:
                limit = caption[0][0]
        question, start = "", None
        spans = [
            s
            for line in _lines_beside(page, first.box)
            for s in line.spans
            if s.x1 <= limit + 1
            and not _blocked(s.x1, limit, first.box[1], first.box[3], widgets, first)
        ]
        continues = (
            prev_row is not None
            and _continues(prev_row, row)
            and not _printed_between(page, prev_row, row)
        )
        if spans:
            spans.sort(key=lambda s: s.x0)
            spans += _wrapped_on(page, spans[0], widgets)
            question, start = " ".join(s.text for s in spans), spans[0]
            if continues and prev_start is not None and _wraps_question(prev_start, start):
                # The question wraps onto the line of the boxes wrapped under its row.
                question = f"{prev_question} {question}"
                for w in prev_row or []:
                    out[id(w)] = question
                start = prev_start
        elif continues:
            question, start = prev_question, prev_start
        else:
            question = _label_near(page, first, widgets, under=False)
        for w in row:
            out[id(w)] = question
        prev_row, prev_question, prev_start = row, question, start
    return out


def _printed_between(page: PageText, above: list[Widget], row: list[Widget]) -> bool:
    """Is a line of print (another question) between two rows of boxes?"""
    bottom = max(w.box[3] for w in above)
    top = min(w.box[1] for w in row)
    return bool(page.lines_between(bottom - 1, top + 1))


def _wraps_question(question: Span, span: Span) -> bool:
    """A question's words carried onto the next line: lined up under it and close below."""
    return abs(span.x0 - question.x0) <= 4 and 0 <= span.top - question.bottom <= 0.8 * span.size


def _continues(above: list[Widget], row: list[Widget]) -> bool:
    """Boxes wrapped onto the next line of the same question: close below and lined up."""
    height = max(w.box[3] - w.box[1] for w in row)
    gap = min(w.box[1] for w in row) - max(w.box[3] for w in above)
    starts = {round(w.box[0]) for w in above}
    lined_up = any(abs(w.box[0] - s) <= 3 for w in row for s in starts)
    return gap <= 1.5 * height + 4 and lined_up


# Grids of text boxes


def grids(page: PageText, widgets: list[Widget]):
    """Rows of text boxes under printed column titles, with no label between the boxes; and
    grids on their side: rows of boxes each with a printed row title to its left (one person a
    column, one detail a row)."""
    texts = [w for w in widgets if not w.is_box]
    rows: list[list[Widget]] = []
    for w in sorted(texts, key=lambda w: ((w.box[1] + w.box[3]) / 2, w.box[0])):
        mid = (w.box[1] + w.box[3]) / 2
        if rows and abs(mid - (rows[-1][0].box[1] + rows[-1][0].box[3]) / 2) <= 3:
            rows[-1].append(w)
        else:
            rows.append([w])
    rows = [sorted(r, key=lambda w: w.box[0]) for r in rows]
    grid: list[list[Widget]] = []
    for row in rows + [[]]:
        if (
            grid
            and _same_columns(grid[-1], row)
            and _bare(page, row)
            and not _printed_between(page, grid[-1], row)  # each row under its own questions
        ):
            grid.append(row)
            continue
        if len(grid) > 1:  # one row of boxes under titles is fields labelled from above
            found = _grid_table(page, grid, widgets)
            if found:
                yield found
        grid = [row] if len(row) >= 2 and _bare(page, row) else []
    yield from _sideways(page, rows)


def _sideways(page: PageText, rows: list[list[Widget]]):
    """Runs of rows of boxes lined up in the same columns, each row with its title printed to
    its left and nothing between its boxes; at least two titles name household columns
    (``parsers.labels``), which tells such a grid from rows of labelled fields."""
    run: list[tuple[str, list[Widget]]] = []
    for row in rows + [[]]:
        title = _row_title(page, row) if len(row) >= 2 and _nothing_between(page, row) else ""
        if title and run and _same_columns(run[-1][1], row):
            run.append((title, row))
            continue
        if len(run) >= 2:
            known = sum(labels.option_in(t, labels.HOUSEHOLD_COLUMNS) is not None for t, _ in run)
            if known >= _MIN_KNOWN:
                grid = [[t, *(w.field.text for w in r)] for t, r in run]
                first, last = run[0][1], run[-1][1]
                table = Table(
                    header=grid[0],
                    rows=grid[1:],
                    where=f"page {page.number}, fields {first[0].field.name}…{last[-1].field.name}",
                    confidence=0.85,
                )
                yield table, [w for _, r in run for w in r]
        run = [(title, row)] if title else []


def _row_title(page: PageText, row: list[Widget]) -> str:
    """The printed words left of a row's first box, on its line."""
    first = row[0]
    words = []
    for line in _lines_beside(page, first.box):
        words += [s.text for s in line.spans if s.x0 < first.box[0] - 2]
    return " ".join(words)


def _nothing_between(page: PageText, row: list[Widget]) -> bool:
    for line in _lines_beside(page, row[0].box):
        for s in line.spans:
            if any(
                s.x0 >= a.box[2] - 1 and s.x1 <= b.box[0] + 1
                for a, b in zip(row, row[1:], strict=False)
            ):
                return False
    return True


def _same_columns(a: list[Widget], b: list[Widget]) -> bool:
    if len(a) != len(b) or not b:
        return False
    height = max(w.box[3] - w.box[1] for w in a)
    if b[0].box[1] - a[0].box[3] > 2 * height + 6:
        return False
    return all(abs(x.box[0] - y.box[0]) <= 3 for x, y in zip(a, b, strict=True))


def _bare(page: PageText, row: list[Widget]) -> bool:
    """No printed words before or between the boxes of a row (else they are labelled fields)."""
    for line in _lines_beside(page, row[0].box):
        for s in line.spans:
            if s.x1 <= row[0].box[0] + 1:
                return False
            if any(
                s.x0 >= a.box[2] - 1 and s.x1 <= b.box[0] + 1
                for a, b in zip(row, row[1:], strict=False)
            ):
                return False
    return True


def _grid_table(page: PageText, grid: list[list[Widget]], widgets: list[Widget]):
    first = grid[0]
    top = min(w.box[1] for w in first)
    header = [""] * len(first)
    lines = [ln for ln in page.lines if ln.bottom <= top + 2 and top - ln.bottom < 4 * ln.size]
    lines = [
        ln
        for ln in lines
        if not any(
            o.box[1] >= ln.bottom - 1 and o.box[3] <= top + 1 and o not in first
            for o in widgets
            if o.box[0] < first[-1].box[2] and o.box[2] > first[0].box[0]
        )
    ]
    lines.sort(key=lambda ln: ln.top)
    # Only the block of lines straight above the first row, in the type of the nearest one.
    block: list[Line] = []
    for ln in reversed(lines):
        if block and (
            block[0].top - ln.bottom > 0.8 * ln.size or abs(ln.size - block[0].size) > 0.5
        ):
            break
        block.insert(0, ln)
    for ln in block:
        for span in ln.spans:
            if ln is not block[-1] and _across(span.x0, span.x1, first):
                continue  # a caption over several columns' titles ("Name / About the person")
            k = _column(span.x0, span.x1, first)
            if k is not None:
                header[k] = f"{header[k]} {span.text}".strip()
    if sum(1 for h in header if h) < 2:
        return None
    rows = [[w.field.text for w in row] for row in grid]
    members = [w for row in grid for w in row]
    table = Table(
        header=header,
        rows=[r for r in rows if any(r)],
        where=f"page {page.number}, fields {first[0].field.name}…{grid[-1][-1].field.name}",
        confidence=0.9,
    )
    return table, members


def _across(x0: float, x1: float, row: list[Widget]) -> bool:
    """Does text stretch over more than one column of boxes?"""
    return sum(1 for w in row if min(x1, w.box[2]) - max(x0, w.box[0]) > 2) > 1


def _column(x0: float, x1: float, row: list[Widget]) -> int | None:
    best, overlap = None, 0.0
    for k, w in enumerate(row):
        o = min(x1, w.box[2]) - max(x0, w.box[0])
        if o > overlap:
            best, overlap = k, o
    return best
