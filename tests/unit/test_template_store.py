"""Uploaded template versions: what the checks refuse (naming the tag and the problem, as an
admin reads it in Word), and keeping, choosing and rolling back versions."""

import io
import zipfile

import docx
import pytest
from sqlalchemy import select

from service.db.models import AuditEvent
from service.documents import versions as template_store
from service.documents.checks import used_variables
from service.documents.registry import DOCUMENTS
from service.documents.render import (
    TEMPLATES_DIR,
    DocumentError,
    render_docx,
    shipped_source,
    template_name,
)
from service.extensions import db
from tests.support.templates import INTERNALS, with_paragraph

SHIPPED = sorted({name for kind in DOCUMENTS.values() for name in kind.templates})


def problems_with(*runs: str) -> list[str]:
    return template_store.validate("tac_plan.docx", with_paragraph(*runs))


def events(action: str) -> list[tuple[str, int | None, str]]:
    found = db.session.scalars(select(AuditEvent).where(AuditEvent.action == action))
    return [(event.object_type, event.object_id, event.outcome) for event in found]


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_template_passes_the_checks(name):
    assert template_store.validate(name, (TEMPLATES_DIR / name).read_bytes()) == []


def test_the_known_templates_are_the_seven_the_documents_use():
    assert sorted(template_store.known_templates()) == SHIPPED and len(SHIPPED) == 7


def test_reaching_into_python_internals_is_refused_naming_the_tag_and_the_attribute():
    assert problems_with(INTERNALS) == [
        f"{INTERNALS} (paragraph 1): templates may not use '__init__' "
        "(reaching into Python internals is not allowed)"
    ]
    [problem] = problems_with("{{ child['__class__'] }}")
    assert "'__class__'" in problem and "Python internals" in problem


@pytest.mark.parametrize(
    ("tag", "named"),
    [
        ("{{ child|attr('__class__') }}", "'__class__'"),
        ("{{ household_members|map(attribute='name.__class__')|list }}", "'__class__'"),
        ("{{ '{0.__class__}'.format(child) }}", "'format'"),
        ("{{ child.__dict__ }}", "'__dict__'"),
    ],
)
def test_other_ways_into_python_internals_are_refused_too(tag, named):
    """Even where the trial records would never reach the tag."""
    [problem] = problems_with(f"{{% if child.first_name == 'Zed' %}}{tag}{{% endif %}}")
    assert problem.startswith(f"{tag} (paragraph 1): templates may not use {named}")


def test_jinja_helpers_are_not_available_to_templates():
    [problem] = problems_with("{% for i in range(3) %}x{% endfor %}")
    assert problem.startswith(
        "{% for i in range(3) %} (paragraph 1): templates may not use 'range'"
    )


@pytest.mark.parametrize(
    ("tag", "said"),
    [
        ("{{ 'x' * 999999999 }}", "numbers in templates must be 10,000 or less"),
        ("{{ child.first_name|center(99999999) }}", "numbers in templates must be 10,000 or less"),
        ("{{ 9 ** 9 ** 9 }}", "templates may not raise numbers to a power (**)"),
        ("{{ child.first_name * 1000 * 1000 }}", "templates may not multiply more than two things"),
    ],
)
def test_a_tag_that_would_make_a_document_too_big_to_produce_is_refused(tag, said):
    [problem] = problems_with(tag)
    assert problem.startswith(f"{tag} (paragraph 1): {said}")


def test_an_unknown_variable_is_refused_naming_it_and_what_there_is_instead():
    [problem] = problems_with("{{ child.shoe_size }}")
    assert problem.startswith(
        "{{ child.shoe_size }} (paragraph 1): unknown variable 'child.shoe_size'"
    )
    assert "first_name" in problem and "date_of_birth" in problem
    [problem] = problems_with("{{ shoe_size }}")
    assert problem.startswith("{{ shoe_size }} (paragraph 1): unknown variable 'shoe_size'")


def test_a_tag_split_over_runs_in_word_is_named_as_it_reads():
    [problem] = problems_with("Born {{ child.", "shoe_", "size }} here")
    assert problem.startswith(
        "{{ child.shoe_size }} (paragraph 1): unknown variable 'child.shoe_size'"
    )


def test_tags_in_headers_and_document_properties_are_checked_and_placed():
    document = docx.Document(str(TEMPLATES_DIR / "tac_plan.docx"))
    document.sections[0].header.paragraphs[0].text = "Ref {{ child.shoe_size }}"
    document.core_properties.title = "Plan for {{ child.__class__ }}"
    content = io.BytesIO()
    document.save(content)
    header, title = template_store.validate("tac_plan.docx", content.getvalue())
    assert header.startswith("{{ child.shoe_size }} (in the header, paragraph 1): unknown variable")
    assert title.startswith(
        "{{ child.__class__ }} (in the document properties: title): templates may not use"
    )


