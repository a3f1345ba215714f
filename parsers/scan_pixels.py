"""What the pixels of a scanned page say before any word is read: how far the page is turned,
where the ruling lines, dark title bars and tick boxes are, and how heavy the ink of a word is.

All of it from a greyscale page as a numpy array (0 black, 255 white), with no knowledge of any
form's wording. The ruling lines and bars become the same ``hrules``/``vrules``/``fills`` the
PDF readers take from a page's drawing (``parsers.pdf_rules``); each tick box becomes the mark a
printed form would show (☒ ticked, ☐ not), decided by how much ink is inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

MAX_SKEW_DEGREES = 5.0
RULE_INCHES = 0.25  # an unbroken horizontal run of ink this long is a ruling line, not a letter
VRULE_INCHES = 0.2  # taller than the tallest letter of a form's headings
BOX_INCHES = (0.07, 0.3)  # the side of a tick box
BAR_INCHES = 1.0  # a dark band this wide, and taller than a rule, is a title bar
TICKED_INK = 0.07  # share of a box's inside that is ink when it is ticked


@dataclass(slots=True)
class Box:
    """A tick box in pixels, and whether it holds a mark."""

    left: int
    top: int
    right: int
    bottom: int
    ticked: bool


def ink(gray: np.ndarray) -> np.ndarray:
    """Which pixels are ink."""
    return gray <= threshold(gray)


def threshold(gray: np.ndarray) -> int:
    """The grey that best parts ink from paper (Otsu's method), within sane bounds."""
    counts = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256)
    weight = np.cumsum(counts)
    total = weight[-1]
    mean = np.cumsum(counts * levels)
    background = total - weight
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean[-1] * weight - mean * total) ** 2 / (weight * background)
    between = np.nan_to_num(between[:-1], nan=-1.0)
    found = int(np.argmax(between)) if between.max() > 0 else 127  # one grey: no ink at all
    return min(max(found, 80), 200)


# Turn


def skew_degrees(gray: np.ndarray) -> float:
    """How far the lines of text are turned (anticlockwise positive), within ±5°: the angle at
    which the ink, projected onto the vertical, gives the sharpest profile of rows."""
    small = _shrink(gray, 1000)
    ys, xs = np.nonzero(ink(small))
    if len(xs) < 200:
        return 0.0
    if len(xs) > 60_000:
        pick = np.random.default_rng(0).choice(len(xs), 60_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs = xs - small.shape[1] / 2
    best = _best_angle(xs, ys, np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 0.01, 0.5))
    return _best_angle(xs, ys, np.arange(best - 0.5, best + 0.51, 0.05))


def _best_angle(xs: np.ndarray, ys: np.ndarray, angles: np.ndarray) -> float:
    scores = []
    for angle in angles:
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        rows -= rows.min()
        profile = np.bincount(rows).astype(np.float64)
        scores.append(float(np.dot(profile, profile)))
    return float(angles[int(np.argmax(scores))])


def straighten(image: Image.Image, degrees: float) -> Image.Image:
    """The page turned back by ``degrees``; white fills the corners."""
    if abs(degrees) < 0.05:
        return image
    return image.rotate(-degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)


