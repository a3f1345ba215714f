"""Documents as a user gets them: produced from a referral's page, downloaded and read."""

import io

import docx

from tests.support.browser import Browser


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def produce(browser: Browser, referral, kind: str, file_type: str = "docx"):
    """Press "Produce document" on the referral's page with ``kind`` and ``file_type`` chosen."""
    page = browser.get(f"/referrals/{referral.id}")
    form = page.select_one(f"form[action='/referrals/{referral.id}/documents']")
    answers = {**browser.form_values(form), "kind": [kind], "format": [file_type]}
    return browser.client.post(form["action"], data=answers)
