"""The words on scanned page images, with their boxes and confidences, from Tesseract.

Tesseract (Debian ``tesseract-ocr``) runs as its own process, called directly: the pages go in
on its standard input as one multi-page TIFF and the words come back as TSV on its standard
output, so no image of a child's form is ever written to disk (a wrapper such as pytesseract
writes each image and each answer to a temporary file, which a reader stopped by its limits
would leave behind). Being a child of the reading process, Tesseract inherits that process's
resource limits; ``parsers.forkserver`` kills the reading process's whole process group when it
stops it, and ``TIMEOUT_SECONDS`` a page bounds it when a file is read in-process. One thread
(``OMP_THREAD_LIMIT``): the workers read several files at once, and on a page of form text
Tesseract's threads cost more than they save.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image

from parsers.errors import DamagedFile, ParseError, ReadTooLong

TIMEOUT_SECONDS = 60  # a page; one takes a second or two
# Tesseract's model of every Latin-script language (Debian tesseract-ocr-script-latn) reads the
# names UK forms carry (Paweł Dąbrowski, Máire Ní Bhriain), where English alone drops their
# accents; English when it is not installed.
LANGUAGES = ("Latin", "eng")
# Page segmentation 11, sparse text: a form is scattered labels, boxes and answers, not columns
# of prose, and every word is wanted wherever it is; the reader puts them in lines itself. Light
# text on dark bars is turned round before Tesseract sees it (``parsers.scan_page``), so its own
# search for inverted text, which costs a fifth of the time, is off.
OPTIONS = ("--psm", "11", "--oem", "1", "-c", "tessedit_do_invert=0")
_MISSING = "scanned forms cannot be read here: the Tesseract OCR program is not installed"


@dataclass(slots=True)
class OcrWord:
    """One word as Tesseract read it: pixels of the image it was given, confidence 0–1."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float


class OcrUnavailable(ParseError):
    """Tesseract is not installed: scans cannot be read on this machine."""


@functools.cache
def _command() -> str:
    found = shutil.which("tesseract")
    if found is None:
        raise OcrUnavailable(_MISSING)
    return found


@functools.cache
def language() -> str:
    """The first of ``LANGUAGES`` Tesseract has a model for."""
    listed = _run(["--list-langs"], b"", TIMEOUT_SECONDS).split()
    return next((name.decode() for name in listed if name.decode() in LANGUAGES), "eng")


def pages(images: list[Image.Image]) -> list[list[OcrWord]]:
    """Every word Tesseract finds on each of a document's greyscale page images, in one run
    (the Latin model takes longer to load than a page takes to read)."""
    if not images:
        return []
    tiff = io.BytesIO()
    images[0].save(tiff, "TIFF", save_all=True, append_images=images[1:])
    tsv = _run(
        ["stdin", "stdout", "-l", language(), *OPTIONS, "tsv"],
        tiff.getvalue(),
        TIMEOUT_SECONDS * len(images),
    )
    found: list[list[OcrWord]] = [[] for _ in images]
    for row in tsv.decode("utf-8", errors="replace").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) != 12 or cells[0] != "5":  # level 5: a word
            continue
        page, conf, text = int(cells[1]), float(cells[10]), cells[11].strip()
        if text and conf >= 0 and 1 <= page <= len(images):
            left, top, width, height = (int(c) for c in cells[6:10])
            found[page - 1].append(OcrWord(text, left, top, width, height, conf / 100))
    return found


def _run(arguments: list[str], data: bytes, seconds: float) -> bytes:
    """Tesseract's standard output; killed when it takes longer than ``seconds``."""
    try:
        done = subprocess.run(
            [_command(), *arguments],
            input=data,
            capture_output=True,
            timeout=seconds,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadTooLong(
            "the scan took too long to read: it may be damaged or built to stall the reader"
        ) from None
    except OSError:
        raise OcrUnavailable(_MISSING) from None
    if done.returncode != 0:
        raise DamagedFile(
            "the scan could not be read by OCR: it may be damaged; ask the sender for a new scan"
        )
    return done.stdout
