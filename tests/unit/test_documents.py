import io

import docx
import pytest
from docxtpl import DocxTemplate

from service.documents import (
    DOCUMENTS,
    DocumentError,
    _environment,
    document_context,
    render_docx,
    template_path,
    write_atomically,
)
from service.records import Record, load_record


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


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_templates_use_only_record_fields_and_ready_made_phrases(document, example_record):
    template = DocxTemplate(template_path(document))
    used = template.get_undeclared_template_variables(jinja_env=_environment())
    assert used <= set(Record.model_fields) | set(document_context(example_record))


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
