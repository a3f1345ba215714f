"""Journeys in a real browser: Debian's Chromium driven by Playwright, against the app served on
a local port, with axe-core run on every page visited (no serious or critical violations, and no
content outside a landmark: axe's `region`). One journey per role, and the decision page's
conditional reveal, which only a browser runs."""

from __future__ import annotations

import threading
from pathlib import Path

import pdfplumber
import pytest
from playwright.sync_api import sync_playwright
from sqlalchemy import select
from werkzeug.serving import make_server

from forms.record_fields import RECORDED_LATER
from service.actions import deciding
from service.db.models import Referral
from service.delivery import links
from service.extensions import db
from tests.support import records
from tests.support.app import PASSWORD
from tests.support.libreoffice import libreoffice_or_skip
from tests.support.referrers import REFERRER, offer, queue_letter
from tests.support.services import unavailable

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def _missing(what: str) -> None:
    unavailable(f"{what} is missing: `make test` installs it")


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        _missing("Debian's chromium")
    if not AXE.exists():
        _missing("axe-core (npm)")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def served(app):
    """The app on a free local port, in a thread, for as long as the test runs."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def _govuk_known_issue(rule: str, node: dict) -> bool:
    """govuk-frontend's script puts ``aria-expanded`` on a radio that reveals questions: invalid
    for a radio in ARIA 1.2, kept on purpose because screen readers announce it, and listed by
    the GOV.UK Design System as a known axe finding (alphagov/govuk-frontend#979, #1280). Only
    that finding is let through; any other attribute on any other element still fails."""
    return (
        rule == "aria-allowed-attr"
        and 'class="govuk-radios__input"' in node["html"]
        and "aria-controls=" in node["html"]
        and node["failureSummary"].count("ARIA attribute is not allowed") == 1
        and "aria-expanded=" in node["failureSummary"]
    )


class Visit:
    """A signed-in person's tab: every page it opens is checked with axe-core."""

    def __init__(self, browser, base: str):
        self.page = browser.new_page(bypass_csp=True)  # for axe-core, injected
        self.base = base
        self.checked: list[str] = []

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.check()

    def check(self) -> None:
        self.page.add_script_tag(path=str(AXE))
        violations = self.page.evaluate("async () => (await axe.run()).violations")
        serious = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in nodes][:3]}"
            for v in violations
            if (v["impact"] in SERIOUS or v["id"] == "region")  # content outside a landmark
            and (nodes := [n for n in v["nodes"] if not _govuk_known_issue(v["id"], n)])
        ]
        assert serious == [], f"{self.page.url}: {serious}"
        self.checked.append(self.page.url.removeprefix(self.base))

    def submit(self) -> None:
        """Press the page's first submit button (not a "Show" beside a password) and check the
        page it leads to."""
        with self.page.expect_navigation():
            self.page.locator("main button[type=submit]").first.click()
        self.check()

    def press(self, button: str) -> None:
        """Press the button a person sees by that name (a question page also has a hidden one
        first, for the Enter key) and check the page it leads to."""
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=button).click()
        self.check()

    def sign_in(self, email: str) -> None:
        self.open("/sign-in")
        self.page.fill("#email", email)
        self.page.fill("#password", PASSWORD)
        self.submit()


@pytest.fixture
def submitted(app, practitioner, full_record_data):
    """A submitted Section 17 referral, waiting for the front door's decision."""
    return records.submitted(full_record_data, practitioner, without=RECORDED_LATER)


def test_a_practitioner_signs_in_and_starts_a_referral(chromium, served, practitioner):
    tab = Visit(chromium, served)
    tab.sign_in(practitioner.email)
    tab.open("/?name=Maya+Okafor&born=9&born=3&born=2014")  # the search, open
    assert tab.page.locator("#name").is_visible()
    tab.open("/referrals/new")
    tab.page.check("input[name=pathway][value=section_17]")
    tab.submit()
    assert "/edit/" in tab.page.url
    assert tab.page.locator("h1").first.is_visible()


def test_deleting_a_draft_asks_first(chromium, served, practitioner):
    tab = Visit(chromium, served)
    tab.sign_in(practitioner.email)
    tab.open("/referrals/new")
    tab.page.check("input[name=pathway][value=early_help]")
    tab.submit()
    draft_id = int(tab.page.url.split("/")[4])
    tab.open(f"/referrals/{draft_id}/check")
    with tab.page.expect_navigation():
        tab.page.click("text=Delete this draft")
    tab.check()
    assert tab.page.locator("h1").inner_text() == "Are you sure you want to delete this draft?"
    assert _kept(draft_id)  # asking deletes nothing
    with tab.page.expect_navigation():
        tab.page.click("text=Yes, delete this draft")
    tab.check()
    assert "The draft has been deleted" in tab.page.locator("main").inner_text()
    assert not _kept(draft_id)


