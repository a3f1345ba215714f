"""Template management as an admin sees it: upload a version (refused ones list every problem),
put it in use, roll back, return to the shipped template; downloads audited; admins only."""

import io

import pytest
from sqlalchemy import select

from service.db.models import AuditEvent
from service.documents.render import TEMPLATES_DIR
from service.extensions import db
from tests.support.app import PASSWORD
from tests.support.browser import Browser
from tests.support.templates import INTERNALS, with_paragraph

PAGE = "/templates/tac_plan.docx"


@pytest.fixture
def admin(browser, admin_user):
    assert browser.sign_in(admin_user.email).status_code == 302
    return browser


def upload(browser: Browser, content: bytes, note: str = "New duty team address"):
    return browser.submit(
        PAGE,
        {"file": [(io.BytesIO(content), "TAC plan.docx")], "note": note},
        content_type="multipart/form-data",
    )


def versions(page) -> dict[str, str]:
    """The versions table: version -> its row's text (status, note, actions)."""
    return {
        row["data-version"]: " ".join(row.get_text(" ").split())
        for row in page.select("#versions tbody tr")
    }


def press(browser: Browser, page, label: str):
    """Press the button labelled ``label`` on ``page`` (a form of its own, with its CSRF token)."""
    button = next(b for b in page.select("main form button") if b.get_text(strip=True) == label)
    form = button.find_parent("form")
    token = form.select_one("input[name=csrf_token]")["value"]
    return browser.client.post(form["action"], data={"csrf_token": token})


def audited(action: str) -> list[tuple[str, int | None, str]]:
    found = db.session.scalars(select(AuditEvent).where(AuditEvent.action == action))
    return [(event.object_type, event.object_id, event.outcome) for event in found]


def test_the_list_shows_every_template_and_which_version_is_in_use(admin):
    page = admin.get("/")
    assert page.select_one("a.govuk-service-navigation__link[href='/templates']")
    page = admin.get("/templates")
    assert page.select_one("h1").text == "Document templates"
    rows = {row["data-template"]: row for row in page.select("#templates tbody tr")}
    assert len(rows) == 7
    assert rows["tac_plan.docx"].select_one("a").text == "Team Around the Child plan"
    assert rows["tac_plan.docx"].select_one("a")["href"] == PAGE
    assert rows["tac_plan.docx"].select_one("[data-in-use]").text == "Shipped with Front Door"


def test_an_admin_uploads_a_version_puts_it_in_use_and_rolls_back(admin):
    response = upload(admin, with_paragraph("Version one"), "First change")
    assert response.status_code == 302
    page = admin.get(response.headers["Location"])
    assert "Version 1 passed the checks" in page.select_one(".govuk-notification-banner").text
    rows = versions(page)
    assert "First change" in rows["1"] and "In use" not in rows["1"]
    assert "In use" in rows["shipped"]
    assert "Alex Morgan" in rows["1"]
    first = audited("upload")[0][1]

    page = admin.get(press(admin, page, "Use version 1").headers["Location"])
    assert "In use" in versions(page)["1"]
    assert "version 1" in page.select_one("#in-use").text
    listing = admin.get("/templates").select_one("[data-template='tac_plan.docx'] [data-in-use]")
    assert listing.text == "Version 1"

    upload(admin, with_paragraph("Version two"), "Second change")
    second = audited("upload")[1][1]
    page = admin.get(press(admin, admin.get(PAGE), "Use version 2").headers["Location"])
    assert "In use" in versions(page)["2"] and "In use" not in versions(page)["1"]

    page = admin.get(press(admin, page, "Roll back to version 1").headers["Location"])
    assert "Rolled back to version 1" in page.select_one(".govuk-notification-banner").text
    assert "In use" in versions(page)["1"]

    page = admin.get(press(admin, page, "Use the shipped version").headers["Location"])
    assert "In use" in versions(page)["shipped"]
    assert "the template shipped with Front Door" in page.select_one("#in-use").text
    assert [event[1] for event in audited("activate")] == [first, second]
    assert [event[1] for event in audited("roll_back")] == [first]
    assert audited("use_shipped") == [("template:tac_plan.docx", None, "success")]


