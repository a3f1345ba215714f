"""Tick boxes drawn as little squares, turned into the tick-mark characters a printed form uses.

A drawn form (reportlab, many council templates) draws each tick box as a small square and
marks it with a letter X or ✓ typed inside it, a smaller filled square, or by filling the box.
Word's printed forms use the characters ☐ and ☒ instead, and everything after the reader (the
option captions in the answer text, ``parsers.normalise``) expects those. So each drawn square
becomes one character where it stands: ☒ if anything marks it, ☐ if not, and the mark typed
inside it goes. The squares never count as ruling lines, which would cut a row of options into
cells. An option ringed with a drawn circle or ellipse ("(Y) N N/K") is chosen the same way: a
☒ before the words inside the ring.
"""

from __future__ import annotations

from parsers.normalise import is_question_number

TICKED, EMPTY = "☒", "☐"
_MIN, _MAX = 4.0, 16.0  # points: the side of a tick box
_SQUARENESS = 0.25  # sides may differ by this fraction of the longer one
_SLANT = 2.0  # points: a line this far out of level (and plumb) both ways is slanted


def is_box(width: float, height: float) -> bool:
    """Is a drawn rectangle of this size a tick box?"""
    longer = max(width, height)
    return (
        min(width, height) >= _MIN
        and longer <= _MAX
        and longer - min(width, height) <= (_SQUARENESS * longer)
    )


def place(
    chars: list,
    squares: list[tuple[float, float, float, float, bool]],
    strokes: list[tuple[float, float, float, float]] = (),
) -> list:
    """``chars`` (``parsers.pdf_text`` characters) with each tick box drawn among ``squares``
    ((x0, top, x1, bottom, filled), outer boxes and the marks filled inside them) as a
    character, and the characters typed inside a box dropped. ``strokes``, short slanted lines,
    mark the box they are drawn in (a cross); drawn where there is no box, they are a tick of
    their own."""
    boxes = _boxes(squares)
    marks = []
    for stroke in _joined(strokes):
        box = next((b for b in boxes if _centre_in(stroke, b)), None)
        if box is not None:
            box[4] = True
        elif row := _beside(chars, stroke[1], stroke[3], set()):
            marks.append(
                (stroke[0], stroke[2], stroke[1], stroke[3], row[4], row[5], False, TICKED)
            )
    inside: set[int] = set()
    for x0, top, x1, bottom, filled in boxes:
        typed = [
            n
            for n, c in enumerate(chars)
            if x0 - 1 <= (c[0] + c[1]) / 2 <= x1 + 1 and top - 1 <= (c[2] + c[3]) / 2 <= bottom + 1
        ]
        inside.update(typed)
        number = "".join(chars[n][7] for n in sorted(typed, key=lambda n: chars[n][0]))
        if typed and any(char.isdigit() for char in number) and is_question_number(number):
            continue  # "A1" white on a black square or disc numbers the question beside it
        row = _beside(chars, top, bottom, inside)
        baseline, size = (row[4], row[5]) if row else (bottom, bottom - top)
        text = TICKED if filled or typed else EMPTY
        marks.append((x0, x1, top, bottom, baseline, size, False, text))
    return [c for n, c in enumerate(chars) if n not in inside] + marks


def _boxes(squares: list[tuple[float, float, float, float, bool]]) -> list:
    """Outer squares, each filled if it or a square inside it is filled."""
    ordered = sorted(squares, key=lambda s: (s[2] - s[0]) * (s[3] - s[1]), reverse=True)
    boxes: list[list] = []
    for x0, top, x1, bottom, filled in ordered:
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        outer = next((b for b in boxes if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]), None)
        if outer is None:
            boxes.append([x0, top, x1, bottom, filled])
        elif filled:
            outer[4] = True
    return boxes


def _centre_in(inner, outer) -> bool:
    cx, cy = (inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2
    return outer[0] - 1 <= cx <= outer[2] + 1 and outer[1] - 1 <= cy <= outer[3] + 1


def _joined(strokes) -> list[list[float]]:
    """Strokes that touch as one mark: the two of a cross, the short and long arm of a tick."""
    marks: list[list[float]] = []
    for x0, top, x1, bottom in sorted(strokes):
        touching = next(
            (
                m
                for m in marks
                if x0 <= m[2] + 1 and m[0] <= x1 + 1 and top <= m[3] + 1 and m[1] <= bottom + 1
            ),
            None,
        )
        if touching is None:
            marks.append([x0, top, x1, bottom])
        else:
            touching[:] = [
                min(x0, touching[0]),
                min(top, touching[1]),
                max(x1, touching[2]),
                max(bottom, touching[3]),
            ]
    return marks


def is_stroke(width: float, height: float) -> bool:
    """Is a single straight line of this extent slanted and short enough to be a pen mark (half
    a cross in a box, an arm of a tick), rather than a ruling line or a diagonal of a chart?"""
    return min(width, height) > _SLANT and max(width, height) <= _MAX


def _beside(chars: list, top: float, bottom: float, skip: set[int]):
    """A character of the text on the box's row, for its baseline and size."""
    mid = (top + bottom) / 2
    return next(
        (c for n, c in enumerate(chars) if n not in skip and c[2] <= mid <= c[3]),
        None,
    )


def ring(chars: list, rings: list[tuple[float, float, float, float]]) -> list:
    """``chars`` with a ☒ before the words each ring (x0, top, x1, bottom) is drawn around."""
    marks = []
    for x0, top, x1, bottom in rings:
        inside = [
            c for c in chars if x0 <= (c[0] + c[1]) / 2 <= x1 and top <= (c[2] + c[3]) / 2 <= bottom
        ]
        ringed = "".join(c[7] for c in sorted(inside, key=lambda c: c[0]))
        if inside and len(inside) <= _RINGED_CHARS and not is_question_number(ringed):
            first = min(inside, key=lambda c: c[0])  # a question's number in a circle is no choice
            marks.append((x0 - 1.0, x0, first[2], first[3], first[4], first[5], False, TICKED))
    return chars + marks


def is_ring(width: float, height: float) -> bool:
    """Is a closed curve of this size a ring drawn round an option (not a logo or a chart)?"""
    return (
        min(width, height) >= _MIN
        and max(width, height) <= _RING_MAX
        and (max(width, height) <= 4 * min(width, height))
    )


_RING_MAX = 120.0  # points: the widest ring round an option ("Not known", "Child protection")
_RINGED_CHARS = 40  # a ring round more than this is a frame, not a choice
