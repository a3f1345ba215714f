"""Admin staff importing legacy forms: real forms from the dev corpus, and the upload page and a
batch's table as the tests use them."""

import io
import zipfile

from tests.support.app import SHARED

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
