"""The tags of a Word template, part by part (the body, headers, footers, footnotes, the
document properties), cleaned up as docxtpl does before filling them in, with one tag to a
line so that Jinja's line numbers name the tag; and each tag as it reads in Word, with where it
is: "paragraph 4", or "table 2, row 3, cell 1" (counted as Word shows them, from 1)."""

import html
import re
from dataclasses import dataclass, field

from docxtpl import DocxTemplate
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

MAX_TAG_SHOWN = 80
TAG_OPENER = re.compile(r"\{[{%#]")
CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
BLOCK_TAGS = {"for", "if", "macro", "call", "filter", "with", "block", "autoescape", "raw"}


@dataclass
class Part:
    """One part of the document (its body, a header …) as Jinja source with one tag per line,
    so that a line number names the tag."""

    where: str
    source: str
    tags: list[tuple[int, str]]  # (first line, the tag as it reads in Word)
    unclosed: list[str]
    #: where each tag of ``tags`` is in the part ("paragraph 4"), where that could be found
    places: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, where: str, template: DocxTemplate, xml: str) -> "Part":
        """``xml`` as Word stores it: ``template`` cleans it up the way it does to fill it in."""
        pieces, tags, line, start = [], [], 1, 0
        source = template.patch_xml(xml) if xml.startswith("<") else xml
        openings = [match.start() for match in TAG_OPENER.finditer(source)]
        for index, position in enumerate(openings):
            pieces.append(source[start:position])
            line += pieces[-1].count("\n") + 1
            pieces.append("\n")
            end = openings[index + 1] if index + 1 < len(openings) else len(source)
            segment = source[position:end]
            closer = segment.find(CLOSERS[segment[:2]], 2)
            tags.append((line, _as_written(segment if closer < 0 else segment[: closer + 2])))
            start = position
        pieces.append(source[start:])
        part = cls(where, "".join(pieces), tags, [])
        located = _tags_by_paragraph(xml)
        part.places = _place(tags, located)
        part.unclosed = [
            f"{part.placed(tag, place)}: this tag is not closed; end it with {CLOSERS[tag[:2]]}"
            for place, tag in _unclosed(located)
        ]
        return part

    def tag_at(self, lineno: int | None) -> str:
        """The tag on ``lineno``, with where it is."""
        found = [(n, text) for n, (line, text) in enumerate(self.tags) if line <= (lineno or 0)]
        if not found:
            return f"the {self.where}"
        index, text = found[-1]
        return self.placed(text, self.places.get(index))

    def placed(self, tag: str, place: str | None = None) -> str:
        """``{{ tag }} (paragraph 4)``; ``(in the header, paragraph 1)`` beyond the body."""
        where = [] if self.where == "document" else [f"in the {self.where}"]
        where += [place] if place else []
        return f"{tag} ({', '.join(where)})" if where else tag

    def unclosed_block(self) -> str | None:
        """The innermost block tag ({% for %}, {% if %} …) that has no end tag."""
        stack = []
        for _, text in self.tags:
            word = re.match(r"\{%[-+]?\s*(\w*)", text)
            keyword = word.group(1) if word else ""
            if keyword in BLOCK_TAGS:
                stack.append((keyword, text))
            elif keyword.startswith("end") and stack and stack[-1][0] == keyword[3:]:
                stack.pop()
        if not stack:
            return None
        keyword, text = stack[-1]
        closing = f"{{% end{keyword} %}}"
        place = self.places.get(self.tags.index(next(t for t in self.tags if t[1] == text)))
        return f"{self.placed(text, place)}: this {keyword} is never closed; add {closing} after it"


def _paragraphs(xml: str) -> list[tuple[str | None, str]]:
    """Each paragraph's text with where it is, in the order Word shows them; a document
    property is one text with no place."""
    if not xml.startswith("<"):
        return [(None, xml)]
    root = etree.fromstring(xml.encode())  # noqa: S320 - docxtpl has already parsed it
    body = root.find(f"{W}body")
    container = body if body is not None else root  # a header or footer holds its paragraphs
    found, paragraph_count, table_count = [], 0, 0
    for child in container:
        if child.tag == f"{W}p":
            paragraph_count += 1
            found.append((f"paragraph {paragraph_count}", _text(child)))
        elif child.tag == f"{W}tbl":
            table_count += 1
            for row_number, row in enumerate(child.iter(f"{W}tr"), 1):
                for cell_number, cell in enumerate(row.findall(f"{W}tc"), 1):
                    place = f"table {table_count}, row {row_number}, cell {cell_number}"
                    found += [(place, _text(p)) for p in cell.iter(f"{W}p")]
        else:
            found += [(None, _text(p)) for p in child.iter(f"{W}p")]
    return found


def _text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def _tags_by_paragraph(xml: str) -> list[tuple[str | None, str, bool]]:
    """Every tag as written, with its place and whether it ends in the paragraph it starts in."""
    found = []
    for place, text in _paragraphs(xml):
        openings = [match.start() for match in TAG_OPENER.finditer(text)] + [len(text)]
        for position, end in zip(openings, openings[1:], strict=False):
            opener = text[position : position + 2]
            closer = text.find(CLOSERS[opener], position + 2, end)
            written = text[position : closer + 2] if closer >= 0 else text[position:end]
            found.append((place, _as_written(written), closer >= 0))
    return found


def _place(tags: list[tuple[int, str]], located: list) -> dict[int, str]:
    """Each cleaned-up tag's place: the next tag written the same way, in document order."""
    places, start = {}, 0
    for index, (_, text) in enumerate(tags):
        for offset, (place, written, _) in enumerate(located[start:]):
            if written == text:
                if place:
                    places[index] = place
                start += offset + 1
                break
    return places


def _unclosed(located: list) -> list[tuple[str | None, str]]:
    """Tags, as written, that do not end in the paragraph they start in."""
    return [(place, written) for place, written, closed in located if not closed]


def _as_written(raw: str) -> str:
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())
    return text if len(text) <= MAX_TAG_SHOWN else text[: MAX_TAG_SHOWN - 1] + "…"


def parts_of(template: DocxTemplate) -> list[Part]:
    """Every part docxtpl fills in: the body, headers, footers, footnotes, the properties."""
    template.init_docx()
    found = [Part.of("document", template, template.get_xml())]
    for uri, where in ((template.HEADER_URI, "header"), (template.FOOTER_URI, "footer")):
        for _, part in template.get_headers_footers(uri):
            found.append(Part.of(where, template, template.get_part_xml(part)))
    for part in template.docx.part.package.parts:
        if part.content_type.endswith(".footnotes+xml"):
            found.append(Part.of("footnotes", template, part.blob.decode("utf-8")))
    properties = template.docx.core_properties
    for name in ("author", "comments", "identifier", "language", "subject", "title"):
        where = f"document properties: {name}"
        found.append(Part.of(where, template, getattr(properties, name) or ""))
    return found
