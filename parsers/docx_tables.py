"""Word tables by layout: label | answer rows (one or several pairs to a row), labels above
answers, heading rows, grids with a header row (household members, attached documents), grids
turned sideways (first column the headers, a person to each further column) and tick matrices.
Findings go to the collector in ``docx_form``.
"""

from __future__ import annotations

from parsers.attachments import is_filename
from parsers.docx_grid import (
    Cell,
    by_position,
    classify,
    header_grid,
    joined,
    plain_sideways,
    read_grid,
    sideways_grid,
    tick_matrix,
    ticks_with_titles,
    without_guidance,
    without_numbers,
)
from parsers.docx_inline import clean
from parsers.docx_layout import has_letters, is_enumerator, looks_like_value, words
from parsers.household import columns_of, is_household_header


def read_table(tbl, sink, number: str, pending: tuple[str, float] | None) -> bool:
    """Report one table (and the tables nested in its cells) to ``sink``.

    ``pending``: a label printed just before the table, still waiting for its answer; returns
    whether the table held that answer.
    """
    used = False
    rows = without_guidance(without_numbers(read_grid(tbl, sink.inline)))
    where = f"table {number}"
    cued = classify(rows, sink.body_size)
    sideways = sideways_grid(rows) if cued or plain_sideways(rows) else None
    grid = None if sideways else header_grid(rows, cued)
    if cued and tick_matrix(rows):
        for index, row in enumerate(rows[1:], start=2):
            sink.answer(
                row[0].text, [ticks_with_titles(row, rows[0])], f"{where}, row {index}", 0.9
            )
    elif sideways:
        sink.table(sideways[0], sideways[1], where, 0.9)
    elif _people_down_the_side(rows):
        texts = [[cell.text for cell in row] for row in rows]
        sink.table(texts[0], texts[1:], where, 0.8)  # a person a column, however it is shaded
    elif not cued and _lists_files(rows):
        texts = [[cell.text for cell in row] for row in rows]
        sink.table(texts[0], texts[1:], where, 0.7)  # no titles: the first row is a document
    elif grid:
        header, body, confidence = grid
        sink.table(header, body, where, confidence)
        if len(rows) == 2 and body:  # one row of titles over one row: maybe labels above answers
            for label, answer in zip(rows[0], rows[1], strict=True):
                sink.answer(label.text, answer.paras, f"{where}, row 2", 0.5)
    else:
        if not cued:
            by_position(rows)
        used = _pairs(rows, sink, where, pending, 1.0 if cued else 0.7)
    nested = [inner for row in rows for cell in row for inner in cell.nested]
    for index, inner in enumerate(nested, start=1):
        read_table(inner, sink, f"{number}.{index}", None)
    return used


def _people_down_the_side(rows: list[list[Cell]]) -> bool:
    """A household grid on its side: the first column names a household's details ("Full
    name", "Relationship", "Date of birth": a child's details have no relationship) and the
    first row does not."""
    if len(rows) < 2 or len({len(row) for row in rows}) != 1 or len(rows[0]) < 3:
        return False
    side = [row[0].text for row in rows]
    return (
        is_household_header(side)
        and "relationship" in columns_of(side)
        and not is_household_header([cell.text for cell in rows[0]])
    )


def _lists_files(rows: list[list[Cell]]) -> bool:
    """A plain grid with one file name to a row (documents sent), whatever its titles."""
    if not rows or len({len(row) for row in rows}) != 1 or len(rows[0]) < 2:
        return False
    return all(sum(is_filename(cell.text) for cell in row) == 1 for row in rows)


def _suffix(row: list[Cell], cell: Cell | None) -> str:
    return f", cell {row.index(cell) + 1}" if cell is not None and len(row) > 2 else ""


