"""Ruling lines and shaded boxes drawn on a PDF page, read from PDFium's path objects.

Lines split text into table cells and separate the rows of a form; a shaded box marks a header
row. Thin paths are lines, stroked rectangles give their four edges, and paths of many segments
(a whole table drawn in one go) are taken apart segment by segment. A small closed curve is a
ring drawn round a chosen option.
"""

from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING

import pypdfium2.raw as pdfium_c

from parsers import pdf_ticks

if TYPE_CHECKING:
    from parsers.pdf_text import Display, PageText

_RULE_THICKNESS = 2.5  # a path thinner than this is a ruling line, not a box


def collect(raw, display: Display, out: PageText) -> None:
    """The ruling lines (merged) and shaded boxes drawn on a page, into ``out``."""
    hrules: list[tuple[float, float, float]] = []
    vrules: list[tuple[float, float, float]] = []
    count = pdfium_c.FPDFPage_CountObjects(raw)
    for i in range(min(count, 20000)):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_PATH:
            _path(obj, display, hrules, vrules, out)
    out.hrules = merge(hrules)
    out.vrules = merge(vrules)


def _path(obj, display: Display, hrules: list, vrules: list, out: PageText) -> None:
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj, fillmode, stroke)
    stroked, filled = bool(stroke.value), fillmode.value != 0
    if stroked and _white(obj, pdfium_c.FPDFPageObj_GetStrokeColor):
        stroked = False
    if filled and _white(obj, pdfium_c.FPDFPageObj_GetFillColor):
        filled = False
    if not (stroked or filled):
        return
    segments = pdfium_c.FPDFPath_CountSegments(obj)
    if 4 <= segments <= 40 and stroked and _curved(obj, segments):
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            x0, y0, x1, y1 = display.box(left.value, bottom.value, right.value, top.value)
            if pdf_ticks.is_ring(x1 - x0, y1 - y0):
                out.rings.append((x0, y0, x1, y1))
        return
    if segments > 6 and stroked:
        _segments(obj, segments, display, hrules, vrules)
        return
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return
    x0, y0, x1, y1 = display.box(left.value, bottom.value, right.value, top.value)
    w, h = x1 - x0, y1 - y0
    if segments <= 3 and stroked and not filled and pdf_ticks.is_stroke(w, h):
        out.strokes.append((x0, y0, x1, y1))  # one slanted line: half a cross, or a tick
    elif pdf_ticks.is_box(w, h):
        out.squares.append((x0, y0, x1, y1, filled))
    elif h <= _RULE_THICKNESS and w > _RULE_THICKNESS:
        hrules.append(((y0 + y1) / 2, x0, x1))
    elif w <= _RULE_THICKNESS and h > _RULE_THICKNESS:
        vrules.append(((x0 + x1) / 2, y0, y1))
    elif w > _RULE_THICKNESS and h > _RULE_THICKNESS:
        if stroked:
            hrules.extend(((y0, x0, x1), (y1, x0, x1)))
            vrules.extend(((x0, y0, y1), (x1, y0, y1)))
        if filled:
            out.fills.append((x0, y0, x1, y1))


def _segments(obj, count: int, display: Display, hrules: list, vrules: list) -> None:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    prev = None
    for i in range(min(count, 5000)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        px = matrix.a * x.value + matrix.c * y.value + matrix.e
        py = matrix.b * x.value + matrix.d * y.value + matrix.f
        point = display.point(px, py)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            (ax, ay), (bx, by) = prev, point
            if abs(ay - by) < 1 and abs(ax - bx) > _RULE_THICKNESS:
                hrules.append(((ay + by) / 2, min(ax, bx), max(ax, bx)))
            elif abs(ax - bx) < 1 and abs(ay - by) > _RULE_THICKNESS:
                vrules.append(((ax + bx) / 2, min(ay, by), max(ay, by)))
        prev = point


def _curved(obj, count: int) -> bool:
    """A path of curves alone (a circle or ellipse round an option), not a box with rounded
    corners, whose sides are straight."""
    curved = False
    for i in range(count):
        kind = pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(obj, i))
        if kind == pdfium_c.FPDF_SEGMENT_LINETO:
            return False  # a box's straight side: stop at the first
        curved = curved or kind == pdfium_c.FPDF_SEGMENT_BEZIERTO
    return curved


def _white(obj, getter) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return False
    return a.value == 0 or min(r.value, g.value, b.value) >= 245


def merge(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Join pieces of one ruling line: same position (±1), touching or overlapping extents."""
    merged: list[tuple[float, float, float]] = []
    bucket: list[tuple[float, float, float]] = []
    for rule in sorted(rules):
        if bucket and rule[0] - bucket[0][0] > 1:
            merged.extend(_join(bucket))
            bucket = []
        bucket.append(rule)
    if bucket:
        merged.extend(_join(bucket))
    return merged


def _join(bucket: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    pos = sum(r[0] for r in bucket) / len(bucket)
    out: list[list[float]] = []
    for _, a, b in sorted(bucket, key=lambda r: r[1]):
        if out and a <= out[-1][2] + 2:
            out[-1][2] = max(out[-1][2], b)
        else:
            out.append([pos, a, b])
    return [(p, a, b) for p, a, b in out]
