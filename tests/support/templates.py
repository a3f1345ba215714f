"""Councils' templates as tests make them: a template of one paragraph, and the shipped ones."""

import io
import zipfile
from xml.sax.saxutils import escape

from service.documents.registry import DOCUMENTS
from service.documents.render import TEMPLATES_DIR

INTERNALS = "{{ cycler.__init__.__globals__ }}"


def with_paragraph(*runs: str, name: str = "tac_plan.docx") -> bytes:
    """The shipped template ``name`` with a first paragraph made of ``runs`` (Word often splits
    what was typed as one tag over several runs)."""
    xml = "".join(f'<w:r><w:t xml:space="preserve">{escape(run)}</w:t></w:r>' for run in runs)
    source = zipfile.ZipFile(TEMPLATES_DIR / name)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as edited:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = content.replace(b"<w:body>", f"<w:body><w:p>{xml}</w:p>".encode(), 1)
            edited.writestr(item, content)
    return output.getvalue()


#: (document, template file) for every template any document can use
TEMPLATES = [(name, file) for name, kind in sorted(DOCUMENTS.items()) for file in kind.templates]
