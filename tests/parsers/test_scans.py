"""Scanned forms: the dev corpus's PDFs scanned (200 dpi, turned 1°, grain and specks, built at
test time by ``tests.parsers.scans``) read as well as a member of staff needs, and the pieces a
scan is read with — the turn, tick boxes, OCR confidence — each doing what it says. Tesseract is
the real one throughout."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from parsers import detect_kind, parse_bytes, scan_pixels
from service.views.imports import LOW_CONFIDENCE
from tests.parsers import scans
from tests.parsers.accuracy import DEV_CORPUS, measure_each

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@pytest.fixture(scope="module")
def scanned_corpus():
    """Every dev PDF scanned to a PDF of page pictures, and one family's as multi-page TIFFs.
    Once their pages are images both kinds are read alike (``parsers.scan.read_pages``): OCR of
    every form in both (52 pages) measured that reading twice, so the TIFFs are the flat forms'."""
    folders = scans.family_folders(scans.build())
    return {
        name: folder
        for name, folder in folders.items()
        if name.endswith("(scan-pdf)") or name == "flat-pdf (scan-image)"
    }


def test_scans_of_every_dev_pdf_read_with_at_least_90_percent_of_fields_and_none_refused(
    scanned_corpus,
):
    assert len(scanned_corpus) == 4
    for family, report in measure_each(scanned_corpus).items():
        assert report.failures == [], family
        assert report.accuracy >= 0.9, f"{family}: {report.accuracy:.1%}\n" + "\n".join(
            report.mistakes
        )


def _page_png(number: int = 0, fmt: str = "PNG") -> bytes:
    """The first page of the flat dev referral, scanned, as one image file."""
    image = list(scans.pages(DEV_CORPUS / "dev-21-flat-pdf.pdf"))[number]
    out = io.BytesIO()
    image.save(out, fmt, dpi=(scans.DPI, scans.DPI))
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_one_page_photo_or_png_of_a_form_is_read_as_a_scan(fmt):
    data = _page_png(fmt=fmt)
    assert detect_kind(data) == "image"
    result = parse_bytes(data)
    child = result.record["child"]
    assert result.kind == "scanned-image"
    assert (child["first_name"], child["last_name"]) == ("Billy", "Evans")
    assert child["date_of_birth"] == "2021-06-12"
    assert result.record["pathway"] == "sen_assessment"  # the one ticked box of the row
    assert result.record["threshold_level"] == 3


def test_how_far_a_page_is_turned_is_found_to_a_tenth_of_a_degree():
    page = list(scans.pages(DEV_CORPUS / "dev-21-flat-pdf.pdf", skew=0.0))[0]
    for degrees in (-2.5, 1.0, 4.0):
        turned = page.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)
        assert scan_pixels.skew_degrees(np.asarray(turned)) == pytest.approx(degrees, abs=0.1)


NOTE = (
    "Please complete every section of this form with the family and send it to the Front",
    "Door team by secure e-mail. Incomplete forms may delay our response to the referral.",
)


def _card(lines: list[tuple[str, str]]) -> Image.Image:
    """A small form at 200 dpi: label (bold) and answer on each line, under a note in plain
    type as forms have."""
    image = Image.new("L", (1700, 260 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    bold, plain = ImageFont.truetype(BOLD, 28), ImageFont.truetype(FONT, 28)
    for n, text in enumerate(NOTE):
        draw.text((60, 40 + 40 * n), text, font=plain, fill=0)
    for n, (label, answer) in enumerate(lines):
        draw.text((60, 200 + 60 * n), label, font=bold, fill=0)
        draw.text((560, 200 + 60 * n), answer, font=plain, fill=0)
    return image


def test_a_box_is_ticked_by_the_ink_inside_it_and_letters_are_never_boxes():
    image = Image.new("L", (600, 120), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 70, 70), outline=0, width=2)  # empty
    draw.rectangle((140, 40, 170, 70), outline=0, width=2)
    draw.line((144, 44, 166, 66), fill=0, width=2)  # ☒
    draw.line((144, 66, 166, 44), fill=0, width=2)
    draw.text((240, 30), "dog DOB", font=ImageFont.truetype(BOLD, 40), fill=0)
    boxes = scan_pixels.tick_boxes(scan_pixels.ink(np.asarray(image)), 200)
    assert [(b.left, b.ticked) for b in sorted(boxes, key=lambda b: b.left)] == [
        (40, False),
        (140, True),
    ]


def test_an_answer_ocr_could_hardly_read_is_shown_for_checking_and_a_clear_one_is_not():
    image = _card(
        [
            ("Child's first name", "Luke"),
            ("Child's surname", "Hughes"),
            ("Date of birth", "09/03/2014"),
        ]
    )
    smudge = image.crop((550, 245, 900, 305)).filter(ImageFilter.GaussianBlur(2.0))
    image.paste(smudge, (550, 245))  # the surname, smudged: read, but hardly
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(200, 200))
    result = parse_bytes(out.getvalue())
    assert result.record["child"]["first_name"] == "Luke"
    assert result.provenance["child.first_name"]["confidence"] >= LOW_CONFIDENCE
    assert result.provenance["child.last_name"]["confidence"] < LOW_CONFIDENCE