def test_loop_variables_are_checked_against_the_items_of_the_list():
    assert (
        problems_with(
            "{% for action in tac_plan.actions %}{{ action.who }} by {{ action.by_when|recorded }}",
            "{% endfor %}{% for member in household_members %}{{ loop.index }}. {{ member.name }}",
            "{% endfor %}",
        )
        == []
    )
    [problem] = problems_with(
        "{% for member in household_members %}{{ member.shoe_size }}{% endfor %}"
    )
    assert problem.startswith(
        "{{ member.shoe_size }} (paragraph 1): unknown variable 'member.shoe_size'"
    )
    assert "relationship" in problem
    [problem] = problems_with(
        "{% for member in household_members|sort(attribute='name') %}{{ member.age }}{% endfor %}",
        "{{ (household_members|first).name }}",
    )
    assert problem.startswith("{{ member.age }} (paragraph 1): unknown variable 'member.age'")


def test_a_tag_left_open_is_refused_saying_so():
    assert problems_with("Dear {{ child.first_name ") == [
        "{{ child.first_name (paragraph 1): this tag is not closed; end it with }}"
    ]


def test_a_block_never_closed_is_refused_saying_how_to_close_it():
    assert problems_with("{% for member in household_members %}{{ member.name }}") == [
        "{% for member in household_members %} (paragraph 1): this for is never closed; "
        "add {% endfor %} after it"
    ]
    assert problems_with("{% endif %}") == [
        "{% endif %} (paragraph 1): this {% endif %} has no {% if %} before it to close"
    ]


def test_an_unknown_filter_is_refused_naming_the_filters_there_are():
    [problem] = problems_with("{{ child.first_name|shout }}")
    assert problem.startswith(
        "{{ child.first_name|shout }} (paragraph 1): there is no filter called 'shout'"
    )
    assert "long_date" in problem
    assert problems_with("{{ child.first_name|upper }}") == []


def test_other_templates_cannot_be_pulled_in():
    [problem] = problems_with("{% include 'secrets.txt' %}")
    assert "may not extend, include or import" in problem


def test_a_template_that_fails_when_filled_in_is_refused_with_the_error():
    [problem] = problems_with("{{ child.first_name|long_date }}")
    assert problem.startswith("{{ child.first_name|long_date }} (paragraph 1): filling it in with")
    assert "Invalid isoformat string" in problem


def test_a_template_that_fails_for_a_record_missing_a_field_says_to_check_it_first():
    [problem] = problems_with("{% if threshold_level > 3 %}Level 4{% endif %}")
    assert problem.startswith(
        "{% if threshold_level > 3 %} (paragraph 1): filling it in with a record with nothing "
        "filled in failed"
    )
    assert "check it is there first" in problem
    assert problems_with("{% if threshold_level and threshold_level > 3 %}4{% endif %}") == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "The file is empty"),
        (b"Dear {{ child.first_name }}", "not a Word document"),
        (b"PK\x03\x04 broken zip", "not a Word document"),
    ],
)
def test_a_file_that_is_not_a_word_document_is_refused(content, expected):
    [problem] = template_store.validate("tac_plan.docx", content)
    assert expected in problem


def test_a_zip_that_is_not_a_word_document_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("letter.txt", "Dear {{ child.first_name }}")
    [problem] = template_store.validate("tac_plan.docx", archive.getvalue())
    assert "not a Word document" in problem


def test_only_the_known_templates_can_be_uploaded():
    content = (TEMPLATES_DIR / "tac_plan.docx").read_bytes()
    assert template_store.validate("../secrets.docx", content) == [
        "'../secrets.docx' is not one of Front Door's templates"
    ]


def test_the_variables_a_template_uses_name_list_items_by_their_list():
    used = used_variables((TEMPLATES_DIR / "tac_plan.docx").read_bytes())
    assert {"child.first_name", "household_members[].name", "tac_plan.actions[].who"} <= set(used)


# ---- keeping and choosing versions --------------------------------------------------------------


def test_a_refused_upload_is_kept_nowhere_but_in_the_audit_trail(app, admin_user):
    with pytest.raises(template_store.TemplateRefused) as refused:
        template_store.upload("tac_plan.docx", with_paragraph(INTERNALS), "try", admin_user)
    assert "'__init__'" in refused.value.problems[0]
    assert template_store.versions("tac_plan.docx") == []
    assert events("upload") == [("template:tac_plan.docx", None, "refused")]


def test_uploads_are_numbered_kept_unused_and_audited(app, admin_user):
    first = template_store.upload("tac_plan.docx", with_paragraph("One"), " first ", admin_user)
    second = template_store.upload("tac_plan.docx", with_paragraph("Two"), "", admin_user)
    other = template_store.upload(
        "cin_plan.docx", with_paragraph("One", name="cin_plan.docx"), None, admin_user
    )
    assert (first.number, second.number, other.number) == (1, 2, 1)
    assert first.note == "first" and second.note is None
    assert len(first.sha256) == 64 and first.sha256 != second.sha256
    assert not first.active and not second.active
    assert [v.number for v in template_store.versions("tac_plan.docx")] == [2, 1]
    assert template_store.active_source("tac_plan.docx") == shipped_source("tac_plan.docx")
    assert events("upload") == [
        ("template_version", first.id, "success"),
        ("template_version", second.id, "success"),
        ("template_version", other.id, "success"),
    ]


