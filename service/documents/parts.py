"""The tags of a Word template, part by part (the body, headers, footers, footnotes, the
document properties), cleaned up as docxtpl does before filling them in, with one tag to a
line so that Jinja's line numbers name the tag; and each tag as it reads in Word."""

import html
import re
from dataclasses import dataclass

from docxtpl import DocxTemplate

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
        part.unclosed = [
            f"{part.placed(tag)}: this tag is not closed; end it with {CLOSERS[tag[:2]]}"
            for tag in _unclosed(xml)
        ]
        return part

    def tag_at(self, lineno: int | None) -> str:
        """The tag on ``lineno``, with where it is unless in the body of the document."""
        found = [text for line, text in self.tags if line <= (lineno or 0)]
        return self.placed(found[-1]) if found else f"the {self.where}"

    def placed(self, tag: str) -> str:
        return tag if self.where == "document" else f"{tag} (in the {self.where})"

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
        return f"{self.placed(text)}: this {keyword} is never closed; add {closing} after it"


def _unclosed(xml: str) -> list[str]:
    """Tags, as written, that do not end in the paragraph they start in."""
    if xml.startswith("<"):
        paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.DOTALL)
        texts = [
            html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", paragraph)))
            for paragraph in paragraphs
        ]
    else:
        texts = [xml]  # a document property: plain text
    found = []
    for text in texts:
        openings = [match.start() for match in TAG_OPENER.finditer(text)] + [len(text)]
        for position, end in zip(openings, openings[1:], strict=False):
            opener = text[position : position + 2]
            if CLOSERS[opener] not in text[position + 2 : end]:
                found.append(_as_written(text[position:end]))
    return found


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
