"""The hostile corpus uploaded on the import page (admin, tasks run in the request): each bad
file's job fails with its reason on the batch page, nothing of it is kept as a record or a
referral, and the good form uploaded with it is still read."""

import pytest
from sqlalchemy import func, select

from service.db import imports
from service.db.models import Referral
from service.extensions import db
from service.imports.unpack import OUTSIDE_THE_ZIP
from tests.hostile.corpus import BAD_FILES, PASSWD_LINE, zip_with_escaping_names
from tests.support.imports import CAF_DOCX, batch_rows, upload_and_open_batch


def referrals() -> int:
    return db.session.scalar(select(func.count(Referral.id)))


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_fails_with_its_reason_beside_a_good_one_that_is_read(
    name, admin, parse_settings, tmp_path, robustness
):
    bad = BAD_FILES[name]
    page = upload_and_open_batch(
        admin, {bad.filename: bad.build(tmp_path), "good.docx": CAF_DOCX.read_bytes()}
    )
    rows = batch_rows(page)
    row, job = rows[bad.filename], imports.get_job(rows[bad.filename]["job"])
    refused = row["status"] == "failed" and bad.says.lower() in row["reason"].lower()
    robustness.bad_input(f"{name} (web import)", rejected=refused)
    assert refused, row
    assert (job.record, job.provenance) == (None, None), "no partial record"
    assert rows["good.docx"]["status"] == "parsed", "the good form is not held up"
    assert referrals() == 0
    assert PASSWD_LINE not in page.get_text()
    assert not (tmp_path / "marker").exists()


def test_a_zip_whose_names_lead_outside_it_is_refused_name_by_name(admin, tmp_path, robustness):
    rows = batch_rows(upload_and_open_batch(admin, {"forms.zip": zip_with_escaping_names()}))
    assert set(rows) == {"../../escaped.docx", "/etc/absolute.docx", "forms\\..\\..\\windows.docx"}
    refused = all(
        row["status"] == "failed" and row["reason"] == OUTSIDE_THE_ZIP.capitalize()
        for row in rows.values()
    )
    robustness.bad_input("zip with ../ names (web import)", rejected=refused)
    assert refused, rows
    assert not list(tmp_path.parent.rglob("*escaped.docx")), "never written under its name"
    assert not list(tmp_path.parent.rglob("windows.docx"))
