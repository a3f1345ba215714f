"""An OpenDocument file uploaded on the import page is one row, never the parts it is zipped
from (issue 9: one .odt became a failed row for each of ``mimetype``, ``content.xml``, …)."""

from sqlalchemy import select

from service.extensions import db
from service.models import ImportJob
from tests.views.imports.conftest import CAF_DOCX, batch_rows, upload_and_open_batch, zip_of
from tests.views.imports.opendocument import SPREADSHEET, opendocument

REFUSED = "This is an OpenDocument file: save it as .docx or PDF"


def test_one_odt_is_one_row_that_says_why_it_is_not_read(admin):
    page = upload_and_open_batch(admin, {"Referral Luke W.odt": opendocument()})
    assert page.select_one("h1").text == "Referral Luke W.odt"
    rows = batch_rows(page)
    assert list(rows) == ["Referral Luke W.odt"]
    assert (rows["Referral Luke W.odt"]["status"], rows["Referral Luke W.odt"]["reason"]) == (
        "failed",
        REFUSED,
    )
    assert page.select_one("#progress [data-status=failed]").text == "1 failed"
    assert [job.filename for job in db.session.scalars(select(ImportJob))] == [
        "Referral Luke W.odt"
    ]


def test_odt_and_ods_in_a_zip_of_forms_are_one_row_each_beside_the_others(admin):
    archive = zip_of(
        {
            "forms/Referral Luke W.odt": opendocument(),
            "forms/contacts.ods": opendocument(SPREADSHEET),
            "forms/caf.docx": CAF_DOCX.read_bytes(),
        }
    )
    rows = batch_rows(upload_and_open_batch(admin, {"Autumn.zip": archive}))
    assert {name: (row["status"], row["reason"]) for name, row in rows.items()} == {
        "forms/Referral Luke W.odt": ("failed", REFUSED),
        "forms/contacts.ods": ("failed", REFUSED),
        "forms/caf.docx": ("parsed", ""),
    }
