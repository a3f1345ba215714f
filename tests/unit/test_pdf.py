"""The warm PDF converter, against a real LibreOffice (never mocked)."""

import io
import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdf
import pytest

from record import load_record
from service.documents import pdf, render
from tests.support.app import EXAMPLE_RECORD
from tests.support.libreoffice import libreoffice_or_skip


@pytest.fixture(scope="module")
def converter():
    libreoffice_or_skip()
    with pdf.PdfConverter() as shared:
        yield shared


@pytest.fixture(scope="module")
def letter() -> bytes:
    record = load_record(json.loads(EXAMPLE_RECORD.read_text()))
    return render.render_docx("referral_letter", record)


def _text(content: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def test_a_rendered_referral_letter_becomes_a_pdf_with_the_childs_name(converter, letter):
    content = converter.convert(letter)
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    assert "Maya Okafor" in _text(content)


def test_conversions_reuse_one_libreoffice(converter, letter):
    converter.convert(letter)
    first = converter.pid
    assert first is not None
    for _ in range(3):
        assert converter.convert(letter).startswith(b"%PDF-")
        assert converter.pid == first


def test_a_killed_libreoffice_is_restarted_and_the_conversion_succeeds(converter, letter):
    converter.convert(letter)
    killed = converter.pid
    os.kill(killed, signal.SIGKILL)

    content = converter.convert(letter)

    assert "Maya Okafor" in _text(content)
    assert converter.pid not in (None, killed)


def test_garbage_is_refused_clearly_and_the_converter_keeps_working(converter, letter):
    converter.convert(letter)
    running = converter.pid
    with pytest.raises(pdf.PdfError, match="not a Word document"):
        converter.convert(b"this is not a document at all")
    assert "Maya Okafor" in _text(converter.convert(letter))
    assert converter.pid == running


def test_a_word_document_libreoffice_cannot_read_is_refused_and_the_converter_keeps_working(
    converter, letter
):
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as package:
        package.writestr("word/document.xml", "<w:document> cut off <<<")
    converter.convert(letter)
    running = converter.pid
    with pytest.raises(pdf.PdfError, match="LibreOffice could not read the document"):
        converter.convert(damaged.getvalue())
    assert "Maya Okafor" in _text(converter.convert(letter))
    assert converter.pid == running


def test_a_killed_uno_server_is_replaced_along_with_its_libreoffice(converter, letter):
    converter.convert(letter)
    libreoffice = converter.pid
    os.kill(converter._server.pid, signal.SIGKILL)

    assert "Maya Okafor" in _text(converter.convert(letter))
    assert not pdf._alive(libreoffice)
    assert converter.pid not in (None, libreoffice)


def test_closing_leaves_no_libreoffice_running(letter):
    libreoffice_or_skip()
    own = pdf.PdfConverter()
    own.convert(letter)
    libreoffice, server, work, sockets = own.pid, own._server.pid, own._work, own._sockets
    assert sockets and all(socket_file.is_socket() for socket_file in sockets)

    own.close()

    assert not pdf._alive(libreoffice) and not pdf._alive(server)
    assert own.pid is None
    assert not work.exists() and not any(socket_file.exists() for socket_file in sockets)


def test_a_hung_libreoffice_is_replaced_and_the_conversion_succeeds(letter):
    libreoffice_or_skip()
    with pdf.PdfConverter(timeout=5) as patient:
        patient.convert(letter)
        hung = patient.pid
        os.kill(hung, signal.SIGSTOP)  # alive, but never answers

        assert "Maya Okafor" in _text(patient.convert(letter))
        assert not pdf._alive(hung) and patient.pid not in (None, hung)


def test_a_conversion_that_times_out_is_retried_once_then_refused(letter):
    libreoffice_or_skip()
    hasty = pdf.PdfConverter(timeout=0)  # no conversion can finish in time
    with pytest.raises(pdf.PdfError, match="LibreOffice could not convert the document: no "):
        hasty.convert(letter)
    assert hasty.pid is None and hasty._server is None  # stopped, not left half-working


def test_a_worker_that_dies_without_closing_leaves_no_libreoffice_running(letter, tmp_path):
    libreoffice_or_skip()
    (tmp_path / "letter.docx").write_bytes(letter)
    worker = (
        "import os, sys\n"
        "from service.documents import pdf\n"
        "converter = pdf.PdfConverter()\n"
        "converter.convert(open(sys.argv[1], 'rb').read())\n"
        "print(converter.pid, converter._server.pid, converter._work, *converter._sockets)\n"
        "sys.stdout.flush()\n"
        "os._exit(0)  # no atexit, no close: as a worker killed outright\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", worker, str(tmp_path / "letter.docx")],
        capture_output=True,
        text=True,
        check=True,
    )
    libreoffice, server, *files = ran.stdout.split()
    assert all(pdf._wait_until_gone(int(pid), timeout=10) for pid in (libreoffice, server))
    assert not any(Path(file).exists() for file in files)


def test_a_python_without_uno_is_a_clear_error(letter):
    libreoffice_or_skip()
    without_uno = pdf.PdfConverter(uno_python=sys.executable)  # this virtualenv has no uno
    with pytest.raises(pdf.PdfError, match="cannot import uno .*python3-uno"):
        without_uno.convert(letter)
    assert without_uno._server is None


def test_a_missing_libreoffice_is_a_clear_error(letter, tmp_path):
    missing = pdf.PdfConverter(soffice=str(tmp_path / "soffice"))
    with pytest.raises(pdf.PdfError, match="LibreOffice .* is not installed"):
        missing.convert(letter)


def test_convert_to_pdf_goes_through_the_warm_converter_of_this_process(letter):
    libreoffice_or_skip()
    try:
        render.convert_to_pdf(letter)
        running = pdf.converter().pid
        assert "Maya Okafor" in _text(render.convert_to_pdf(letter))
        assert pdf.converter().pid == running
        with pytest.raises(render.DocumentError, match="not a Word document"):
            render.convert_to_pdf(b"garbage")
    finally:
        pdf.converter().close()


def test_a_forked_child_never_shares_its_parents_converter():
    parent = pdf.converter()
    child = os.fork()
    if child == 0:  # pragma: no cover (runs in the child)
        os._exit(0 if pdf.converter() is not parent else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert pdf.converter() is parent