def _pairs(rows, sink, where: str, pending, confidence: float) -> bool:
    """Label/answer pairs across rows and down columns; heading rows set the section.

    Returns whether ``pending`` (a label printed before the table) found its answer here."""
    used = False
    above: list[Cell] | None = None  # a row of labels whose answers are in the next row
    heading = pending
    answered: dict[int, object] = {}  # label cell -> its observation (vertically merged labels)

    def flush_above():
        for label in above or []:
            sink.answer(label.text, [], at, 0.9)

    for index, row in enumerate(rows):
        at = f"{where}, row {index + 1}"
        stacked = [cell for cell in row if cell.stack is not None]
        if stacked:
            flush_above()
            above, heading = None, None
            for cell in stacked:
                label, paras, firm = cell.stack
                if not label:
                    sink.loose(paras, at + _suffix(row, cell))
                    continue
                sink.answer(
                    label, paras, at + _suffix(row, cell), confidence * (1 if firm else 0.8)
                )
            continue
        labels = [cell for cell in row if cell.kind == "L"]
        merged_labels = [cell for cell in row if cell.kind == "C" and cell.merged.kind == "L"]
        answers = [
            cell
            for n, cell in enumerate(row)
            if cell.kind in ("V", "E") and not (n == 0 and labels and is_enumerator(cell.text))
        ]  # "2 | About you": the number of a row of labels answers nothing
        filled = [cell for cell in answers if cell.kind == "V"]
        following = rows[index + 1] if index + 1 < len(rows) else []
        if (
            len(row) == 1
            and len(labels) == 1
            and (_positional(following, sink) or _stacks(following))
        ):
            flush_above()  # a title across the table over rows of label | answer
            above = None
            sink.heading(labels[0].text)
            heading = (labels[0].text, 0.6)
            continue
        if labels and not filled and not merged_labels and _answers_below(labels, following):
            flush_above()
            above, heading = labels, None  # labels over answers, with gaps between them
            continue
        if (labels or merged_labels) and answers:
            flush_above()
            above, heading = None, None
            _across(row, sink, at, confidence, answered)
            continue
        if labels:
            flush_above()
            above = None
            below_has_labels = any(cell.kind == "L" for cell in following)
            big = len(labels) == 1 and labels[0].size > sink.body_size + 1
            if following and not below_has_labels and not big:
                above = labels
            elif len(labels) == 1:
                sink.heading(labels[0].text)
                heading = (labels[0].text, 0.6)
            continue
        if not filled:
            if above is not None:
                flush_above()
                above = None
            continue
        if above is not None:
            for label in above:
                values = [cell for cell in answers if cell.overlaps(label)]
                first = values[0] if values else None
                sink.answer(label.text, joined(values), at + _suffix(row, first), 0.9 * confidence)
            above = None
        elif _positional(row, sink):
            by_position([row])
            _across(row, sink, at, 0.7, answered)
        elif heading is not None and len(filled) == 1 and not sink.has_labels(filled[0].paras):
            sink.answer(heading[0], filled[0].paras, at, heading[1])
            used = used or heading is pending
            heading = None
        else:
            for cell in filled:
                sink.loose(cell.paras, at + _suffix(row, cell))
    flush_above()
    return used


def _stacks(row: list[Cell]) -> bool:
    return any(cell.stack is not None for cell in row)


def _positional(row: list[Cell], sink) -> bool:
    """A row of plain cells with no cues, led by a short text cell: "Label | answer" pairs by
    position (as a person reads them after a title row of the same table)."""
    if len(row) < 2 or not any(cell.kind == "V" for cell in row[1:]):
        return False
    first = row[0]
    return (
        first.kind == "V"
        and first.stack is None
        and not first.controls
        and has_letters(first.text)
        and not looks_like_value(first.text)
        and words(first.text) <= 15
        and "\n" not in first.text
        and not sink.has_labels(first.paras)
    )


def _answers_below(labels: list[Cell], following: list[Cell]) -> bool:
    """The next row holds answers (and no labels) under these labels."""
    if any(cell.kind == "L" for cell in following):
        return False
    return any(
        cell.kind == "V" and any(cell.overlaps(label) for label in labels) for cell in following
    )


def _across(row: list[Cell], sink, at: str, confidence: float, answered: dict) -> None:
    """Pairs along one row: each label takes the answer cells up to the next label."""
    label: Cell | None = None
    values: list[Cell] = []
    continued = False  # the label is the upper part of a merged cell: its answer runs on

    def flush():
        if label is None:
            return
        earlier = answered.get(id(label)) if continued else None
        if earlier is not None:
            text = clean("\n".join(cell.text for cell in values))
            if text:
                sink.extend(earlier, text)
            return
        first = values[0] if values else None
        answered[id(label)] = sink.answer(
            label.text, joined(values), at + _suffix(row, first), confidence
        )

    for cell in row:
        if cell.kind == "L":
            flush()
            label, values, continued = cell, [], False
        elif cell.kind == "C":
            if cell.merged.kind == "L":
                flush()
                label, values, continued = cell.merged, [], True
        elif label is not None:
            values.append(cell)
        elif cell.kind == "V":
            sink.loose(cell.paras, at + _suffix(row, cell))
    flush()
