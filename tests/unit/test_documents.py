import io

import docx
import pytest
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined

from record import Pathway, Record, load_record
from service.documents.render import (
    DOCUMENTS,
    TEMPLATES_DIR,
    DocumentError,
    _environment,
    document_context,
    missing_data,
    render_docx,
    shipped_source,
    template_name,
    template_path,
)
from service.storage import write_atomically
from tests.support.templates import TEMPLATES

LITERAL = "Tom & Jerry <b>bold</b> {{7*7}} {% if x %}"


def letter_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def test_referral_letter_carries_child_referrer_and_each_household_member(example_record):
    text = letter_text(render_docx("referral_letter", example_record))
    assert "Maya Okafor" in text
    assert "9 March 2014" in text
    assert "Priya Shah" in text and "Chiltern Community Health" in text
    assert "Grace Okafor" in text and "mother" in text
    assert "Daniel Okafor" in text and "21 June 2018" in text
    assert "Section 17 Child in Need" in text
    assert "EHA-Okafor-2026-09-01.pdf" in text


def test_text_that_looks_like_markup_or_template_code_renders_literally(example_record_data):
    example_record_data["referral"]["facts"] = "Tom & Jerry <b>bold</b> {{7*7}} {% if x %}"
    example_record_data["child"]["first_name"] = "<w:t>Maya</w:t>"
    text = letter_text(render_docx("referral_letter", load_record(example_record_data)))
    assert "Tom & Jerry <b>bold</b> {{7*7}} {% if x %}" in text
    assert "<w:t>Maya</w:t> Okafor" in text


def test_paragraph_breaks_in_free_text_survive(example_record_data):
    example_record_data["referral"]["facts"] = "First fact.\nSecond fact."
    document = docx.Document(
        io.BytesIO(render_docx("referral_letter", load_record(example_record_data)))
    )
    xml = document.element.xml
    assert "First fact." in xml and "<w:br/>" in xml


def test_a_sparse_record_renders_with_not_given_rather_than_failing():
    text = letter_text(render_docx("referral_letter", Record(pathway="section_17")))
    assert "Not given" in text
    assert "No household members were listed." in text


@pytest.mark.parametrize(("document", "template_file"), TEMPLATES)
def test_templates_use_only_record_fields_and_ready_made_phrases(
    document, template_file, full_record_data
):
    template = DocxTemplate(TEMPLATES_DIR / template_file)
    used = template.get_undeclared_template_variables(jinja_env=_environment())
    assert used, f"{template_file} uses no variables at all"
    assert used <= set(Record.model_fields) | set(document_context(load_record(full_record_data)))


def test_the_referral_letter_template_follows_the_pathway():
    chosen = {
        pathway: template_path("referral_letter", Record(pathway=pathway)).name
        for pathway in Pathway
    }
    assert chosen[Pathway.EARLY_HELP] == "referral_early_help.docx"
    assert chosen[Pathway.SECTION_17] == "referral_section_17.docx"
    assert chosen[Pathway.SECTION_47] == "referral_section_47.docx"
    specialist = set(Pathway) - {Pathway.EARLY_HELP, Pathway.SECTION_17, Pathway.SECTION_47}
    assert {chosen[pathway] for pathway in specialist} == {"referral_specialist.docx"}


def version_for(document: str, pathway: str) -> str:
    return shipped_source(template_name(document, Record(pathway=pathway))).version


def test_template_version_names_the_template_the_record_used():
    early_help = version_for("referral_letter", "early_help")
    section_47 = version_for("referral_letter", "section_47")
    assert early_help != section_47 and len(early_help) == 16
    assert version_for("tac_plan", "early_help") == version_for("tac_plan", "camhs")


@pytest.mark.parametrize("pathway", list(Pathway))
@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_every_document_renders_for_every_pathway_with_the_child_and_household(
    document, pathway, full_record_data
):
    full_record_data["pathway"] = pathway
    text = letter_text(render_docx(document, load_record(full_record_data)))
    assert "Leo Brennan" in text and "14 May 2017" in text
    if document in ("referral_letter", "outcome_feedback"):
        assert "Tom Reed" in text
    if document != "outcome_feedback":
        for member in ("Kerry Brennan", "Wayne Dell", "Ava Brennan"):
            assert member in text
    assert "Not given" not in text and "Not recorded yet" not in text


@pytest.mark.parametrize(("document", "template_file"), TEMPLATES)
def test_special_characters_render_literally_in_every_template(
    document, template_file, full_record_data
):
    pathway = next(p for p in Pathway if DOCUMENTS[document].template_for(p) == template_file)
    full_record_data["pathway"] = pathway
    data = full_record_data
    data["child"]["last_name"] = LITERAL
    data["referral"]["request"] = data["harm"]["nature"] = LITERAL
    data["tac_plan"]["needs"] = data["cin_plan"]["plan"] = data["decision"]["reasons"] = LITERAL
    data["tac_plan"]["actions"][0]["what"] = data["cin_plan"]["actions"][0]["what"] = LITERAL
    text = letter_text(render_docx(document, load_record(data)))
    assert f"Leo {LITERAL}" in text
    assert text.count(LITERAL) >= 2
    assert "Leo 49" not in text


@pytest.mark.parametrize("document", ["tac_plan", "cin_plan", "outcome_feedback"])
def test_a_plan_or_decision_not_yet_recorded_renders_readably(document):
    record = Record(pathway="section_17")
    assert DOCUMENTS[document].needs in missing_data(document, record)
    text = letter_text(render_docx(document, record))
    assert "Not recorded yet" in text


def test_the_referral_letter_needs_nothing_beyond_the_record():
    assert missing_data("referral_letter", Record(pathway="camhs")) is None


def test_unknown_document_is_refused_with_the_known_names(example_record):
    with pytest.raises(DocumentError, match="referral_letter"):
        render_docx("birthday_card", example_record)


def test_sandbox_refuses_reaching_into_python_internals():
    from jinja2.exceptions import SecurityError

    with pytest.raises(SecurityError):
        _environment().from_string("{{ cycler.__init__.__globals__ }}").render()


def test_failed_write_leaves_the_earlier_file_whole(tmp_path):
    target = tmp_path / "letter.docx"
    target.write_bytes(b"good letter")

    with pytest.raises(TypeError):
        write_atomically(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"good letter"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize(("document", "template_file"), TEMPLATES)
def test_every_tag_names_a_field_that_exists(document, template_file, full_record_data):
    """With every field of the record filled, a misspelt ``{{ harm.natur }}`` fails loudly."""
    environment = _environment()
    environment.undefined = StrictUndefined
    pathway = next(p for p in Pathway if DOCUMENTS[document].template_for(p) == template_file)
    context = document_context(load_record({**full_record_data, "pathway": pathway}))
    DocxTemplate(TEMPLATES_DIR / template_file).render(
        context, jinja_env=environment, autoescape=True
    )
