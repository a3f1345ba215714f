"""The compiled render (service.documents.compiled) gives what a bare docxtpl render gives."""

import io
import zipfile
from concurrent.futures import ThreadPoolExecutor

import docx
import pytest
from docxtpl import DocxTemplate
from jinja2 import Environment
from jinja2.exceptions import SecurityError
from lxml import etree

from record import Pathway, load_record
from service.documents.compiled import PROPERTIES, CompiledDocx, TemplateCache
from service.documents.render import (
    DOCUMENTS,
    TemplateSource,
    _environment,
    document_context,
    render_template,
    shipped_source,
    template_name,
)

LITERAL = "Tom & Jerry <b>bold</b> {{7*7}} {% if x %} }} {{ %} &amp; &lt;"
MULTI_LINE = "First line.\nSecond line,\tafter a tab.\n\nAfter a blank line."
#: (document, template file) for every template any document can use
TEMPLATES = [(name, file) for name, kind in sorted(DOCUMENTS.items()) for file in kind.templates]


def bare_docxtpl(content: bytes, context: dict) -> bytes:
    """What service.documents.render did before: docxtpl from scratch, in the same sandbox."""
    template = DocxTemplate(io.BytesIO(content))
    template.render(context, jinja_env=_environment(), autoescape=True)
    output = io.BytesIO()
    template.save(output)
    return output.getvalue()


def blocks(container) -> list[str]:
    """Paragraphs and table cells in the order they appear."""
    lines = []
    for block in container.iter_inner_content():
        if isinstance(block, docx.table.Table):
            lines += [cell.text for row in block.rows for cell in row.cells]
        else:
            lines.append(block.text)
    return lines


def text(content: bytes) -> list[str]:
    """The body, then every header and footer, then the core properties docxtpl renders."""
    document = docx.Document(io.BytesIO(content))
    lines = blocks(document)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header):
            if not part.is_linked_to_previous:
                lines += blocks(part)
    return lines + [getattr(document.core_properties, name) for name in PROPERTIES]


