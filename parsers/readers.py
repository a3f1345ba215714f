"""Choose the reader for a kind of file."""

from parsers.model import ReadDocument


def read(kind: str, data: bytes) -> ReadDocument:
    if kind == "docx":
        from parsers import docx_form

        return docx_form.read(data)
    from parsers import pdf

    return pdf.read(data)
