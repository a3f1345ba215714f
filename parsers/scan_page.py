"""A scanned page as the flat-PDF reader sees a printed one: ``PageText`` from pixels and OCR.

The page is turned straight, its ruling lines, dark title bars and tick boxes are found in the
pixels (``parsers.scan_pixels``); the bars are inverted and the boxes blanked so Tesseract reads
only words (``parsers.ocr``). Each word then goes to ``parsers.pdf_text`` as a printed character
would, in points, with a type size estimated from its height and letters, a weight measured from
its strokes, and its OCR confidence; each tick box goes in as the mark ☒ or ☐ before its
caption. The lines, spans, rules and marks are then the same structures the flat reader uses for
a printed page, so one layout reading serves both.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass

import numpy as np
from PIL import Image

from parsers import ocr, pdf_rules, scan_pixels
from parsers.pdf_text import Line, PageText, Span, group_lines

TICKED, UNTICKED = "☒", "☐"
SURE = 0.9  # an OCR confidence this high reads as certain; below it, the word is doubted
BOLD_STROKE = 1.22  # strokes this much heavier than the page's usual ones are bold type
MIN_HEIGHT_INCHES = 0.04  # a word less tall than this is a speck or the edge of a line
_NOISE = re.compile(r"^[|_~=\-—–.,:;'‘’\"“”`]+$")  # a ruling line or speck read as a word

# Heights of letters in ems: capitals, digits and ascenders; x-height letters; descenders.
_TALL = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bdfhklt/()[]{}|!?&%#@'’\"")
_SHORT = set("acemnorsuvwxzgpqy")  # no part above the x-height
_DEEP = set("gjpqy(),;[]{}|/")
_BELOW = set("\u0326\u0327\u0328")  # comma below, cedilla, ogonek
_CAP, _X, _DESCENDER = 0.72, 0.53, 0.22


@dataclass
class Prepared:
    """A page made ready for OCR: what its pixels said, and the image Tesseract is to read."""

    page: PageText
    ink: np.ndarray  # packed bits (np.packbits) of the ink mask: a page's worth is 0.5 MB
    shape: tuple[int, int]
    dpi: float
    boxes: list[scan_pixels.Box]
    for_ocr: Image.Image


def prepare(image: Image.Image, dpi: float, number: int) -> Prepared:
    """Page ``number`` (1-based) of a scan, a greyscale image at ``dpi``: turned straight, its
    rules, bars and tick boxes found, and cleaned for OCR."""
    image = scan_pixels.straighten(image, scan_pixels.skew_degrees(np.asarray(image)))
    gray = np.array(image)
    bars = scan_pixels.bars(gray, dpi)
    for left, top, right, bottom in bars:
        gray[top:bottom, left:right] = _turned(gray[top:bottom, left:right])
    mask = scan_pixels.ink(gray)
    boxes = scan_pixels.tick_boxes(mask, dpi)
    across, down = scan_pixels.rules(gray, dpi)
    scale = 72.0 / dpi
    page = PageText(number, gray.shape[1] * scale, gray.shape[0] * scale)
    page.hrules = pdf_rules.merge([(r * scale, a * scale, b * scale) for r, a, b in across])
    page.vrules = pdf_rules.merge([(c * scale, a * scale, b * scale) for c, a, b in down])
    page.fills = [(a * scale, t * scale, b * scale, bt * scale) for a, t, b, bt in bars]
    clean = _for_ocr(gray, mask, boxes, across, down)
    return Prepared(page, np.packbits(mask), mask.shape, dpi, boxes, clean)


def finish(prepared: Prepared, words: list[ocr.OcrWord]) -> PageText:
    """The page's lines, from the words OCR read on it and the tick boxes."""
    page, scale = prepared.page, 72.0 / prepared.dpi
    count = prepared.shape[0] * prepared.shape[1]
    mask = np.unpackbits(prepared.ink, count=count).reshape(prepared.shape).astype(bool)
    words = _kept(words, prepared.dpi)
    chars = [_character(w, scale) for w in words]
    chars += [_mark(box, scale) for box in prepared.boxes]
    _snap_sizes(chars)
    page.lines = group_lines(chars, page) if chars else []
    parted = _split_at_colons(page)
    _weigh(page, _strokes(words, mask, scale))
    _rejoin(parted)
    _join_addresses(page)
    return page