def members(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        assert package.testzip() is None
        return {name: package.read(name) for name in package.namelist()}


def context_for(document: str, data: dict, pathway: Pathway) -> tuple[TemplateSource, dict]:
    record = load_record({**data, "pathway": pathway})
    return shipped_source(template_name(document, record)), document_context(record)


def compiled(content: bytes) -> CompiledDocx:
    return CompiledDocx(content, _environment())


def template_bytes(build) -> bytes:
    """A template made with python-docx: ``build(document)`` adds its content."""
    document = docx.Document()
    build(document)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


@pytest.mark.parametrize("data", ["full_record_data", "example_record_data"])
@pytest.mark.parametrize("pathway", list(Pathway))
@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_every_document_for_every_pathway_reads_as_docxtpl_renders_it(
    document, pathway, data, request
):
    source, context = context_for(document, request.getfixturevalue(data), pathway)
    ours = render_template(source, context)
    assert text(ours) == text(bare_docxtpl(source.content, context))


@pytest.mark.parametrize(("document", "template_file"), TEMPLATES)
def test_every_part_holds_the_xml_docxtpl_writes(document, template_file, full_record_data):
    """Stricter than the text: each part of the package, byte for byte, as docxtpl writes it."""
    pathway = next(p for p in Pathway if DOCUMENTS[document].template_for(p) == template_file)
    source, context = context_for(document, full_record_data, pathway)
    assert source.name == template_file
    ours = members(render_template(source, context))
    assert ours == members(bare_docxtpl(source.content, context))


def test_the_output_is_a_whole_docx_that_python_docx_opens(example_record_data):
    source, context = context_for("referral_letter", example_record_data, Pathway.SECTION_17)
    ours = render_template(source, context)
    assert set(members(ours)) == set(members(source.content))
    opened = docx.Document(io.BytesIO(ours))
    assert "Maya Okafor" in [
        cell.text for table in opened.tables for cell in table.columns[1].cells
    ]
    assert opened.core_properties.title == "Referral: Section 17 Child in Need"


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_markup_template_code_and_line_breaks_render_as_docxtpl_renders_them(
    document, full_record_data
):
    data = full_record_data
    data["child"]["last_name"] = LITERAL
    data["referral"]["facts"] = data["tac_plan"]["needs"] = data["cin_plan"]["plan"] = MULTI_LINE
    data["decision"]["reasons"] = MULTI_LINE
    data["referral"]["request"] = data["harm"]["nature"] = LITERAL
    data["household_members"][0]["name"] = LITERAL
    source, context = context_for(document, data, Pathway.SECTION_47)
    ours = render_template(source, context)
    assert text(ours) == text(bare_docxtpl(source.content, context))
    assert f"Leo {LITERAL}" in "\n".join(text(ours))
    assert "<w:br/>" in members(ours)["word/document.xml"].decode()
    assert "Leo 49" not in "\n".join(text(ours))


def test_a_second_render_holds_nothing_of_the_first(full_record_data, example_record_data):
    source, first = context_for("referral_letter", full_record_data, Pathway.SECTION_17)
    _, second = context_for("referral_letter", example_record_data, Pathway.SECTION_17)
    render_template(source, first)
    again = render_template(source, second)
    assert text(again) == text(bare_docxtpl(source.content, second))
    again = "\n".join(text(again))
    assert "Maya Okafor" in again
    assert "Brennan" not in again and "Tom Reed" not in again and "Chesham" not in again


def test_threads_rendering_one_template_each_get_their_own_letter(
    full_record_data, example_record_data
):
    source, first = context_for("referral_letter", full_record_data, Pathway.SECTION_17)
    _, second = context_for("referral_letter", example_record_data, Pathway.SECTION_17)
    template = compiled(source.content)
    expected = {id(first): template.render(first), id(second): template.render(second)}
    contexts = [first, second] * 20
    with ThreadPoolExecutor(max_workers=4) as pool:
        letters = list(pool.map(template.render, contexts))
    assert [expected[id(context)] for context in contexts] == letters


def test_a_new_template_version_is_compiled_afresh(example_record_data):
    source, context = context_for("referral_letter", example_record_data, Pathway.SECTION_17)
    changed = docx.Document(io.BytesIO(source.content))
    changed.add_paragraph("Second version for {{ child.first_name }}.")
    output = io.BytesIO()
    changed.save(output)
    second = TemplateSource.of(source.name, output.getvalue())
    assert second.version != source.version

    assert "Second version for Maya." in text(render_template(second, context))
    assert "Second version for Maya." not in text(render_template(source, context))


def test_the_cache_compiles_each_version_once_and_keeps_only_the_latest():
    compiles = []
    cache = TemplateCache(lambda content: compiles.append(content) or compiled(content), size=2)
    one, two, three = (template_bytes(lambda d, n=n: d.add_paragraph(f"{n}")) for n in "123")
    assert cache.get("one", one) is cache.get("one", one)
    cache.get("two", two)
    cache.get("three", three)  # "one" is the least recently used: dropped
    cache.get("one", one)
    assert compiles == [one, two, three, one]
    # the same version with other bytes (a hash collision, a mislabelled source) is not reused
    assert "2" in text(cache.get("one", two).render({}))


def test_headers_footers_and_core_properties_render_as_docxtpl_renders_them(
    example_record_data,
):
    def build(document):
        document.core_properties.title = "Letter about {{ child.first_name }} & family"
        document.core_properties.subject = "No tags here"
        section = document.sections[0]
        section.header.paragraphs[0].text = "About {{ child.first_name }} {{ child.last_name }}"
        section.footer.paragraphs[0].text = "Printed {{ letter_date }}; {{ referral.facts }}"
        document.add_paragraph("{{ child.first_name }}")
        second = document.add_section()
        second.header.is_linked_to_previous = False
        second.header.paragraphs[0].text = "A header without tags"

    content = template_bytes(build)
    example_record_data["referral"]["facts"] = f"{MULTI_LINE} {LITERAL}"
    context = document_context(load_record(example_record_data))
    ours = render_template(TemplateSource.of("letter.docx", content), context)
    assert text(ours) == text(bare_docxtpl(content, context))
    assert "About Maya Okafor" in text(ours)
    assert "Letter about Maya & family" in text(ours)


def test_footnotes_render_as_docxtpl_renders_them(example_record_data):
    content = with_footnote(
        template_bytes(lambda d: d.add_paragraph("{{ child.first_name }}")),
        "Footnote about {{ child.first_name }} {{ referral.facts }}",
    )
    example_record_data["referral"]["facts"] = LITERAL
    context = document_context(load_record(example_record_data))
    ours = members(render_template(TemplateSource.of("letter.docx", content), context))
    assert ours == members(bare_docxtpl(content, context))
    footnote = "".join(etree.fromstring(ours["word/footnotes.xml"]).itertext())
    assert footnote == f"Footnote about Maya {LITERAL}"


def with_footnote(content: bytes, footnote: str) -> bytes:
    """``content`` with a footnotes part holding one footnote (python-docx cannot add one)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    relationship = (
        '<Relationship Id="rIdFootnotes" Target="footnotes.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
    )
    override = (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/>'
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{w}">'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{footnote}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    source, output = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>", relationship.encode() + b"</Relationships>"
                )
            elif name == "[Content_Types].xml":
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            package.writestr(name, data)
        package.writestr("word/footnotes.xml", footnotes)
    return output.getvalue()


def test_the_sandbox_still_refuses_python_internals():
    content = template_bytes(lambda d: d.add_paragraph("{{ cycler.__init__.__globals__ }}"))
    with pytest.raises(SecurityError):
        render_template(TemplateSource.of("evil.docx", content), {})


def test_a_template_is_never_compiled_without_autoescaping():
    content = template_bytes(lambda d: d.add_paragraph("{{ name }}"))
    with pytest.raises(ValueError, match="autoescaping"):
        CompiledDocx(content, Environment(autoescape=False))  # noqa: S701 (what is refused)
