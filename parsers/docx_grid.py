"""A Word table as a grid of cells, each judged a label or an answer by its layout cues, and
the shapes a grid can take: a header row over answers, a grid turned sideways, a tick matrix.

A cell is a label (``L``) by its cues — bold, shaded against its neighbours, ending with ":" or
"?" — an answer (``V``) when it holds a control, tick boxes or text that looks like an answer,
empty (``E``), or the lower part of a vertically merged cell (``C``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from parsers import labels
from parsers.docx_controls import WORD_PROMPTS, on, sdt_info
from parsers.docx_inline import InlineReader, Para, Piece, clean
from parsers.docx_layout import alternating, has_letters, has_marks, looks_like_value, words
from parsers.docx_package import W, as_int, first_children
from parsers.normalise import is_question_number

W_VAL = W + "val"
_STARTS_WITH_NUMBER = re.compile(r"^\d+(?![\d.)])")
_WRAPPERS = (W + "sdt", W + "customXml")


@dataclass(slots=True, eq=False)
class Cell:
    paras: list[Para]
    nested: list
    col: int
    span: int
    shaded: bool
    merged: Cell | None = None  # the cell above that this one continues (vertical merge)
    text: str = ""
    kind: str = "E"
    bold: float = 0.0
    size: int = 0
    controls: list = field(default_factory=list)
    repeats: bool = False  # in a row Word repeats at the top of each page (a header row)
    # (label, answer, firm) when the cell holds its label over its answer ("" label: several)
    stack: tuple[str, list[Para], bool] | None = None

    def overlaps(self, other: Cell) -> bool:
        return self.col < other.col + other.span and other.col < self.col + self.span


def _children(parent, tag: str):
    """``tag`` children of ``parent``, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child, None
        elif child.tag in _WRAPPERS:
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                info = sdt_info(child.find(W + "sdtPr")) if child.tag == W + "sdt" else None
                for inner, _ in _children(content, tag):
                    yield inner, info


def _shaded(props: dict) -> bool:
    shd = props.get(W + "shd")
    if shd is None:
        return False
    fill = (shd.get(W + "fill") or "auto").lower()
    if fill not in ("auto", "ffffff", ""):
        return True
    pattern = shd.get(W_VAL, "clear")
    return pattern not in ("clear", "nil") and (shd.get(W + "color") or "auto").lower() not in (
        "auto",
        "ffffff",
    )


def _measure(cell: Cell) -> None:
    lines = [clean(para.text) for para in cell.paras]
    text = clean("\n".join(lines))
    if text.lower() in WORD_PROMPTS:
        text, cell.paras = "", []
    cell.text = text
    letters = bold = 0
    kept = []  # the lines that are not guidance
    for number, para in enumerate(cell.paras):
        # A line of guidance in italics under a label ("Use the child's own words") adds no
        # weight to the cell: the label's bold still says it is a label.
        aside = number > 0 and all(piece.italic for piece in para.pieces if piece.text.strip())
        if not aside:
            kept.append(lines[number])
        for piece in para.pieces:
            if piece.control is not None:
                cell.controls.append(piece.control)
                continue
            count = 0 if aside else piece.printed
            letters += count
            bold += count if piece.bold else 0
            cell.size = max(cell.size, piece.size if count else 0)
    cell.bold = bold / letters if letters else 0.0
    if cell.bold >= 0.6 and len(kept) < len(lines):
        cell.text = clean("\n".join(kept))  # a bold label: its guidance says no field


_GUIDANCE_TITLE = re.compile(
    r"^(?:help|guidance|notes?|hints?|instructions?|how to complete|advice)\b", re.IGNORECASE
)


