"""Scans made from the dev corpus's PDFs, as a scanner would make them: each page rasterised at
200 dpi (fillable forms with their fields' appearances), turned 1°, with grain and specks, saved
as a PNG (one page) or a multi-page TIFF, and as a PDF that holds only the page pictures. Built
into a cache folder at test time, never kept in the repository, each beside a copy of its
source's ``*.expected.json`` so ``tests.parsers.accuracy.measure(folder)`` can score them.

``python -m tests.parsers.scans [FOLDER]`` builds them and prints the accuracy per family.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from tests.parsers.accuracy import DEV_CORPUS, measure

DPI = 200
SKEW_DEGREES = 1.0
CACHE = Path(tempfile.gettempdir()) / "frontdoor-dev-scans"
FAMILIES = ("acroform-pdf", "flat-pdf", "word-printed-pdf")


def pages(pdf_path: Path, dpi: int = DPI, skew: float = SKEW_DEGREES, seed: int = 0):
    """The PDF's pages as scanned greyscale images."""
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        pdf.init_forms()
        rng = np.random.default_rng(seed)
        for index in range(len(pdf)):
            page = pdf[index]
            image = page.render(scale=dpi / 72, may_draw_forms=True, grayscale=True).to_pil()
            page.close()
            yield scanned(image.convert("L"), skew, rng)
    finally:
        pdf.close()


def scanned(image: Image.Image, skew: float, rng: np.random.Generator) -> Image.Image:
    """A clean page as it comes out of a scanner: turned, grainy, with a few dark specks."""
    image = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    pixels = np.asarray(image).astype(np.float32)
    pixels += rng.normal(0, 12, pixels.shape)
    specks = rng.random(pixels.shape) < 0.0005
    pixels[specks] = rng.uniform(0, 120, int(specks.sum()))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def to_pdf(images: list[Image.Image], dpi: int = DPI) -> bytes:
    """A PDF holding only the page pictures (no text layer), as a scanner's PDF does."""
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


def build(folder: Path = CACHE, source: Path = DEV_CORPUS) -> Path:
    """Every dev PDF as an image scan (PNG when it has one page, else TIFF) and as a scanned
    PDF, in ``folder`` (kept between runs: made once)."""
    folder.mkdir(parents=True, exist_ok=True)
    for pdf_path in sorted(source.glob("*.pdf")):
        stem = pdf_path.stem
        expected = pdf_path.with_name(f"{stem}.expected.json")
        if not expected.exists():
            continue
        image_file = folder / f"{stem}-scan-image.tiff"
        pdf_file = folder / f"{stem}-scan-pdf.pdf"
        if not (pdf_file.exists() and any(folder.glob(f"{stem}-scan-image.*"))):
            images = list(pages(pdf_path))
            if len(images) == 1:
                image_file = image_file.with_suffix(".png")
                images[0].save(image_file, dpi=(DPI, DPI))
            else:
                images[0].save(
                    image_file,
                    dpi=(DPI, DPI),
                    save_all=True,
                    append_images=images[1:],
                    compression="tiff_deflate",
                )
            pdf_file.write_bytes(to_pdf(images))
        for scan_kind in ("scan-image", "scan-pdf"):
            shutil.copyfile(expected, folder / f"{stem}-{scan_kind}.expected.json")
    return folder


def family_folders(folder: Path) -> dict[str, Path]:
    """The built scans split by the family of the form they were made from, one folder each
    (links, so ``measure`` sees one family at a time)."""
    out = {}
    for family in FAMILIES:
        for scan_kind in ("scan-image", "scan-pdf"):
            sub = folder / "by-family" / f"{family}-{scan_kind}"
            sub.mkdir(parents=True, exist_ok=True)
            for path in folder.glob(f"*-{family}-{scan_kind}.*"):
                link = sub / path.name
                if not link.exists():
                    link.symlink_to(path)
            out[f"{family} ({scan_kind})"] = sub
    return out


def main(argv: list[str]) -> int:
    folder = build(Path(argv[0]) if argv else CACHE)
    total_right = total = failures = 0
    for name, sub in family_folders(folder).items():
        report = measure(sub)
        right = sum(report.right.values())
        count = right + sum(report.wrong.values())
        total_right, total, failures = (
            total_right + right,
            total + count,
            failures + len(report.failures),
        )
        print(f"{name:40} {report.accuracy:7.1%}  ({right}/{count}), {len(report.failures)} failed")
        for line in report.mistakes:
            print("   mistake:", line)
        for file, reason in report.failures:
            print("   failed:", file, "-", reason)
    print(
        f"all scans: {total_right / max(total, 1):.1%} ({total_right}/{total}), {failures} failed"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
