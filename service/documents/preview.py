"""A generated document as an accessible web page, to read before (or instead of) downloading
it: mammoth turns the DOCX's structure (headings, lists, tables) into HTML, never its looks,
and the page's own GOV.UK styles dress it. The page has its own <h1>, so the document's
headings sit one level below; a table's header row becomes column headers, and a two-column
table of facts ("Child's name | Maya Okafor") has its labels as row headers."""

import io

import mammoth
from lxml import html as lxml_html
from markupsafe import Markup

#: Word's styles as the page's headings, a level down from the document's own
STYLE_MAP = """
p[style-name='Title'] => h2:fresh
p[style-name='Heading 1'] => h2:fresh
p[style-name='Heading 2'] => h3:fresh
p[style-name='Heading 3'] => h4:fresh
"""

CLASSES = {
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "table": "govuk-table",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "a": "govuk-link",
}


def html_of(docx: bytes) -> Markup:
    """The document's content as HTML for a page (mammoth escapes every text it copies)."""
    converted = mammoth.convert_to_html(io.BytesIO(docx), style_map=STYLE_MAP).value
    if not converted.strip():
        return Markup("")
    root = lxml_html.fragment_fromstring(converted, create_parent="div")
    for table in root.iter("table"):
        _headed(table)
    for element in root.iter():
        if element.tag in CLASSES:
            element.set("class", CLASSES[element.tag])
    for cell in root.iter("th", "td"):  # a cell's one paragraph reads as the cell itself
        paragraphs = cell.findall("p")
        if len(paragraphs) == 1 and len(cell) == 1:
            paragraphs[0].set("class", "govuk-!-margin-0")
    inner = "".join(lxml_html.tostring(child, encoding="unicode") for child in root)
    return Markup((root.text or "") + inner)  # noqa: S704 - built from mammoth's escaped HTML


def _headed(table) -> None:
    """Header cells: the header row's as column headers; else, in a table of two columns,
    each row's label as its row header."""
    for header in table.iter("th"):
        header.set("scope", "col")
    if table.find("thead") is not None:
        return
    rows = table.findall(".//tr")
    if rows and all(len(row.findall("td")) == 2 for row in rows):
        for row in rows:
            label = row.find("td")
            label.tag = "th"
            label.set("scope", "row")
