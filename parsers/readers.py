"""Choose the reader for a kind of file."""

from parsers import old_formats
from parsers.model import ReadDocument


def read(kind: str, data: bytes) -> ReadDocument:
    if kind in old_formats.IMPORT_FILTERS:  # doc, rtf, odt: read as the DOCX LibreOffice makes
        from parsers import docx_form

        document = docx_form.read(old_formats.to_docx(kind, data))
        document.kind = kind
        return document
    if kind == "docx":
        from parsers import docx_form

        return docx_form.read(data)
    if kind == "image":
        from parsers import scan

        return scan.read_image(data)
    from parsers import pdf

    return pdf.read(data)
