"""Documents sent with a form, however the form lists them: a grid of type and file name, a list
under "Documents enclosed" / "Enclosures", or boxes ticked beside document types. Each is given
the contract's kind (``risk_assessment`` for a DASH checklist) and its file name where one is
written."""

from __future__ import annotations

import re

from parsers import labels, normalise, semantic

_EXTENSION = r"\.(?:pdf|docx?|odt|rtf|xlsx?|csv|jpe?g|png|tiff?|txt|msg|eml)"
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
    "documents sent",
    "reports sent",
    "reports enclosed",
    "attached information",
    "list of attachments",
    "documents included",
    "supporting paperwork",
    "paperwork sent",
    "documents provided",
    "documents supplied",
    "reports supplied",
    "reports and documents",
    "documents",
    "paperwork included",
    "sent with this form",
    "files uploaded",
    "evidence submitted",
]
LISTS = labels.PhraseBook({"list": _LIST_HEADINGS}, floor=labels.OPTION_THRESHOLD)


# Words that on their own say documents come with the form ("Additional information and
# attachments", "Enclosed – tick as appropriate"), as stems.
_SENT_WITH = {"attachment", "attach", "enclosur", "enclos"}


@labels.remembered(4096)
def is_list_label(label: str) -> bool:
    """A label or heading that introduces a list of documents ("Documents included (tick all
    that apply)": the words in brackets only say how to answer)."""
    core = labels.without_asides(label)
    return bool(_SENT_WITH.intersection(labels.tokens(core))) or (
        LISTS.best(core, threshold=0.8) is not None
    )


KIND_MEANINGS = semantic.PhraseIndex(labels.ATTACHMENT_KINDS)
# The model names a kind only when a description means it closely and no other kind nearly as
# well ("Neglect checklist" is a screening tool; "Outcome star" is no kind it can tell).
KIND_SIMILARITY = 0.6
KIND_MARGIN = 0.06


def _kind(described: str) -> str:
    """The contract's kind of a document described in words: the vocabulary's, else the
    model's where it is sure."""
    if said := labels.option_in(described, labels.ATTACHMENT_KINDS):
        return said
    words = labels.normalise(_FILENAME.sub(" ", described))
    if not any(len(word) > 2 for word in words.split()):
        return "other"
    ranked = sorted(KIND_MEANINGS.similar(words).items(), key=lambda pair: -pair[1])
    (best, score), (_, second) = ranked[0], ranked[1]
    return best if score >= KIND_SIMILARITY and score - second >= KIND_MARGIN else "other"


def from_grid(header: list[str], rows: list[list[str]]) -> list[dict]:
    """Documents from a grid with a type column and a file name column, or a column saying
    whether each was sent (a grid with no titles over it starts with a document)."""
    if any(is_filename(cell) for cell in header):
        header, rows = [""] * len(header), [header, *rows]
    columns = _columns(header, rows)
    if "kind" not in columns or not ("filename" in columns or "included" in columns):
        return []
    documents = []
    for row in rows:
        cells = dict(zip(columns, row, strict=False))
        if "included" in cells and normalise.yes_no(cells["included"]) is False:
            continue  # listed on the form but not sent ("Included Y/N: N")
        filename = normalise.text(cells.get("filename"))
        described = normalise.text(cells.get("kind")) or ""
        if not filename and described:  # "EHC plan (EHCP final.pdf)" in one cell
            described, filename = _split_item(described)
        if filename or described:
            documents.append({"kind": _kind(described), "filename": filename})
    return documents


def _columns(header: list[str], rows: list[list[str]]) -> list[str | None]:
    """Which column holds what: by its title, or, untitled or titled oddly ("Attached as"), by
    its cells (file names in one column, what they are in the other)."""
    titled = [labels.option_in(cell, labels.ATTACHMENT_COLUMNS) for cell in header]
    titled = [code if code not in titled[:at] else None for at, code in enumerate(titled)]
    if "kind" in titled and "filename" in titled:
        return titled
    width = len(header)
    named = [
        sum(is_filename(row[at]) for row in rows if at < len(row)) * 2 > len(rows)
        for at in range(width)
    ]
    columns = titled
    if rows and named.count(True) == 1:
        columns = [None] * width
        columns[named.index(True)] = "filename"
        # What each document is: the column saying most about it (not "1", "2").
        texts = [at for at in range(width) if not named[at]]
        worded = {
            at: any(re.search(r"[^\W\d_]", row[at]) for row in rows if at < len(row))
            for at in texts
        }
        kinds = {
            at: sum(
                1
                for row in rows
                if at < len(row) and labels.option_in(row[at], labels.ATTACHMENT_KINDS)
            )
            for at in texts
        }
        if texts:
            columns[max(texts, key=lambda at: (kinds[at], worded[at], -at))] = "kind"
    return columns


def from_list(value: str) -> list[dict]:
    """Documents from a written list ("DASH risk checklist (dash.pdf); EHCP.pdf") or ticked
    document types ("☒ Risk assessment ☐ EHCP")."""
    if normalise.has_ticks(value):
        return [
            _document(caption) for ticked, caption in normalise.ticks(value) if ticked and caption
        ]
    documents = []
    for item in _items(value):
        item = _NUMBERED.sub("", item).strip(" ,.:")
        if not item or _NOTHING.match(item) or normalise.yes_no(item) is not None:
            continue  # "None", or the answer to "Are you attaching any documents?"
        documents.append(_document(item))
    return documents


_LINES = re.compile(r"\n|•|·|\u2022")
_NUMBERED = re.compile(r"^\s*(?:[-*–]|\(?\d+[.)]|\(?[a-z][.)])\s+")