def test_change_from_check_your_answers_returns_there(chromium, served, practitioner):
    tab = Visit(chromium, served)
    tab.sign_in(practitioner.email)
    tab.open("/referrals/new")
    tab.page.check("input[name=pathway][value=section_17]")
    tab.submit()
    tab.page.fill("#first_name", "Maya")
    tab.press("Save and continue")  # on to the next page
    draft_id = int(tab.page.url.split("/")[4])
    tab.open(f"/referrals/{draft_id}/check")
    with tab.page.expect_navigation():
        tab.page.click("a:has-text('Change'):has(span:text-is('first name'))")
    tab.check()
    tab.page.fill("#first_name", "Maia")
    tab.press("Save and continue")
    assert tab.page.url == f"{served}/referrals/{draft_id}/check#main-content"
    assert "Maia" in tab.page.locator("main").inner_text()


def _kept(referral_id: int) -> bool:
    """Whether the referral is in the database now (the server deletes in its own session)."""
    return db.session.scalar(select(Referral.id).where(Referral.id == referral_id)) is not None


def test_a_manager_s_below_threshold_questions_open_for_every_such_outcome(
    chromium, served, manager, submitted
):
    tab = Visit(chromium, served)
    tab.sign_in(manager.email)
    tab.open(f"/referrals/{submitted.id}")
    tab.open(f"/referrals/{submitted.id}/decision")
    reason = tab.page.locator("#threshold_not_met_reason")
    assert not reason.is_visible()  # no outcome chosen: the questions wait
    tab.page.check("input[name=outcome][value=signposted]")
    assert reason.is_visible()
    tab.page.check("input[name=outcome][value=child_protection]")
    assert not reason.is_visible()
    tab.page.check("input[name=outcome][value=passed_to_early_help]")
    assert reason.is_visible()
    tab.check()  # with the questions open


def test_a_manager_records_an_assessment_whose_questions_follow_the_outcome(
    chromium, served, manager, submitted
):
    decision = {**records.DECISION, "outcome": "ia_further_assessment", "referrer_email": None}
    deciding.record(submitted, decision, manager, None, False)
    tab = Visit(chromium, served)
    tab.sign_in(manager.email)
    tab.open(f"/referrals/{submitted.id}/assessment")
    criteria = tab.page.locator("input[name=complex_needs]").first
    consent = tab.page.locator("input[name=family_consents_to_caf]").first
    assert not criteria.is_visible() and not consent.is_visible()
    tab.page.check("input[name=outcome][value=not_in_need]")
    assert consent.is_visible() and not criteria.is_visible()
    tab.page.check("input[name=outcome][value=in_need_complex]")
    assert criteria.is_visible() and not consent.is_visible()
    tab.check()  # with the criteria open
    tab.page.check("input[name=complex_needs][value=sustained_support]")
    tab.page.fill("#completed_on-day", "1")
    tab.page.fill("#completed_on-month", "12")
    tab.page.fill("#completed_on-year", "2026")
    tab.submit()
    assert tab.page.url.endswith(f"/referrals/{submitted.id}")
    assert "A child in need, whose needs are complex" in tab.page.locator("main").inner_text()


def test_an_admin_signs_in_and_reaches_the_imports(chromium, served, admin_user):
    tab = Visit(chromium, served)
    tab.sign_in(admin_user.email)
    tab.open("/imports")
    assert tab.page.locator("input[type=file]").count() >= 1


def test_a_manager_reads_the_dashboard_charts_and_their_figures(
    chromium, served, manager, submitted
):
    tab = Visit(chromium, served)
    tab.sign_in(manager.email)
    tab.open("/dashboard")
    for key in ("by-month", "by-pathway", "by-source", "by-outcome"):
        assert tab.page.locator(f"#chart-{key} svg").is_visible()
        assert tab.page.locator(f"#chart-{key}-figures").is_visible()
    tab.open("/?timescales=overdue")  # the list the dashboard links to
    assert tab.page.locator("#timescales").is_visible()


