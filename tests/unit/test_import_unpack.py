"""Expanding uploads safely: what a zip may hold, what it may not, and limits on both."""

import pytest

from service.imports import unpack
from service.imports.unpack import ENCRYPTED_ENTRY, OUTSIDE_THE_ZIP, ZIP_IN_ZIP, entries_of
from tests.support.imports import CAF_DOCX, FLAT_PDF, zip_of
from tests.views.imports.opendocument import MANIFEST, SPREADSHEET, TEXT, opendocument


def described(entries) -> list[tuple[str, str]]:
    return [(e.name, e.reason or f"{len(e.content)} bytes") for e in entries]


def test_a_word_document_is_a_form_not_a_zip_of_forms():
    content = CAF_DOCX.read_bytes()
    assert not unpack.is_zip_archive(content)
    assert described(entries_of("caf.docx", content)) == [("caf.docx", f"{len(content)} bytes")]


def test_a_zip_named_anything_is_still_opened_and_a_docx_named_zip_is_not():
    archive = zip_of({"a.pdf": FLAT_PDF.read_bytes()})
    assert [e.name for e in entries_of("forms.bin", archive)] == ["a.pdf"]
    assert [e.name for e in entries_of("caf.zip", CAF_DOCX.read_bytes())] == ["caf.zip"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("Referral Luke W.odt", opendocument(TEXT)),
        ("Contacts.ods", opendocument(SPREADSHEET)),
        ("re-zipped.odt", opendocument(first_stored=False)),  # only its manifest says so
        ("renamed.zip", opendocument(TEXT)),  # decided by content, not by name
    ],
)
def test_an_opendocument_file_is_one_form_never_its_parts(name, content):
    assert unpack.zip_kind(content) == "opendocument"
    assert described(entries_of(name, content)) == [(name, f"{len(content)} bytes")]


def test_an_opendocument_file_in_a_zip_of_forms_is_one_form_not_a_zip_inside_a_zip():
    odt, ods = opendocument(TEXT), opendocument(SPREADSHEET)
    archive = zip_of({"forms/Luke W.odt": odt, "forms/contacts.ods": ods, "flat.pdf": b"%PDF-1.4"})
    assert described(entries_of("autumn.zip", archive)) == [
        ("forms/Luke W.odt", f"{len(odt)} bytes"),
        ("forms/contacts.ods", f"{len(ods)} bytes"),
        ("flat.pdf", "8 bytes"),
    ]


def test_a_zip_of_forms_is_not_taken_for_opendocument_by_a_file_that_only_looks_like_it():
    look_alikes = {
        "mimetype": b"text/plain",  # first, but not an OpenDocument type
        "META-INF/manifest.xml": b'<manifest xmlns="urn:example:not-opendocument"/>',
        "a.pdf": b"%PDF-1.4",
    }
    archive = zip_of(look_alikes)
    assert unpack.zip_kind(archive) == "forms"
    assert [e.name for e in entries_of("up.zip", archive)] == list(look_alikes)


def test_an_unreadable_manifest_does_not_stop_a_zip_of_forms_being_expanded():
    archive = bytearray(
        zip_of({"META-INF/manifest.xml": f'<m xmlns="{MANIFEST}"/>'.encode(), "a.pdf": b"%PDF-1.4"})
    )
    archive[archive.index(b"PK\x03\x04") + 6] |= 0x1  # the manifest is encrypted
    archive[archive.index(b"PK\x01\x02") + 8] |= 0x1
    assert described(entries_of("up.zip", bytes(archive))) == [
        ("META-INF/manifest.xml", ENCRYPTED_ENTRY),
        ("a.pdf", "8 bytes"),
    ]


@pytest.mark.parametrize(
    "name",
    ["../x.pdf", "a/../../x.pdf", "/abs/x.pdf", "C:/Windows/x.pdf", "..\\..\\x.pdf", "c:\\x.pdf"],
)
def test_names_that_lead_outside_the_zip_are_refused(name):
    [entry] = entries_of("up.zip", zip_of({name: b"%PDF-1.4"}))
    assert entry.reason == OUTSIDE_THE_ZIP and entry.content is None