def without_guidance(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows less a column of guidance for whoever fills the form in: titled so ("Help with
    this question", "Notes"), or the same sentences said again down the column."""
    if len(rows) < 2 or len({len(row) for row in rows}) != 1 or len(rows[0]) < 3:
        return rows
    for at in range(1, len(rows[0])):
        texts = [row[at].text for row in rows[1:] if row[at].text]
        titled = _GUIDANCE_TITLE.match(rows[0][at].text or "") is not None
        repeated = len(texts) >= 3 and len(set(texts)) * 3 <= len(texts) * 2
        if titled or (repeated and all(words(text) >= 4 for text in texts)):
            return [[cell for n, cell in enumerate(row) if n != at] for row in rows]
    return _without_notes(rows)


def _without_notes(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Question | answer rows with a titled column of notes after them ("| | Source of
    information" over "Surname | Smith | Parent"): the only titles are over the notes, so the
    notes are no answers and the row of titles no grid's header."""
    first = rows[0]
    if first[0].text or first[1].text or not any(cell.text for cell in first[2:]):
        return rows
    if not _questions_down_the_side(rows[1:]):
        return rows
    return [row[:2] for row in rows[1:]]


def without_numbers(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Rows less the cell that numbers their question ("2a) | Forename | André"): a number
    in a column of its own is no label and no answer."""
    rows = [row for row in rows if not _numbers_only(row)]
    wide = [row for row in rows if len(row) >= 3]
    if not wide or not wide[0][0].text:
        return rows  # "| Full name | Relationship" over "1 | Grace | Mother": a grid's own column
    numbered = {id(row) for row in wide if is_question_number(row[0].text)}
    if len(numbered) * 2 <= len(wide):
        return rows
    # The column's own title ("#", "No.") goes with it, or the grid's titles slip a column.
    numbered |= {id(row) for row in wide if _NUMBER_TITLE.fullmatch(row[0].text.strip())}
    return [row[1:] if id(row) in numbered else row for row in rows]


def _numbers_only(row: list[Cell]) -> bool:
    """A row that only numbers the questions under it ("B1 | B2 | B3")."""
    texts = [cell.text for cell in row if cell.text]
    return len(texts) >= 2 and all(is_question_number(text) for text in texts)


_NUMBER_TITLE = re.compile(r"#|no\.?|number|num\.?|ref\.?", re.IGNORECASE)


def read_grid(tbl, inline: InlineReader) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    previous: list[Cell] = []
    for tr, _ in _children(tbl, W + "tr"):
        trpr = tr.find(W + "trPr")
        before = trpr.find(W + "gridBefore") if trpr is not None else None
        col = as_int(before.get(W_VAL), 0) if before is not None else 0
        repeat = trpr.find(W + "tblHeader") if trpr is not None else None
        row: list[Cell] = []
        for tc, info in _children(tr, W + "tc"):
            tcpr = tc.find(W + "tcPr")
            props = first_children(tcpr) if tcpr is not None else {}
            span_el = props.get(W + "gridSpan")
            span = as_int(span_el.get(W_VAL), 1) if span_el is not None else 1
            paras, nested = [], []
            for block in inline.blocks(tc):
                (paras if isinstance(block, Para) else nested).append(block)
            cell = Cell(paras, nested, col, max(span, 1), _shaded(props))
            merge = props.get(W + "vMerge")
            if merge is not None and merge.get(W_VAL, "continue") == "continue":
                above = next((c for c in previous if c.col == col), None)
                if above is not None:
                    cell.merged = above.merged or above
            if info is not None and info.showing_prompt:
                cell.paras = []
            cell.repeats = repeat is not None and on(repeat)
            _measure(cell)
            row.append(cell)
            col += cell.span
        rows.append(row)
        previous = row
    return rows


def _score(cell: Cell, body_size: int) -> int:
    """Label cues other than shading: bold, a closing ":" or "?", a larger size."""
    text = cell.text
    score = 0
    if cell.bold >= 0.6:
        score += 2
    if text.endswith((":", "?")):
        score += 2
    if cell.size > body_size + 1:
        score += 1
    if looks_like_value(text):
        score -= 3
    if len(text) > 150:
        score -= 2
    return score


def _shading_bonus(
    cell: Cell, row: list[Cell], scores: dict[int, int], following: list[Cell]
) -> int:
    """Shading marks the label when it sets a cell apart from its neighbours, or a whole row
    apart from the plain row of answers under it; when the neighbour carries firmer label cues,
    a shaded cell is an answer box."""
    if not cell.shaded:
        return 0
    others = [other for other in row if other is not cell and other.text]
    if any(scores.get(id(other), 0) >= 2 and not other.shaded for other in others):
        return 0
    if not all(other.shaded for other in row):
        return 2
    plain_below = (
        len(following) == len(row) > 1
        and any(other.text for other in following)
        and not any(other.shaded for other in following)
    )
    return 2 if plain_below else 1


def lone_box(cell: Cell) -> bool:
    """A cell holding nothing but a tick box."""
    if cell.controls:
        return all(control.kind == "checkbox" for control in cell.controls) and not has_letters(
            cell.text
        )
    return bool(cell.text) and has_marks(cell.text) and not has_letters(cell.text)


def _weight(paras: list[Para], attribute: str) -> float:
    letters = marked = 0
    for para in paras:
        for piece in para.pieces:
            count = 0 if piece.control is not None else len(piece.text.strip())
            letters += count
            marked += count if getattr(piece, attribute) else 0
    return marked / letters if letters else 0.0


def _stacked(cell: Cell) -> tuple[str, list[Para], bool] | None:
    """(label, answer paragraphs, firm) for a cell whose first line is a short label with the
    answer on the lines below it, in the same cell; firm when weight or a ":" / "?" says so."""
    paras = [para for para in cell.paras if para.text.strip() or para.controls]
    if len(paras) == 1:
        paras = _at_line_break(paras[0])  # "Legal first name<br/>Ioana" in one paragraph
    if len(paras) < 2 or cell.nested or cell.merged is not None:
        return None
    head, rest = paras[0], paras[1:]
    text = clean(head.text).replace("\n", " ")
    if (
        head.controls
        or has_marks(text)
        or not has_letters(text)
        or words(text) > 12
        or looks_like_value(text)
        or text.endswith((".", ",", ";"))
        or (":" in text.rstrip(":"))
        or _STARTS_WITH_NUMBER.match(text)
        or _weight([head], "italic") >= 0.9
        or _weight(rest, "italic") >= 0.9
    ):
        return None
    if _more_labels(rest):
        firm = True  # several labels over their answers: read the cell like a small page
        return "", paras, firm
    firm = text.endswith((":", "?")) or (
        _weight([head], "bold") >= 0.9 and _weight(rest, "bold") < 0.5
    )
    return text.rstrip(" :*"), rest, firm


def _at_line_break(para: Para) -> list[Para]:
    """A paragraph as two at its first line break, when there is text on both sides."""
    for at, piece in enumerate(para.pieces):
        if "\n" in piece.text and piece.control is None:
            head, _, tail = piece.text.partition("\n")
            first = [*para.pieces[:at], dataclasses.replace(piece, text=head)]
            rest = [dataclasses.replace(piece, text=tail), *para.pieces[at + 1 :]]
            split = [
                dataclasses.replace(para, pieces=first),
                dataclasses.replace(para, pieces=rest),
            ]
            return split if all(part.text.strip() for part in split) else [para]
    return [para]


def _more_labels(paras: list[Para]) -> bool:
    """A bold line over a plain one, or a short line ending with ":", further down a cell."""
    for para, after in zip(paras, paras[1:], strict=False):
        text = clean(para.text)
        if para.controls or not has_letters(text) or words(text) > 12:
            continue
        if text.endswith(":") or (
            _weight([para], "bold") >= 0.9 and _weight([after], "bold") < 0.5
        ):
            return True
    return False


def _stack_rows(rows: list[list[Cell]]) -> None:
    """Mark the rows whose every filled cell holds its own label over its answer; never the
    row of answers under a row of labels."""
    previous: list[Cell] = []
    seen = False  # a row of the table already holds its labels over its answers
    for row in rows:
        filled = [cell for cell in row if cell.text or cell.controls]
        stacks = [_stacked(cell) for cell in filled]
        above_is_labels = (
            not seen
            and bool(previous)
            and all(
                cell.stack is None and not cell.controls and (not cell.text or _label_line(cell))
                for cell in previous
            )
        )
        if filled and all(stacks) and not above_is_labels:
            for cell, stack in zip(filled, stacks, strict=True):
                cell.stack = stack
            seen = True
        previous = row


def _label_line(cell: Cell) -> bool:
    """A cell that is one short line: a label (or a title) over whatever is below it."""
    lines = [para for para in cell.paras if para.text.strip()]
    return len(lines) == 1 and words(cell.text) <= 12 and not looks_like_value(cell.text)


def _pairs_along(row: list[Cell]) -> None:
    """ "Who gave consent? | Niamh | Date signed | 28.2.26": in a row led by a label, a plain
    cell in a label's place (every other cell) worded as a field's question is a
    label too, though printed without the first one's cues."""
    if len(row) < 4 or len(row) % 2 or row[0].kind != "L":
        return
    for label, answer in zip(row[2::2], row[3::2], strict=True):
        if label.kind != "V" or answer.kind not in ("V", "E") or words(label.text) > 8:
            return
        if not (label.text.endswith((":", "?")) or labels.reads_as_label(label.text)):
            return
    for label in row[2::2]:
        label.kind = "L"


def classify(rows: list[list[Cell]], body_size: int) -> bool:
    """Set each cell's kind; True when the labels were found by cues (not only by position)."""
    scores: dict[int, int] = {}
    _stack_rows(rows)
    for index, row in enumerate(rows):
        following = rows[index + 1] if index + 1 < len(rows) else []
        for cell in row:
            if cell.stack is not None:
                cell.kind = "V"
            elif cell.merged is not None:
                cell.kind = "C"
            elif cell.controls or has_marks(cell.text):
                cell.kind = "V"
            elif not cell.text:
                cell.kind = "E"
            else:
                scores[id(cell)] = _score(cell, body_size)
        bonus = {id(cell): _shading_bonus(cell, row, scores, following) for cell in row}
        for cell in row:
            if id(cell) in scores:
                scores[id(cell)] += bonus[id(cell)]
                cell.kind = "L" if scores[id(cell)] >= 2 else "V"
    for row in rows:
        _pairs_along(row)
    for row in rows:  # "Question | ☒ | Yes | ☐ | No": captions beside lone boxes are answers
        boxes = [lone_box(cell) for cell in row]
        for index, cell in enumerate(row):
            beside = (index > 0 and boxes[index - 1]) or (index + 1 < len(row) and boxes[index + 1])
            if index > 0 and cell.kind == "L" and beside and words(cell.text) <= 6:
                cell.kind = "V"
    labels = [cell for row in rows for cell in row if cell.kind == "L"]
    if not labels:
        return any(cell.stack is not None for row in rows for cell in row)
    # A column that is mostly labels makes its plain cells labels too.
    counts: dict[int, list[int]] = {}
    for row in rows:
        for cell in row[:-1]:
            if cell.kind in ("L", "V") and cell.text:
                tally = counts.setdefault(cell.col, [0, 0])
                tally[0] += cell.kind == "L"
                tally[1] += 1
    previous: list[Cell] = []
    for row in rows:
        lone = not any(cell.kind == "L" for cell in row)  # a row with no label of its own...
        below_labels = any(c.kind == "L" for c in previous) and all(
            c.kind in ("L", "E") for c in previous
        )  # ...that is not the answers under a row of labels
        previous = row
        if not lone or below_labels:
            continue
        for cell in row[:-1]:
            tally = counts.get(cell.col, [0, 0])
            if (
                cell.kind == "V"
                and cell.stack is None
                and tally[0] >= 2
                and tally[0] >= 0.6 * tally[1]
                and not cell.controls
                and not has_marks(cell.text)
                and scores.get(id(cell), -1) >= 0
                and words(cell.text) <= 15
            ):
                cell.kind = "L"
    return True


def by_position(rows: list[list[Cell]]) -> None:
    """No cues anywhere: in rows of two or more cells, the first (and third...) are labels; in
    one column, rows that alternate a label's shape and an answer's are label, answer."""
    column = [row[0] for row in rows if len(row) == 1]
    if len(column) == len(rows) >= 4 and all(cell.stack is None for cell in column):
        for label, _ in alternating([cell.text for cell in column]) or []:
            column[label].kind = "L"
    titles = _titles_over_answers(rows)
    for number, row in enumerate(rows):
        if number in titles:
            for cell in row:
                cell.kind = "L" if cell.text else cell.kind
            continue
        if len(row) < 2 or number - 1 in titles:
            continue
        for index, cell in enumerate(row):
            if (
                index % 2 == 0
                and cell.kind == "V"
                and cell.stack is None
                and not cell.controls
                and has_letters(cell.text)
                and not looks_like_value(cell.text)
                and words(cell.text) <= 15
                and index + 1 < len(row)
            ):
                cell.kind = "L"


def _titles_over_answers(rows: list[list[Cell]]) -> set[int]:
    """Rows of questions each over the row of their answers ("Child's address | Postcode" over
    "12 High Street | HP11 2AB"): every question reads as a form's label, no answer does."""

    def asks(cell: Cell) -> bool:
        return (
            words(cell.text) <= 12
            and not looks_like_value(cell.text)
            and labels.match_words(cell.text)
        )

    found: set[int] = set()
    for number, (row, below) in enumerate(zip(rows, rows[1:], strict=False)):
        titled = [cell for cell in row if cell.text]
        answers = [cell for cell in below if cell.text]
        if (
            len(row) >= 2
            and [cell.col for cell in row] == [cell.col for cell in below]
            and len(titled) >= 2
            and answers
            and number - 1 not in found
            and not any(cell.controls for cell in row)  # a label with its own answer box
            and all(cell.kind == "V" and cell.stack is None and asks(cell) for cell in titled)
            and not any(asks(cell) for cell in answers)
        ):
            found.add(number)
    return found


def header_grid(rows: list[list[Cell]], cued: bool):
    """(header, rows, confidence) for a grid with a header row, else None.

    The header row is all labels (a blank top-left cell over a numbering column allowed) and
    no answer row holds a label — unless the header stands apart (shaded over unshaded rows,
    or repeated on each page), when bold names in the rows are answers all the same.
    """
    rows = _without_group_titles([row for row in rows if row])
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    header, data = rows[0], rows[1:]
    cols = [cell.col for cell in header]
    titled = [cell for cell in header if cell.kind != "E"]
    apart = all(cell.repeats for cell in titled) or (
        all(cell.shaded for cell in titled) and not any(cell.shaded for row in data for cell in row)
    )
    for row in data:
        if [cell.col for cell in row] != cols:
            return None
        if any(cell.kind == "L" and (not apart or cell.text.endswith(":")) for cell in row):
            return None
    if _questions_down_the_side(data, said=True) or (
        len(header) == 2 and all(row[0].kind == "L" and row[1].kind != "L" for row in data)
    ):
        return None  # "Area | Information" over rows of question | answer: pairs, not a grid
    titles = [cell.kind == "L" for cell in header]
    if cued and all(titles[1:]) and (titles[0] or header[0].kind == "E") and sum(titles) >= 2:
        confidence = 1.0
    elif _plain_titles(rows):  # cues on some titles only ("PR?") count for nothing
        confidence = 0.7
    else:
        return None
    body = [[cell.text for cell in row] for row in data if any(cell.text for cell in row)]
    return [cell.text for cell in header], body, confidence


def _without_group_titles(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows less a first row of titles spanning groups of columns ("Person | Details |
    Legal" over "Name | Relationship | Date of birth | PR"): the second row's titles, one a
    column, head the grid."""
    if len(rows) < 3 or len(rows[0]) >= len(rows[1]):
        return rows
    columns = [cell.col for cell in rows[1]]
    if any([cell.col for cell in row] != columns for row in rows[2:]):
        return rows
    return rows[1:]


def _plain_titles(rows: list[list[Cell]]) -> bool:
    """A plain table: a first row of short titles over at least two rows of answers."""
    if len(rows) < 3 or len(rows[0]) < 3:
        return False
    for cell in rows[0]:
        if not has_letters(cell.text) or looks_like_value(cell.text) or len(cell.text) > 40:
            return False
    return not _questions_down_the_side(rows)


def plain_sideways(rows: list[list[Cell]]) -> bool:
    """A grid on its side with no cues: questions down the first column ("Name",
    "Relationship"), answers in every other column. Marks the first column as labels."""
    rows = [row for row in rows if row]
    if len(rows) < 2 or len({len(row) for row in rows}) != 1 or len(rows[0]) < 3:
        return False
    if not _questions_down_the_side(rows):
        return False
    answers = [cell for row in rows for cell in row[1:] if cell.text]
    asked = sum(
        1 for cell in answers if words(cell.text) <= 12 and labels.reads_as_label(cell.text)
    )
    if asked * 4 >= len(answers):
        return False  # "Surname | Țurcanu" beside "DOB | 20/09/2023": label | answer pairs
    for row in rows:
        if row[0].kind == "V":
            row[0].kind = "L"
    return True


def _questions_down_the_side(data: list[list[Cell]], said: bool = False) -> bool:
    """Rows that each start with a form's question ("Home postcode | BS5 3JG") are label |
    answer pairs, not the rows of a grid under its header (a grid's rows start with answers).
    ``said``: the questions must say a field's words, not only mean one (under titles that
    look like a grid's: "Early help assessment" starts a row of documents)."""
    asks = labels.match_words if said else labels.reads_as_label
    asked = sum(1 for row in data if row[0].text and words(row[0].text) <= 12 and asks(row[0].text))
    return asked * 2 > len(data)


def sideways_grid(rows: list[list[Cell]]):
    """(header, rows) for a grid whose first column holds the headers, else None."""
    rows = [row for row in rows if row]
    widths = {len(row) for row in rows}
    if len(rows) < 2 or len(widths) != 1:
        return None
    width = widths.pop()
    if width < 3:
        return None
    first = rows[0]
    if first[0].kind == "E" and all(cell.kind in ("L", "E") for cell in first[1:]):
        rows = rows[1:]  # "Person 1 | Person 2" over the columns
    if len(rows) < 2 or not all(row[0].kind == "L" for row in rows):
        return None
    if any(cell.kind == "L" or cell.text.endswith(":") for row in rows for cell in row[1:]):
        return None
    header = [row[0].text for row in rows]
    people = [[row[index].text for row in rows] for index in range(1, width)]
    return header, [person for person in people if any(person)]


def tick_matrix(rows: list[list[Cell]]) -> bool:
    """Questions down the side, answers ("Yes", "No") across the top, tick boxes between."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return False
    titles = rows[0]
    if titles[0].kind not in ("E", "L") or any(cell.kind != "L" for cell in titles[1:]):
        return False
    cols = [cell.col for cell in titles]
    boxes = 0
    for row in rows[1:]:
        if [cell.col for cell in row] != cols or row[0].kind not in ("L", "V"):
            return False
        for cell in row[1:]:
            if cell.kind != "E" and not lone_box(cell):
                return False
            boxes += cell.kind != "E"
    return boxes > 0


def ticks_with_titles(row: list[Cell], titles: list[Cell]) -> Para:
    """One line "☒ Yes   ☐ No" from a matrix row, each box captioned by its column title."""
    pieces: list[Piece] = []
    for cell, title in zip(row[1:], titles[1:], strict=True):
        box = [piece for para in cell.paras for piece in para.pieces if piece.text.strip()]
        if box:
            pieces.extend(box)
            pieces.append(Piece(f" {title.text}   "))
    return Para(pieces)


def joined(cells: list[Cell]) -> list[Para]:
    """The paragraphs of answer cells; single-line cells side by side are joined with a space."""
    if all(len(cell.paras) <= 1 for cell in cells):
        pieces: list[Piece] = []
        for cell in cells:
            if cell.paras and (cell.text or cell.controls):
                if pieces:
                    pieces.append(Piece(" "))
                pieces.extend(cell.paras[0].pieces)
        return [Para(pieces)] if pieces else []
    return [para for cell in cells for para in cell.paras]