def test_a_malicious_upload_is_refused_naming_the_tag_and_the_note_is_kept(admin, robustness):
    content = with_paragraph(INTERNALS, "{{ child.shoe_size }}")
    response = upload(admin, content, "Sneaky")
    robustness.bad_input(
        "template with {{ cycler.__init__.__globals__ }}",
        rejected=b"__init__" in response.data and response.status_code == 400,
    )
    assert response.status_code == 400
    page = admin.read(response)
    assert page.select_one("title").text.startswith("Error:")
    summary = [" ".join(a.text.split()) for a in page.select(".govuk-error-summary a")]
    assert summary[0] == (
        f"{INTERNALS} (paragraph 1): templates may not use '__init__' "
        "(reaching into Python internals is not allowed)"
    )
    assert summary[1].startswith(
        "{{ child.shoe_size }} (paragraph 1): unknown variable 'child.shoe_size'"
    )
    assert {a["href"] for a in page.select(".govuk-error-summary a")} == {"#file"}
    assert "fix the 2 problems" in page.select_one("#file-error").text
    assert page.select_one("textarea[name=note]").text == "Sneaky"
    assert versions(page).keys() == {"shipped"}
    assert audited("upload") == [("template:tac_plan.docx", None, "refused")]


def test_a_broken_tag_is_refused_saying_what_is_wrong(admin):
    response = upload(admin, with_paragraph("Dear {{ child.first_name "))
    assert response.status_code == 400
    [error] = admin.read(response).select(".govuk-error-summary a")
    assert (
        error.text.strip()
        == "{{ child.first_name (paragraph 1): this tag is not closed; end it with }}"
    )


def test_a_file_and_a_note_are_asked_for(admin):
    response = admin.submit(PAGE, {}, content_type="multipart/form-data")
    assert response.status_code == 400
    summary = [a.text.strip() for a in admin.read(response).select(".govuk-error-summary a")]
    assert "Select the Word file of the new version" in summary
    assert "Enter a short note saying what changed in this version" in summary


def test_the_page_names_the_variables_the_template_uses(admin):
    page = admin.get(PAGE)
    used = [item.text for item in page.select("#variables-used li")]
    assert "child.first_name" in used and "tac_plan.actions[].who" in used
    available = [item.text for item in page.select("#variables-available li")]
    assert "harm.nature" in available and "letter_date" in available


def test_downloads_give_the_word_file_and_are_audited(admin):
    response = admin.client.get(f"{PAGE}/shipped.docx")
    assert response.status_code == 200
    assert response.data == (TEMPLATES_DIR / "tac_plan.docx").read_bytes()
    assert "tac_plan-shipped.docx" in response.headers["Content-Disposition"]
    content = with_paragraph("Mine")
    upload(admin, content)
    link = admin.get(PAGE).select_one("[data-version='1'] a")["href"]
    response = admin.client.get(link)
    assert response.data == content
    assert "tac_plan-version-1.docx" in response.headers["Content-Disposition"]
    assert [event[0] for event in audited("download")] == [
        "template:tac_plan.docx",
        "template_version",
    ]
    assert admin.client.get(f"{PAGE}/versions/9.docx").status_code == 404
    assert admin.client.get("/templates/secrets.docx").status_code == 404


@pytest.mark.parametrize("who", ["practitioner", "manager"])
def test_only_admins_may_manage_templates(app, who, request):
    user = request.getfixturevalue(who)
    browser = Browser(app.test_client())
    assert browser.sign_in(user.email, PASSWORD).status_code == 302
    token = browser.get("/").select_one("input[name=csrf_token]")["value"]
    assert browser.client.get("/templates").status_code == 403
    assert browser.client.get(PAGE).status_code == 403
    assert browser.client.get(f"{PAGE}/shipped.docx").status_code == 403
    post = {"csrf_token": token}
    assert browser.client.post(f"{PAGE}/use-shipped", data=post).status_code == 403
    assert browser.client.post(f"{PAGE}/versions/1/use", data=post).status_code == 403
    assert audited("download") == []


def test_a_post_without_its_csrf_token_is_refused(admin):
    upload(admin, with_paragraph("Mine"))
    assert admin.client.post(f"{PAGE}/versions/1/use").status_code == 400
    assert admin.client.post(f"{PAGE}/use-shipped").status_code == 400
    assert audited("activate") == []