def test_folders_hidden_and_system_files_are_left_out():
    archive = zip_of(
        {
            "a/": b"",
            "a/form.pdf": b"%PDF-1.4",
            "a/.hidden.pdf": b"%PDF-1.4",
            "__MACOSX/a/._form.pdf": b"x",
            "Thumbs.db": b"x",
            "a/desktop.ini": b"x",
            "a/~$form.docx": b"x",
        }
    )
    assert [e.name for e in entries_of("up.zip", archive)] == ["a/form.pdf"]


def test_a_zip_inside_a_zip_is_reported_even_when_it_is_damaged():
    inner = zip_of({"form.pdf": b"%PDF-1.4"})
    archive = zip_of({"inner.zip": inner, "broken.zip": inner[:30], "form.pdf": b"%PDF-1.4"})
    assert described(entries_of("up.zip", archive)) == [
        ("inner.zip", ZIP_IN_ZIP),
        ("broken.zip", ZIP_IN_ZIP),
        ("form.pdf", "8 bytes"),
    ]


def test_an_encrypted_entry_is_reported():
    archive = bytearray(zip_of({"secret.pdf": b"%PDF-1.4 scrambled", "open.pdf": b"%PDF-1.4"}))
    # zipfile cannot write encrypted entries: set the "encrypted" flag of the first one by hand,
    # in its local header (flags at byte 6) and its central directory record (byte 8).
    archive[archive.index(b"PK\x03\x04") + 6] |= 0x1
    archive[archive.index(b"PK\x01\x02") + 8] |= 0x1
    assert described(entries_of("up.zip", bytes(archive))) == [
        ("secret.pdf", ENCRYPTED_ENTRY),
        ("open.pdf", "8 bytes"),
    ]


def test_too_many_files_refuse_the_whole_zip(monkeypatch):
    monkeypatch.setattr(unpack, "MAX_ENTRIES", 3)
    archive = zip_of({f"{n}.pdf": b"%PDF-1.4" for n in range(4)})
    assert described(entries_of("big.zip", archive)) == [
        ("big.zip", "the zip holds more than 3 files: split it into parts")
    ]


def test_an_entry_larger_than_a_form_may_be_is_not_read(monkeypatch):
    monkeypatch.setattr(unpack, "MAX_FILE_BYTES", 1000)
    archive = zip_of({"huge.pdf": b"%PDF-1.4" + b" " * 5000, "small.pdf": b"%PDF-1.4"})
    assert [e.reason for e in entries_of("up.zip", archive)] == [unpack.TOO_LARGE, None]


def test_a_zip_that_unpacks_to_too_much_is_refused(monkeypatch):
    monkeypatch.setattr(unpack, "MAX_TOTAL_BYTES", 10_000)
    archive = zip_of({f"{n}.pdf": b"%PDF-1.4" + b" " * 4000 for n in range(3)})
    [entry] = entries_of("bomb.zip", archive)
    assert entry.name == "bomb.zip" and "unpacks to more than" in entry.reason


def test_empty_and_damaged_zips_say_so():
    assert described(entries_of("empty.zip", zip_of({"a/": b""}))) == [
        ("empty.zip", "the zip holds no files")
    ]
    damaged = zip_of({"a.pdf": b"%PDF-1.4" * 100})[:50]
    assert entries_of("damaged.zip", damaged)[0].reason.startswith("the zip could not be opened")


def test_names_are_kept_as_uploaded_but_fit_for_a_page():
    [entry] = entries_of("a\x00b\nc.pdf", b"%PDF-1.4")
    assert entry.name == "abc.pdf"
    [long] = entries_of("x" * 300 + ".pdf", b"%PDF-1.4")
    assert len(long.name) == 255 and long.name.endswith(".pdf")


def test_folders_are_walked_leaving_out_hidden_files(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "in" / "sub" / "b.docx").write_bytes(b"PK")
    (tmp_path / "in" / ".DS_Store").write_bytes(b"x")
    (tmp_path / "in" / ".git").mkdir()
    (tmp_path / "in" / ".git" / "c.pdf").write_bytes(b"%PDF")
    single = tmp_path / "single.pdf"
    single.write_bytes(b"%PDF")
    found = [name for name, _ in unpack.files_under([tmp_path / "in", single])]
    assert found == ["in/a.pdf", "in/sub/b.docx", str(single)]
