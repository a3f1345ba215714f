"""What the readers of each kind of file hand to the record mapper.

A reader (``docx_form``, ``acroform``, ``flat_pdf``) knows layout, not meaning: it reports each
answer it finds beside the text it was read against (``Observation``) and each grid it finds
(``Table``). ``parsers.mapping`` alone decides which record field an answer belongs to, using
one label vocabulary for every kind of file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Observation:
    """One answer on a form, and what it was read against.

    ``labels``: the texts that say what the answer is, most trustworthy first — the printed label
    beside it, a tooltip or content-control alias, a field name or tag (``child_first_name``,
    ``Text12``). ``value``: the answer's text as printed (tick-box marks such as ``☒ Yes ☐ No``
    left in), or True/False for a single tick box. ``group``: for a single tick box, the question
    it answers (the printed label of its row, e.g. "Pathway requested"), while ``labels`` hold its
    own caption ("Early Help"). ``section``: the heading the answer sits under ("Referrer
    details"). ``where``: a place a person can find it ("page 2", "table 3, row 4",
    "paragraph 17", "field Text12"). ``confidence``: how sure the reader is that label and value
    belong together (1.0 for a table cell beside its label, lower for a label found by position).
    """

    labels: list[str]
    value: str | bool | None
    section: str = ""
    where: str = ""
    group: str = ""
    confidence: float = 1.0


@dataclass
class Table:
    """A grid with a header row, e.g. household members or attached documents."""

    header: list[str]
    rows: list[list[str]]
    section: str = ""
    where: str = ""
    confidence: float = 1.0


@dataclass
class ReadDocument:
    """Everything a reader found in one file."""

    kind: str  # "docx", "acroform-pdf", "flat-pdf"
    observations: list[Observation] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # document and section titles, in order