def test_activating_rolling_back_and_returning_to_the_shipped_template(app, admin_user):
    one = with_paragraph("Version one")
    two = with_paragraph("Version two")
    first = template_store.upload("tac_plan.docx", one, "first", admin_user)
    second = template_store.upload("tac_plan.docx", two, "second", admin_user)

    assert template_store.activate(first, admin_user) == "activate"
    assert template_store.activate(second, admin_user) == "activate"
    source = template_store.active_source("tac_plan.docx")
    assert (source.name, source.content, source.id) == ("tac_plan.docx", two, second.id)
    assert [v.number for v in template_store.versions("tac_plan.docx") if v.active] == [2]

    assert template_store.activate(first, admin_user) == "roll_back"
    source = template_store.active_source("tac_plan.docx")
    assert (source.content, source.id) == (one, first.id)
    assert [v.number for v in template_store.versions("tac_plan.docx") if v.active] == [1]
    assert template_store.active_source("cin_plan.docx").id is None, "other templates unchanged"

    template_store.use_shipped("tac_plan.docx", admin_user)
    assert template_store.active_source("tac_plan.docx") == shipped_source("tac_plan.docx")
    assert template_store.active_version("tac_plan.docx") is None
    assert events("activate") == [
        ("template_version", first.id, "success"),
        ("template_version", second.id, "success"),
    ]
    assert events("roll_back") == [("template_version", first.id, "success")]
    assert events("use_shipped") == [("template:tac_plan.docx", None, "success")]


def test_downloads_are_audited(app, admin_user):
    version = template_store.upload("tac_plan.docx", with_paragraph("Mine"), "mine", admin_user)
    assert template_store.download("tac_plan.docx", None, admin_user) == (
        "tac_plan-shipped.docx",
        (TEMPLATES_DIR / "tac_plan.docx").read_bytes(),
    )
    assert template_store.download("tac_plan.docx", version, admin_user) == (
        "tac_plan-version-1.docx",
        with_paragraph("Mine"),
    )
    assert events("download") == [
        ("template:tac_plan.docx", None, "success"),
        ("template_version", version.id, "success"),
    ]


def test_a_document_rendered_from_the_active_source_is_the_uploaded_version(
    app, admin_user, example_record
):
    version = template_store.upload(
        "referral_section_17.docx",
        with_paragraph("Council letterhead 2027", name="referral_section_17.docx"),
        "New letterhead",
        admin_user,
    )
    template_store.activate(version, admin_user)
    source = template_store.active_source(template_name("referral_letter", example_record))
    assert source.id == version.id
    letter = docx.Document(
        io.BytesIO(render_docx("referral_letter", example_record, source=source))
    )
    assert letter.paragraphs[0].text == "Council letterhead 2027"
    assert "Maya Okafor" in "\n".join(paragraph.text for paragraph in letter.paragraphs)


def test_an_unknown_template_has_no_source(app):
    with pytest.raises(DocumentError, match="not one of Front Door's templates"):
        template_store.active_source("../../etc/passwd")


def test_the_same_file_uploaded_again_is_refused_naming_the_version_it_repeats(admin_user):
    content = with_paragraph("{{ child.first_name }}")
    template_store.upload("tac_plan.docx", content, "first", admin_user)
    with pytest.raises(template_store.TemplateRefused) as refused:
        template_store.upload("tac_plan.docx", content, "again", admin_user)
    [problem] = refused.value.problems
    assert problem == "This file is the same as version 1: use that version instead"
    assert len(template_store.versions("tac_plan.docx")) == 1


def test_each_problem_says_which_paragraph_or_table_cell_it_is_in():
    document = docx.Document(str(TEMPLATES_DIR / "tac_plan.docx"))
    document.paragraphs[2].text = "Dear {{ child.shoe_size }}"
    paragraph_number = 3  # as Word counts the body's paragraphs, tables aside
    tables_before = sum(
        1 for block in document.element.body if block.tag.endswith("}tbl")
    )  # the tables above the one added at the end
    table = document.add_table(rows=3, cols=2)
    table.cell(2, 0).text = "{{ child.eye_colour }}"
    content = io.BytesIO()
    document.save(content)
    problems = template_store.validate("tac_plan.docx", content.getvalue())
    assert any(
        p.startswith(f"{{{{ child.shoe_size }}}} (paragraph {paragraph_number}): unknown")
        for p in problems
    ), problems
    cell = f"table {tables_before + 1}, row 3, cell 1"
    assert any(p.startswith(f"{{{{ child.eye_colour }}}} ({cell}): unknown") for p in problems)


def test_every_problem_is_listed_at_once_not_only_the_first():
    problems = problems_with(
        "{{ child.first_name | }} and {{ child. }} then {{ child.shoe_size }} and {{ 9 ** 9 }}"
    )
    assert [problem.split(": ", 1)[0] for problem in problems] == [
        "{{ child.first_name | }} (paragraph 1)",
        "{{ child. }} (paragraph 1)",
        "{{ child.shoe_size }} (paragraph 1)",
        "{{ 9 ** 9 }} (paragraph 1)",
    ]
