"""Admin staff importing legacy forms: real forms from the dev corpus, and the upload page and a
batch's table as the tests use them; a parsed job waiting for review, and a batch waited on
while a real worker reads it."""

import io
import time
import zipfile

import pytest

from service.db import imports
from service.imports import pipeline
from tests.support.app import SHARED
from tests.support.browser import Browser

CORPUS = SHARED / "corpus" / "dev"
CAF_DOCX = CORPUS / "dev-01-caf-docx.docx"
REFERRAL_DOCX = CORPUS / "dev-06-referral-docx.docx"
FLAT_PDF = CORPUS / "dev-20-flat-pdf.pdf"


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(browser, files: dict[str, bytes]):
    """Choose ``files`` (name -> content) on the upload page and press the button."""
    chosen = [(io.BytesIO(content), name) for name, content in files.items()]
    return browser.submit("/imports", {"files": chosen}, content_type="multipart/form-data")


def upload_and_open_batch(browser, files: dict[str, bytes]):
    response = upload(browser, files)
    assert response.status_code == 302, response.status_code
    return browser.get(response.headers["Location"])


def batch_rows(page) -> dict[str, dict]:
    """The batch page's table, by file name: status, reason, job id and the actions offered."""
    rows = {}
    for row in page.select("#jobs tbody tr"):
        cells = row.select("td")
        rows[cells[0].get_text(strip=True)] = {
            "status": cells[1].select_one("[data-status]")["data-status"],
            "reason": " ".join(cells[2].get_text().split()),
            "job": int(row["data-job"]),
            "actions": " ".join(cells[3].get_text().split()),
        }
    return rows


def job_with(admin_user, record: dict, provenance: dict) -> int:
    """A job as a worker leaves it after reading a form into ``record`` and ``provenance``."""
    batch = imports.create_batch(admin_user, "set by the test")
    [job] = pipeline.add_file(batch, "form.pdf", b"%PDF-1.4 a form read earlier")
    imports.mark_parsed(job, record, provenance, "flat-pdf")
    return job.id


def wait_for_batch(browser: Browser, url: str, worker, timeout: float = 120):
    """The batch page once nothing in it is waiting or being read (it stops refreshing)."""
    deadline = time.monotonic() + timeout
    while True:
        page = browser.get(url)
        if page.select_one("meta[http-equiv=refresh]") is None:
            return page
        if time.monotonic() > deadline:
            pytest.fail(f"the batch was not read in time:\n{worker.output()[-3000:]}")
        time.sleep(0.5)
