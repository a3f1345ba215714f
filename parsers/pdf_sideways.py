"""Grids turned on their side on a flat page: a column of row titles, one person a column.

Household tables are often printed sideways ("Name | Jade Cole | Sam Cole", then "Date of birth
| ... | ...", one row per detail), and the flat-PDF reader, which finds tables by a row of
column titles, would read each row as a label with one long answer. A sideways grid is a run of
lines each starting with a title in the same column, with its cells lined up in the same columns
to the right; at least two of the titles name household columns (``parsers.labels``), which is
what tells a grid from a row of tick-box options. A title or cell carried onto the next line
(lower case, or a line with nothing in the title column) joins the one above. The grid is handed
over as the page shows it, row by row; ``parsers.household`` reads it either way round.
"""

from __future__ import annotations

from parsers import labels
from parsers.model import Table
from parsers.pdf_layout import is_upper_heading, starts_with_tick
from parsers.pdf_text import Line, PageText

_ALIGN = 6.0  # points: a cell starts this close to its column
_MIN_KNOWN = 2  # row titles naming household columns


def read(items: list[tuple[PageText, Line]], i: int, section: str) -> tuple[Table, int] | None:
    """The sideways grid starting at line ``i`` and the index after it, or None."""
    page, head = items[i]
    if not _row_start(head):
        return None
    title_x = head.spans[0].x0
    run, j = [head], i + 1
    while j < len(items):
        p, line = items[j]
        if p is not page or line.top - run[-1].bottom > 1.5 * line.size:
            break
        first = line.spans[0]
        if abs(first.x0 - title_x) <= _ALIGN:
            if not first.bold or any(s.bold for s in line.spans[1:]):
                break
            wrapped = _carried(first.text) or _completes_title(run, first.text)
            if len(line.spans) < 3 and not wrapped and not _household(first.text):
                break  # a label with its one answer, after the grid
            if len(line.spans) == 1 and not wrapped and _label_above(items, j, title_x):
                break  # a label over its answer, after the grid
        elif first.x0 < title_x or any(s.bold for s in line.spans):
            break
        if any(starts_with_tick(s.text) for s in line.spans):
            break
        run.append(line)
        j += 1
    columns = _columns([s.x0 for line in run for s in line.spans if s.x0 > title_x + _ALIGN])
    grid: list[list[str]] = []
    for line in run:
        first = line.spans[0]
        titled = abs(first.x0 - title_x) <= _ALIGN
        cells = line.spans[1:] if titled else line.spans
        carried = (
            not titled
            or _carried(first.text)
            or _completes(grid, first.text)
            or (len(cells) < len(columns) and _goes_on(grid, first.text))
        )
        if carried and grid:
            row = grid[-1]
            if titled:
                row[0] = f"{row[0]} {first.text}"
        else:
            row = [first.text] + [""] * len(columns)
            grid.append(row)
        for span in cells:
            k = min(range(len(columns)), key=lambda n: abs(columns[n] - span.x0))
            row[k + 1] = f"{row[k + 1]} {span.text}".strip()
    titles = [row[0] for row in grid]
    if sum(map(_household, titles)) < _MIN_KNOWN:
        return None
    table = Table(
        header=grid[0], rows=grid[1:], section=section, where=f"page {page.number}", confidence=0.8
    )
    return table, j


def _goes_on(grid: list[list[str]], title: str) -> bool:
    """A title on a line with cells missing ("CYP" under "Relationship to") that names no other
    column than the title above: the rest of that title, its cells the rest of that row's."""
    if not grid:
        return False
    column = labels.option_in(title, labels.HOUSEHOLD_COLUMNS)
    return column is None or column == labels.option_in(grid[-1][0], labels.HOUSEHOLD_COLUMNS)


def _completes_title(run: list[Line], title: str) -> bool:
    titles = [ln.spans[0].text for ln in run]
    return _completes([[t] for t in titles], title)


def _label_above(items: list[tuple[PageText, Line]], j: int, title_x: float) -> bool:
    """A title alone on its line with a plain line under it in the title column (its answer),
    or standing like a heading: a label or heading after the grid, not a row of it."""
    page, line = items[j]
    if is_upper_heading(line.text) and len(line.spans[0].words) > 1:
        return True
    if j + 1 >= len(items) or items[j + 1][0] is not page:
        return False
    nxt = items[j + 1][1]
    start = nxt.spans[0]
    return abs(start.x0 - title_x) <= _ALIGN and not start.bold and len(nxt.spans) == 1


def _columns(starts: list[float]) -> list[float]:
    """Where the cells' columns start: the left edges of cells, close ones taken as one."""
    columns: list[float] = []
    for x in sorted(starts):
        if not columns or x - columns[-1] > _ALIGN:
            columns.append(x)
    return columns


def _row_start(line: Line) -> bool:
    """A bold title with at least two cells to its right, none of them a tick box."""
    spans = line.spans
    if len(spans) < 3 or not spans[0].bold or any(s.bold for s in spans[1:]):
        return False
    return not any(starts_with_tick(s.text) or s.text.startswith("(") for s in spans)


def _carried(title: str) -> bool:
    """A row title carried on from the line above: "member", "(yes/no)"."""
    return title[:1].islower() or title[:1] == "("


def _household(title: str) -> bool:
    return labels.option_in(title, labels.HOUSEHOLD_COLUMNS) is not None


def _completes(grid: list[list[str]], title: str) -> bool:
    """ "Birth (if" under "Date of": the title above names no column until this line joins it."""
    if not grid or _household(grid[-1][0]):
        return False
    return _household(f"{grid[-1][0]} {title}")
