"""OpenDocument files built as LibreOffice writes them: a zip whose first member is ``mimetype``,
stored uncompressed, then the document's XML parts and ``META-INF/manifest.xml``. No LibreOffice
is needed to make one, so the tests run anywhere."""

import io
import zipfile

TEXT = "application/vnd.oasis.opendocument.text"
SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#: the parts a one-page .odt from LibreOffice holds, besides ``mimetype``
ODT_PARTS = ["content.xml", "styles.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml"]


def opendocument(mimetype: str = TEXT, *, first_stored: bool = True) -> bytes:
    """An OpenDocument file of ``mimetype`` holding one line of a referral form.

    ``first_stored=False`` makes it as a zip tool re-zipping an unpacked .odt does: ``mimetype``
    compressed and not first, so only the manifest says what it is."""
    body = (
        f'<office:document-content xmlns:office="{OFFICE}" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        "<office:body><office:text><text:p>Child's name: Luke Walker</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    parts = {
        "content.xml": body,
        "styles.xml": f'<office:document-styles xmlns:office="{OFFICE}" office:version="1.3"/>',
        "meta.xml": f'<office:document-meta xmlns:office="{OFFICE}" office:version="1.3"/>',
        "settings.xml": f'<office:document-settings xmlns:office="{OFFICE}"/>',
        "META-INF/manifest.xml": (
            f'<manifest:manifest xmlns:manifest="{MANIFEST}" manifest:version="1.3">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
            + "".join(
                f'<manifest:file-entry manifest:full-path="{part}" manifest:media-type="text/xml"/>'
                for part in ODT_PARTS[:-1]
            )
            + "</manifest:manifest>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first_stored:
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        for name, xml in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>\n' + xml)
        if not first_stored:
            archive.writestr("mimetype", mimetype)
    return buffer.getvalue()
