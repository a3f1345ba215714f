"""An original is sent back as what its content says it is, whatever its name, as the readers
decide its kind: the browser then opens a PDF as a PDF and saves a Word file as Word."""

import io

import pytest
from PIL import Image

from parsers import media_type
from tests.parsers.accuracy import DEV_CORPUS


def _image(format_: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buffer, format=format_)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (next(DEV_CORPUS.glob("*flat-pdf.pdf")).read_bytes(), "application/pdf"),
        (
            next(DEV_CORPUS.glob("*.docx")).read_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (b"{\\rtf1\\ansi Referral}", "application/rtf"),
        (_image("PNG"), "image/png"),
        (_image("JPEG"), "image/jpeg"),
        (_image("TIFF"), "image/tiff"),
        (b"Name,Date of birth\nMaya,2014-03-09\n", "application/octet-stream"),
        (b"", "application/octet-stream"),
    ],
    ids=["pdf", "docx", "rtf", "png", "jpeg", "tiff", "csv", "empty"],
)
def test_a_file_is_sent_back_as_its_content_says(content, expected):
    assert media_type(content) == expected
