"""``frontdoor import PATH…``: files, folders and zips through the same jobs as the web upload,
then a summary table; exit 1 only if a file failed."""

import shutil
import sqlite3
import subprocess

from tests.support.imports import CAF_DOCX, FLAT_PDF, REFERRAL_DOCX, zip_of
from tests.views.imports.opendocument import SPREADSHEET, opendocument


def table(output: str) -> dict[str, list[str]]:
    """The summary table by file: [pathway, fields found, status]."""
    lines = output.strip().splitlines()
    assert lines[0].split() == ["File", "Pathway", "Fields", "found", "Status"]
    starts = [lines[0].index(heading) for heading in ("Pathway", "Fields found", "Status")]
    return {
        line[: starts[0]].strip(): [
            line[starts[0] : starts[1]].strip(),
            line[starts[1] : starts[2]].strip(),
            line[starts[2] :].strip(),
        ]
        for line in lines[2:]
    }


def stored(frontdoor, query: str) -> list[tuple]:
    database = frontdoor.env["FRONTDOOR_INSTANCE_PATH"] + "/frontdoor.sqlite3"
    with sqlite3.connect(database) as connection:
        return connection.execute(query).fetchall()


def test_files_folders_and_zips_are_imported_with_a_summary_table(migrated, tmp_path):
    folder = tmp_path / "forms"
    (folder / "older").mkdir(parents=True)
    shutil.copy(CAF_DOCX, folder / "caf.docx")
    shutil.copy(REFERRAL_DOCX, folder / "older" / "referral.docx")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    archive = tmp_path / "scans.zip"
    archive.write_bytes(zip_of({"flat.pdf": FLAT_PDF.read_bytes()}))

    result = migrated("import", str(folder), str(archive))
    assert result.returncode == 0, result.stdout + result.stderr
    rows = table(result.stdout)
    assert rows.keys() == {"forms/caf.docx", "forms/older/referral.docx", "flat.pdf"}
    assert rows["forms/caf.docx"][0] == "early_help"
    assert rows["forms/older/referral.docx"][0] == "section_47"
    for _, found, status in rows.values():
        assert int(found) > 20 and status == "parsed: ready to review"
    assert "Reading forms" in result.stderr

    jobs = stored(migrated, "SELECT filename, status, sha256 FROM import_jobs ORDER BY id")
    assert [status for _, status, _ in jobs] == ["parsed"] * 3
    originals = tmp_path / "instance" / "files" / "originals"
    assert all((originals / sha[:2] / sha).exists() for _, _, sha in jobs)
    [(email,)] = stored(
        migrated, "SELECT email FROM import_batches JOIN users ON users.id = created_by_id"
    )
    assert email == "admin@council.example"


def test_a_file_that_fails_gives_its_reason_and_exit_status_1(migrated, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(FLAT_PDF.read_bytes()[:3000])
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    result = migrated("import", str(broken), str(empty), str(CAF_DOCX))
    assert result.returncode == 1
    rows = table(result.stdout)
    assert rows[str(empty)] == ["-", "-", "failed: the file is empty"]
    assert rows[str(broken)][2].startswith("failed: ")
    assert rows[str(CAF_DOCX)][2] == "parsed: ready to review", "the others still import"


def test_importing_the_same_file_again_is_recognised_and_not_a_failure(migrated):
    assert migrated("import", str(CAF_DOCX)).returncode == 0
    result = migrated("import", str(CAF_DOCX))
    assert result.returncode == 0
    [row] = table(result.stdout).values()
    assert row[2].startswith(f"duplicate: already uploaded as {CAF_DOCX} (batch 1, job 1)")


def test_a_zip_inside_a_zip_is_reported(migrated, tmp_path):
    archive = tmp_path / "nested.zip"
    archive.write_bytes(zip_of({"inner.zip": zip_of({"caf.docx": CAF_DOCX.read_bytes()})}))
    result = migrated("import", str(archive))
    assert result.returncode == 1
    assert table(result.stdout)["inner.zip"][2] == (
        "failed: a zip inside a zip is not accepted: upload its files directly"
    )


ODT_READ = "parsed: ready to review"
ODS_REFUSED = "failed: this is an OpenDocument file but not a text document (.odt)"


def test_an_odt_is_one_row_never_its_parts_and_is_read(migrated, soffice, tmp_path):
    odt = tmp_path / "Referral Luke W.odt"
    odt.write_bytes(opendocument())
    result = migrated("import", str(odt))
    assert result.returncode == 0, result.stdout + result.stderr
    assert table(result.stdout)[str(odt)][2] == ODT_READ
    assert stored(migrated, "SELECT filename, kind FROM import_jobs") == [(str(odt), "odt")]


def test_an_odt_in_a_zip_of_forms_is_one_row_beside_the_others(migrated, soffice, tmp_path):
    archive = tmp_path / "forms.zip"
    archive.write_bytes(
        zip_of(
            {
                "Referral Luke W.odt": opendocument(),
                "contacts.ods": opendocument(SPREADSHEET),
                "caf.docx": CAF_DOCX.read_bytes(),
            }
        )
    )
    rows = table(migrated("import", str(archive)).stdout)
    assert rows.keys() == {"Referral Luke W.odt", "contacts.ods", "caf.docx"}
    assert rows["Referral Luke W.odt"][2] == ODT_READ, "not refused as a zip inside a zip"
    assert rows["contacts.ods"][2] == ODS_REFUSED
    assert rows["caf.docx"][2] == "parsed: ready to review"


def test_an_odt_saved_by_libreoffice_is_one_row(migrated, soffice, tmp_path):
    converted = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(CAF_DOCX),
        ],
        capture_output=True,
        timeout=180,
    )
    assert converted.returncode == 0, converted.stderr
    odt = tmp_path / (CAF_DOCX.stem + ".odt")
    result = migrated("import", str(odt))
    assert result.returncode == 0, result.stdout + result.stderr
    pathway, fields, status = table(result.stdout)[str(odt)]
    assert (pathway, status) == ("early_help", ODT_READ) and int(fields) > 20


def test_as_names_who_the_import_is_recorded_against(migrated):
    result = migrated("import", "--as", "nobody@council.example", str(CAF_DOCX))
    assert result.returncode == 2
    assert result.stderr.strip() == "frontdoor: no user nobody@council.example"


def test_without_an_admin_it_says_how_to_make_one(frontdoor):
    assert frontdoor("db", "upgrade").returncode == 0
    result = frontdoor("import", str(CAF_DOCX))
    assert result.returncode == 2
    assert "frontdoor create-user --role admin" in result.stderr
    assert result.stdout == ""