def _items(value: str) -> list[str]:
    """One document a line or bullet; a line parted by semicolons is several documents only
    when each part names a file ("A.pdf; B.pdf", not "DASH checklist; file name RIC.pdf")."""
    items = []
    for line in _LINES.split(value):
        parts = [part for part in line.split(";") if part.strip()]
        named = [bool(_filename_in(part)) for part in parts]
        # "A.pdf; B.pdf", or "EHCP; chronology": documents described, no file names
        if len(parts) > 1 and (all(named) or not any(named)):
            items.extend(parts)
        else:
            items.extend(_by_file(line))
    return items


_FILE_END = re.compile(_EXTENSION + r"\b[)\]]?", re.IGNORECASE)
_JOINING = re.compile(r"^\s*(?:,|\.|and\b|&)\s*", re.IGNORECASE)


def _by_file(line: str) -> list[str]:
    """A line naming several files, each after what it is ("the neglect screening
    (screening.pdf) and the DASH checklist (dash.pdf)"): one item a file."""
    ends = [found.end() for found in _FILE_END.finditer(line)]
    if len(ends) < 2:
        return [line]
    parts = [line[start:end] for start, end in zip([0, *ends], ends, strict=False)]
    parts[-1] += line[ends[-1] :]
    return [_JOINING.sub("", part) for part in parts]


def _document(item: str) -> dict:
    described, filename = _split_item(item)
    kind = _kind(described)
    if kind == "other" and filename:
        kind = _kind(re.sub(r"[_.\-]+", " ", filename))
    return {"kind": kind, "filename": filename}


def _split_item(item: str) -> tuple[str, str | None]:
    """(what the document is, its file name): "DASH checklist (dash.pdf)", "EHA – CAF_2025.pdf",
    "Risk assessment: risk 1.docx", or a file name alone ("Sahin EHC Plan final.pdf")."""
    if found := re.search(r"[(\[]([^()\[\]]*" + _EXTENSION + r")[)\]]", item, re.IGNORECASE):
        return item[: found.start()].strip(" -–:"), _bare(found[1])
    if found := re.match(r"(.*?" + _EXTENSION + r")\s*\(([^()]+)\)$", item, re.IGNORECASE):
        return found[2], found[1].strip()  # "RIC_Vaughan.pdf (DASH RIC)"
    if found := re.match(r"(.*?" + _EXTENSION + r")\s*\[([^\[\]]+)\]$", item, re.IGNORECASE):
        return found[2], found[1].strip()  # "GP letter.pdf [Additional information]"
    if found := re.match(
        r"(.+?)\s*(?:[;,.]|\s[-–—])\s*(?:see\s+)?(?:file\s*name|file|saved as|attached as)\s*"
        r"[:\-–]?\s*"
        r"(.+" + _EXTENSION + r")$",
        item,
        re.IGNORECASE,
    ):
        return found[1], found[2].strip()  # "Chronology; file name Chronology-Hossain.docx"
    if found := re.match(r"(.+?" + _EXTENSION + r")(?:\s[-–—]|,)\s+(.+)$", item, re.IGNORECASE):
        return found[2], found[1].strip()  # "Action plan Fenwick.pdf — Family support plan"
    found = re.match(r"(.+?)\s*(?:\s[-–—]\s|:\s|,\s|\s*(?:->|→|\|)\s*|\t)\s*(.+)$", item)
    if found and is_filename(found[2]):
        return found[1], _bare(found[2])
    if is_filename(item):
        return item, item
    return item, _filename_in(item)


def _bare(name: str) -> str:
    """A file name without words said around it ("attached as X.pdf", "completed, X.pdf",
    "electronic copy: X.pdf", "see attached X.pdf")."""
    name = _FILE_ONLY.sub("", name).strip(" :")
    for mark in (": ", ", "):
        before, found, after = name.rpartition(mark)
        if found and is_filename(after):
            name = after
    return _INTRODUCED.sub("", name).strip()


# Words that introduce a file's name, not part of it.
_INTRODUCED = re.compile(
    r"^(?:(?:see|attached|enclosed|saved|as|file|filename|named|called|ref)\s+)+",
    re.IGNORECASE,
)


def distinct(documents: list[dict]) -> list[dict]:
    """Documents gathered from answers one cell at a time ("Document: TAF plan", "Document
    name: Action plan.pdf", "How sent: Secure e-mail"): once each. A document with no file
    name goes when another of its kind has one (the same document, named twice), or when it
    is of no known kind and others have file names (how it was sent, not a document)."""
    named_kinds = {d["kind"] for d in documents if d.get("filename")}
    if not named_kinds:
        return documents
    return [
        d
        for d in documents
        if d.get("filename") or (d["kind"] not in named_kinds and d["kind"] != "other")
    ]


def is_filename(text: str) -> bool:
    """Text that ends in a document's extension ("EHCP final.pdf")."""
    return bool(re.search(_EXTENSION + r"$", text.strip(), re.IGNORECASE))


_FILE_ONLY = re.compile(
    r"^\s*(?:see\s+)?(?:file\s*name|file|saved as|attached as)\b", re.IGNORECASE
)


def names_a_file_only(value: str) -> bool:
    """ "saved as EHCP.pdf": an answer that is a file's name, what it is being its label."""
    return bool(_FILE_ONLY.match(value)) and "\n" not in value.strip()


def looks_like_documents(value: str) -> bool:
    """An answer that is a list of file names, whatever its label calls it."""
    items = [item for item in _ITEM_SEPARATORS.split(value) if item.strip()]
    named = [item for item in items if _filename_in(item)]
    return bool(named) and len(named) * 2 >= len(items)


def _filename_in(text: str) -> str | None:
    """The file name in an item: the last word ending in a document's extension."""
    found = _FILENAME.findall(text)
    return found[-1] if found else None