def test_a_practitioner_makes_an_api_token_that_works_once_shown_and_revokes_it(
    chromium, served, practitioner
):
    tab = Visit(chromium, served)
    tab.sign_in(practitioner.email)
    with tab.page.expect_navigation():
        tab.page.get_by_role("link", name="API tokens").click()
    tab.check()
    tab.page.fill("#name", "Police case system")
    tab.press("Make a token")
    secret = tab.page.locator("#new-token code").inner_text().strip()
    call = tab.page.request.get(
        served + "/api/v1/referrals", headers={"Authorization": f"Bearer {secret}"}
    )
    assert call.status == 200 and call.json()["total"] == 0
    tab.open("/account/api-tokens")  # shown once: not on the page again
    assert secret not in tab.page.content() and secret[:10] in tab.page.content()
    with tab.page.expect_navigation():
        tab.page.get_by_role("link", name="Revoke the token for Police case system").click()
    tab.check()
    tab.press("Yes, revoke it")
    assert "Revoked" in tab.page.locator("main table").inner_text()
    refused = tab.page.request.get(
        served + "/api/v1/referrals", headers={"Authorization": f"Bearer {secret}"}
    )
    assert refused.status == 401


def test_a_letter_is_read_on_a_page_by_staff_and_by_the_referrer(
    chromium, served, practitioner, manager, full_record_data
):
    referral = records.submitted(full_record_data, practitioner)  # its record holds a decision
    letter = queue_letter(referral, manager)
    token = links.token_for(offer(referral, letter, manager))
    referral_letter = queue_letter(referral, practitioner, kind="referral_letter")
    staff = Visit(chromium, served)
    staff.sign_in(practitioner.email)
    staff.open(f"/documents/{referral_letter.id}")  # tables: the child, the household …
    assert staff.page.locator("#document-content table th[scope=row]").first.is_visible()
    assert staff.page.locator("#document-content table th[scope=col]").first.is_visible()
    staff.open(f"/documents/{letter.id}")

    referrer = Visit(chromium, served)  # never signed in: the e-mailed link and the address
    referrer.open(f"/feedback/{token}/letter")
    referrer.page.fill("#email", REFERRER)
    referrer.submit()
    reasons = full_record_data["decision"]["reasons"]
    assert reasons in referrer.page.locator("#document-content").inner_text()


def test_a_locked_link_sent_again_opens_and_the_locked_one_does_not(
    chromium, served, practitioner, manager, full_record_data
):
    referral = records.submitted(full_record_data, practitioner)
    old = offer(referral, queue_letter(referral, manager), manager)
    referrer = Visit(chromium, served)
    referrer.open(f"/feedback/{links.token_for(old)}/letter")
    for _ in range(5):  # wrong addresses lock it
        referrer.page.fill("#email", "guess@example.com")
        referrer.submit()
    assert referrer.page.locator("h1").inner_text() == "This link has been locked"

    staff = Visit(chromium, served)
    staff.sign_in(manager.email)
    staff.open(f"/referrals/{referral.id}")
    staff.press(f"Send a new link to {REFERRER}")
    assert "A new link is on its way" in staff.page.locator("main").inner_text()

    [new] = [link for link in links.links_for(referral) if link.id != old.id]
    referrer.open(f"/feedback/{links.token_for(new)}/letter")
    referrer.page.fill("#email", REFERRER)
    referrer.submit()
    assert referrer.page.locator("h1").inner_text() == "The outcome of your referral"
    referrer.open(f"/feedback/{links.token_for(old)}/letter")
    assert referrer.page.locator("h1").inner_text() == "This link has been locked"


def test_the_letter_downloaded_as_pdf_is_a4_with_the_reference_and_the_councils_contacts(
    app, chromium, served, practitioner, manager, full_record_data
):
    libreoffice_or_skip()
    app.config.update(COUNCIL_NAME="Borsetshire County Council", COUNCIL_PHONE="01632 960 000")
    referral = records.submitted(full_record_data, practitioner)
    letter = queue_letter(referral, manager, pdf=True)
    staff = Visit(chromium, served)
    staff.sign_in(practitioner.email)
    staff.open(f"/documents/{letter.id}")
    with staff.page.expect_download() as download:
        staff.page.get_by_role("link", name="Download it (PDF)").click()
    with pdfplumber.open(download.value.path()) as pdf:
        assert {(round(page.width), round(page.height)) for page in pdf.pages} == {(595, 842)}
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
    for shown in ("Borsetshire County Council", "01632 960 000", referral.reference):
        assert shown in text, shown


@pytest.mark.parametrize("role", ["practitioner", "manager"])
def test_no_page_is_wider_than_a_375_pixel_screen(chromium, served, submitted, request, role):
    """The wide tables (the referrals list, the audit trail) scroll within their own box."""
    user = request.getfixturevalue(role)
    tab = Visit(chromium, served)
    tab.page.set_viewport_size({"width": 375, "height": 800})
    tab.sign_in(user.email)
    pages = ["/", f"/referrals/{submitted.id}"]
    if role == "manager":
        pages += [f"/referrals/{submitted.id}/audit", "/dashboard"]
    for path in pages:
        tab.open(path)
        width = tab.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width} px wide"
