"""Documents sent with a form, however the form lists them: a grid of type and file name, a list
under "Documents enclosed" / "Enclosures", or boxes ticked beside document types. Each is given
the contract's kind (``risk_assessment`` for a DASH checklist) and its file name where one is
written."""

from __future__ import annotations

import re

from parsers import labels, normalise

_FILENAME = re.compile(
    r"[^\s()\[\]:;,\"“”]+\.(?:pdf|docx?|odt|rtf|xlsx?|csv|jpe?g|png|tiff?|txt|msg|eml)\b",
    re.IGNORECASE,
)
_ITEM_SEPARATORS = re.compile(r"\n|;|•|·|\u2022")
_NOTHING = re.compile(r"^(?:none|nil|n/?a|no|not applicable|no documents?)\.?$", re.IGNORECASE)
_LIST_HEADINGS = [
    "documents enclosed",
    "enclosures",
    "enclosed",
    "attachments",
    "attached documents",
    "supporting documents",
    "documents attached",
    "documents sent with this referral",
    "additional documents",
    "supporting evidence attached",
]
LISTS = labels.PhraseBook({"list": _LIST_HEADINGS})


def is_list_label(label: str) -> bool:
    """A label or heading that introduces a list of documents."""
    return LISTS.best(label, threshold=0.8) is not None


def _kind(described: str) -> str:
    return labels.option_in(described, labels.ATTACHMENT_KINDS) or "other"


def from_grid(header: list[str], rows: list[list[str]]) -> list[dict]:
    """Documents from a grid with a type column and a file name column."""
    columns = [labels.option_in(cell, labels.ATTACHMENT_COLUMNS) for cell in header]
    if "kind" not in columns or "filename" not in columns:
        return []
    documents = []
    for row in rows:
        cells = dict(zip(columns, row, strict=False))
        filename = normalise.text(cells.get("filename"))
        described = normalise.text(cells.get("kind")) or ""
        if filename or described:
            documents.append({"kind": _kind(described), "filename": filename})
    return documents


def from_list(value: str) -> list[dict]:
    """Documents from a written list ("DASH risk checklist (dash.pdf); EHCP.pdf") or ticked
    document types ("☒ Risk assessment ☐ EHCP")."""
    if normalise.has_ticks(value):
        return [
            {"kind": _kind(caption), "filename": _filename_in(caption)}
            for ticked, caption in normalise.ticks(value)
            if ticked and caption
        ]
    documents = []
    for item in _ITEM_SEPARATORS.split(value):
        item = re.sub(r"^\s*(?:[-*–]|\d+[.)])\s+", "", item).strip(" ,.:")
        if not item or _NOTHING.match(item):
            continue
        filename = _filename_in(item)
        described = item.replace(filename, " ") if filename else item
        described = re.sub(r"[()\[\]:–-]", " ", described).strip()
        documents.append({"kind": _kind(described or filename or ""), "filename": filename})
    return documents


def _filename_in(text: str) -> str | None:
    """The file name in an item: the last word ending in a document's extension."""
    found = _FILENAME.findall(text)
    return found[-1] if found else None