def _shrink(gray: np.ndarray, width: int) -> np.ndarray:
    step = max(1, gray.shape[1] // width)
    return gray[::step, ::step]


# Ruling lines and bars


def runs(mask: np.ndarray, min_length: int) -> np.ndarray:
    """Horizontal runs of True at least ``min_length`` long: rows of (row, start, end)."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    start_rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # same row order: each run's end follows its start
    keep = ends - starts >= min_length
    return np.stack([start_rows[keep], starts[keep], ends[keep]], axis=1)


def bridged(mask: np.ndarray) -> np.ndarray:
    """Ink with one-pixel gaps along a row closed, so scanner noise does not break a rule."""
    out = mask.copy()
    out[:, 1:-1] |= mask[:, :-2] & mask[:, 2:]
    return out


def rules(gray: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal runs (row, x0, x1) and vertical runs (column, y0, y1) long enough to be
    ruling lines, in pixels. Lines are often printed light grey, which grain breaks up at the
    ink threshold, so a lighter grey counts here, and two-pixel gaps are closed."""
    faint = gray <= threshold(gray) + 40
    across = runs(bridged(bridged(faint)), int(RULE_INCHES * dpi))
    faint = faint.T
    down = runs(bridged(bridged(faint)), int(VRULE_INCHES * dpi))
    return across, down


def bars(gray: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """Dark bands with light text on them (section titles printed white on navy), as
    (left, top, right, bottom) pixels: blocks of 8×8 pixels that are dark on average (white
    letters on navy still are; black letters on paper are not), in rows at least an inch
    wide."""
    block = 8
    h, w = gray.shape[0] // block * block, gray.shape[1] // block * block
    means = gray[:h, :w].reshape(h // block, block, w // block, block).mean(axis=(1, 3))
    dark = means < 150
    found: list[list[int]] = []
    for row, start, end in runs(dark, int(BAR_INCHES * dpi / block)):
        for bar in found:
            if bar[3] == row and start < bar[2] and end > bar[0]:
                bar[0], bar[2], bar[3] = min(bar[0], start), max(bar[2], end), row + 1
                break
        else:
            found.append([int(start), int(row), int(end), int(row) + 1])
    return [
        (a * block, t * block, b * block, bottom * block)
        for a, t, b, bottom in found
        if bottom - t >= 2
    ]


# Tick boxes


def tick_boxes(mask: np.ndarray, dpi: float) -> list[Box]:
    """Small squares drawn with four straight sides: the top and bottom edges are runs of the
    same extent one side-length apart, with ink down both ends between them and paper just
    outside them (the bowl of a bold "o" or "d" has ink beyond the ends of its top stroke)."""
    low, high = (int(n * dpi) for n in BOX_INCHES)
    across = runs(bridged(mask), low)
    across = across[across[:, 2] - across[:, 1] <= high]
    boxes: list[Box] = []
    by_start: dict[int, list[tuple[int, int]]] = {}
    for row, x0, x1 in across.tolist():
        by_start.setdefault(x0, []).append((row, x1))
    for row, x0, x1 in across.tolist():
        side = x1 - x0
        for other_x0 in range(x0 - 2, x0 + 3):
            for other_row, other_x1 in by_start.get(other_x0, ()):
                height = other_row - row
                if abs(other_x1 - x1) > 2 or not 0.85 * side <= height <= 1.15 * side:
                    continue
                if _thin(mask, row, x0, x1) and _sides_inked(mask, row, other_row, x0, x1 - 1):
                    boxes.append(_box(mask, x0, row, x1, other_row + 1))
    return _distinct(boxes)


def _thin(mask: np.ndarray, top: int, left: int, right: int) -> bool:
    """A box is drawn with a thin line; the strokes of a heavy letter are thick for its size."""
    side = right - left
    rows = mask[top : top + side // 2, left + 2 : right - 2].mean(axis=1)
    thickness = int(np.argmin(rows >= 0.9)) if (rows < 0.9).any() else len(rows)
    return thickness <= max(3, 0.2 * side)


def _sides_inked(mask: np.ndarray, top: int, bottom: int, left: int, right: int) -> bool:
    """Straight sides: down the box, the outer edge of the ink at each end stays in one column
    (give or take a pixel, and a speck of noise), the one where the top and bottom edges end;
    the side of a bowl, as in "o", "d" or "D", curves out beyond the strokes that meet it."""
    trim = max(1, (bottom - top) // 8)
    rows = mask[top + trim : bottom - trim]
    reach = 6
    for x, outer_first in ((left, True), (right, False)):
        if x - reach < 0 or x + reach >= mask.shape[1]:
            return False
        band = rows[:, x - reach : x + reach + 1]
        if not outer_first:
            band = band[:, ::-1]
        inked = band.any(axis=1)
        if band.shape[0] == 0 or inked.mean() < 0.9:
            return False
        edge = band.argmax(axis=1)[inked]  # ``reach`` where the side is where the edges end
        middle = float(np.median(edge))
        if abs(middle - reach) > 1 or np.mean(np.abs(edge - middle) <= 1) < 0.8:
            return False
        if _stroke_width(band[inked], edge) > max(3, 0.2 * (right - left)):
            return False
    return True


def _stroke_width(band: np.ndarray, edge: np.ndarray) -> float:
    """How many pixels of ink follow the outer edge inwards, row by row (the median)."""
    widths = []
    for row, start in zip(band, edge, strict=True):
        paper = np.flatnonzero(~row[start:])
        widths.append(int(paper[0]) if paper.size else len(row) - start)
    return float(np.median(widths))


def _box(mask: np.ndarray, left: int, top: int, right: int, bottom: int) -> Box:
    margin = max(2, (right - left) // 6)
    inside = mask[top + margin : bottom - margin, left + margin : right - margin]
    share = float(inside.mean()) if inside.size else 0.0
    return Box(left, top, right, bottom, share >= TICKED_INK)


def _distinct(boxes: list[Box]) -> list[Box]:
    """One box for each drawn square (its thick edges give several runs each)."""
    kept: list[Box] = []
    for box in sorted(boxes, key=lambda b: (b.left - b.right, b.top - b.bottom)):
        if not any(
            box.left < k.right and k.left < box.right and box.top < k.bottom and k.top < box.bottom
            for k in kept
        ):
            kept.append(box)
    return kept


# Specks


def specks(mask: np.ndarray) -> np.ndarray:
    """Ink pixels with at most one inked neighbour: dust, not print (the smallest printed mark,
    a full stop, is a blob of several pixels each touching three or more)."""
    padded = np.pad(mask, 1).astype(np.uint8)
    h, w = mask.shape
    neighbours = sum(
        padded[1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w]
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
        if dy or dx
    )
    return mask & (neighbours <= 1)


def grown(mask: np.ndarray) -> np.ndarray:
    """``mask`` with every pixel next to a True one set too (the grey fringe around a speck)."""
    padded = np.pad(mask, 1)
    h, w = mask.shape
    out = mask.copy()
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            out |= padded[1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w]
    return out


# Words


def stroke(mask: np.ndarray, left: int, top: int, right: int, bottom: int) -> float:
    """The usual width of the strokes inside a box: ink pixels per run of ink along its rows.
    Bold type has strokes about half as thick again as regular type of the same size."""
    patch = mask[top:bottom, left:right]
    if patch.size == 0:
        return 0.0
    starts = np.count_nonzero(patch[:, 1:] & ~patch[:, :-1]) + np.count_nonzero(patch[:, 0])
    return float(np.count_nonzero(patch)) / starts if starts else 0.0