def _turned(bar: np.ndarray) -> np.ndarray:
    """Light letters on a dark bar as dark letters on paper: inverted, and its colour (now a
    light grey) stretched to white."""
    inverted = 255.0 - bar
    paper = max(float(np.median(inverted)), 1.0)
    return np.clip(inverted * (255.0 / paper), 0, 255).astype(np.uint8)


def _for_ocr(
    gray: np.ndarray, mask: np.ndarray, boxes: list, across: np.ndarray, down: np.ndarray
) -> Image.Image:
    """The page as Tesseract should see it: only words. The paper, and any light shading, is
    made white, so grain in it is not read as letters; specks of a pixel or two, which it
    would read as full stops, are taken off (a printed full stop is bigger); tick boxes are
    blanked (their marks are read from the pixels); ruling lines and the grey fringe a scanner
    leaves along them are taken off, as Tesseract would read them as "|", "_" or words, while
    the ink of a letter crossing one (the tail of a "g" on a table's line) stays."""
    light = gray > scan_pixels.threshold(gray) + 20
    clean = gray.copy()
    clean[light] = 255
    clean[scan_pixels.grown(scan_pixels.specks(mask))] = 255
    for box in boxes:
        clean[box.top - 1 : box.bottom + 2, box.left - 1 : box.right + 2] = 255
    fringe = ~mask
    for row, start, end in across:
        clean[row, start:end] = 255
        band = (slice(max(row - 3, 0), row + 4), slice(start, end))
        clean[band][fringe[band]] = 255
    for column, start, end in down:
        clean[start:end, column] = 255
        band = (slice(start, end), slice(max(column - 3, 0), column + 4))
        clean[band][fringe[band]] = 255
    return Image.fromarray(clean)


def _kept(words: list[ocr.OcrWord], dpi: float) -> list[ocr.OcrWord]:
    """The words worth reading: not a speck or the edge of a line read as one."""
    low = MIN_HEIGHT_INCHES * dpi
    kept = []
    for word in words:
        if word.height < low and any(c.isalnum() for c in word.text):
            continue
        if word.text == "|":  # the page's vertical lines were taken off: this is "I"
            word.text = "I"
        if _NOISE.match(word.text) and word.confidence < SURE:
            continue
        kept.append(word)
    return kept


def _character(word: ocr.OcrWord, scale: float) -> tuple:
    """A word as ``pdf_text`` takes a character: (x0, x1, top, bottom, baseline, size, bold,
    text, confidence), in points; its weight is set on its span later (``_weigh``)."""
    em = _em(word.text, word.height)
    deep = any(c in _DEEP for c in word.text)
    bottom = word.top + word.height
    baseline = bottom - (_DESCENDER * em if deep else 0.0)
    return (
        word.left * scale,
        (word.left + word.width) * scale,
        word.top * scale,
        bottom * scale,
        baseline * scale,
        round(em * scale * 2) / 2,
        False,
        word.text,
        min(1.0, word.confidence / SURE),
    )


def _strokes(words: list[ocr.OcrWord], mask: np.ndarray, scale: float) -> dict:
    """(x0 in points, text) of each word -> (its stroke width per em, how many letters)."""
    out = {}
    for w in words:
        width = scan_pixels.stroke(mask, w.left, w.top, w.left + w.width, w.top + w.height)
        letters = sum(c.isalpha() for c in w.text)  # a label has letters: digits never weigh
        out[(w.left * scale, w.text)] = (width / max(_em(w.text, w.height), 1.0), letters)
    return out


