"""An OpenDocument file uploaded on the import page is one row, never the parts it is zipped
from (issue 9: one .odt became a failed row for each of ``mimetype``, ``content.xml``, …); a text
document (.odt) is read through LibreOffice (issue 10), anything else refused."""

from sqlalchemy import select

from service.db.models import ImportJob
from service.extensions import db
from tests.support.imports import CAF_DOCX, batch_rows, upload_and_open_batch, zip_of
from tests.support.libreoffice import libreoffice_or_skip
from tests.views.imports.opendocument import SPREADSHEET, opendocument

REFUSED = "This is an OpenDocument file but not a text document (.odt)"


def test_one_odt_is_one_row_and_is_read(admin):
    libreoffice_or_skip()
    page = upload_and_open_batch(admin, {"Referral Luke W.odt": opendocument()})
    assert page.select_one("h1").text == "Referral Luke W.odt"
    rows = batch_rows(page)
    assert list(rows) == ["Referral Luke W.odt"]
    assert (rows["Referral Luke W.odt"]["status"], rows["Referral Luke W.odt"]["reason"]) == (
        "parsed",
        "",
    )
    [job] = db.session.scalars(select(ImportJob))
    assert (job.filename, job.kind, job.record["child"]["first_name"]) == (
        "Referral Luke W.odt",
        "odt",
        "Luke",
    )


def test_odt_and_ods_in_a_zip_of_forms_are_one_row_each_beside_the_others(admin):
    libreoffice_or_skip()
    archive = zip_of(
        {
            "forms/Referral Luke W.odt": opendocument(),
            "forms/contacts.ods": opendocument(SPREADSHEET),
            "forms/caf.docx": CAF_DOCX.read_bytes(),
        }
    )
    rows = batch_rows(upload_and_open_batch(admin, {"Autumn.zip": archive}))
    assert {name: (row["status"], row["reason"]) for name, row in rows.items()} == {
        "forms/Referral Luke W.odt": ("parsed", ""),
        "forms/contacts.ods": ("failed", REFUSED),
        "forms/caf.docx": ("parsed", ""),
    }