def _weigh(page: PageText, strokes: dict) -> None:
    """Bold spans: those whose strokes, over all their letters, are heavier than the page's
    usual by ``BOLD_STROKE``. A span is weighed whole, as a word alone ("of", "/") has too
    little ink to tell."""
    weights = [weight for weight, letters in strokes.values() if letters >= 3]
    if not weights:
        return
    usual = statistics.median(weights)
    for line in page.lines:
        for span in line.spans:
            found = [strokes.get((w.x0, w.text)) for w in span.words]
            total = sum(letters for _, letters in filter(None, found))
            if total and usual > 0:
                heavy = sum(weight * letters for weight, letters in filter(None, found))
                span.bold = heavy / total >= BOLD_STROKE * usual


def _split_at_colons(page: PageText) -> list[tuple[Line, Span, Span]]:
    """ "Surname: Hughes" printed bold then plain is two spans in a PDF, told apart by the font;
    in a scan the words run on, so a span is parted after a word ending in a colon (or a
    question mark) near its start, to be weighed part by part (``_rejoin``)."""
    parted = []
    for line in page.lines:
        spans = []
        for span in line.spans:
            words = span.words
            cut = next(
                (
                    n + 1
                    for n, w in enumerate(words[:8])
                    if w.text.endswith((":", "?"))
                    and n + 1 < len(words)
                    and words[0].text[:1].isalpha()
                ),
                0,
            )
            if not cut:
                spans.append(span)
                continue
            head = Span(words[:cut], span.top, span.bottom, span.size, span.bold)
            tail = Span(words[cut:], span.top, span.bottom, span.size, span.bold)
            spans += [head, tail]
            parted.append((line, head, tail))
        line.spans = spans
    return parted


def _rejoin(parted: list[tuple[Line, Span, Span]]) -> None:
    """Parts that are not a bold label before a plain answer ("Serious neglect: Paweł was…")
    are one span again."""
    for line, head, tail in parted:
        if head.bold and not tail.bold:
            continue
        at = line.spans.index(head)
        head.words += tail.words
        head.bold = head.bold and tail.bold
        del line.spans[at + 1]


def _join_addresses(page: PageText) -> None:
    """An e-mail address OCR split at its "@" ("jill.kay @example.gov.uk") made whole again."""
    for line in page.lines:
        for span in line.spans:
            words = span.words
            n = 1
            while n < len(words):
                before, after = words[n - 1], words[n]
                if after.text.startswith("@") or before.text.endswith("@"):
                    before.text += after.text
                    before.x1 = after.x1
                    before.confidence = min(before.confidence, after.confidence)
                    del words[n]
                else:
                    n += 1
        line.text = " ".join(s.text for s in line.spans)


def _em(text: str, height: float) -> float:
    """The type size (em, in the height's units) that prints ``text`` this tall."""
    marks = "".join(unicodedata.normalize("NFD", c)[1:] for c in text)
    tall = any(c in _TALL or c.isupper() for c in text) or any(m not in _BELOW for m in marks)
    deep = any(c in _DEEP for c in text) or any(m in _BELOW for m in marks)
    short = all(c in _SHORT for c in text if c.isalpha()) and not tall
    top = _X if short else _CAP
    return height / (top + (_DESCENDER if deep else 0.0))


def _snap_sizes(chars: list[tuple]) -> None:
    """Sizes within 8% of the body text's are the body's: a height read from pixels wavers
    by that much, and the flat reader takes a size just above the body's for a heading."""
    if not chars:
        return
    body = statistics.median(c[5] for c in chars)
    for n, c in enumerate(chars):
        if abs(c[5] - body) <= 0.08 * body:
            chars[n] = (*c[:5], body, *c[6:])


def _mark(box: scan_pixels.Box, scale: float) -> tuple:
    """A tick box as the character a printed form would show in its place."""
    size = round((box.bottom - box.top) * scale / 0.8 * 2) / 2
    return (
        box.left * scale,
        box.right * scale,
        box.top * scale,
        box.bottom * scale,
        box.bottom * scale,
        size,
        False,
        TICKED if box.ticked else UNTICKED,
        1.0,
    )
