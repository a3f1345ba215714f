import pytest
from sqlalchemy import select

from service.db.models import AuditEvent
from service.extensions import db
from tests.support.app import make_app
from tests.support.browser import Browser


@pytest.mark.parametrize("url", ["/", "/referrals/new", "/referrals/1", "/documents/1/download"])
def test_every_page_but_sign_in_sends_a_stranger_to_sign_in(browser, url):
    response = browser.client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


def test_sign_in_page_is_a_gov_uk_page_with_its_assets_served_locally(browser):
    page = browser.get("/sign-in")
    assert page.h1.text.strip() == "Sign in to Front Door"
    stylesheet = page.select_one("link[rel=stylesheet]")["href"]
    assert stylesheet == "/static/govuk/govuk-frontend.min.css"
    scripts = ("/static/govuk/govuk-frontend.min.js", "/static/init.js", "/static/shared_reveal.js")
    for asset in (stylesheet, "/assets/images/favicon.ico", *scripts):
        with browser.client.get(asset) as response:
            assert response.status_code == 200, asset


def test_sign_in_takes_the_practitioner_to_the_referrals_list(browser, practitioner):
    response = browser.sign_in(practitioner.email)
    assert response.headers["Location"] == "/"
    page = browser.get("/")
    assert page.h1.text.strip() == "Referrals"
    assert "Signed in as Priya Shah" in page.text


def test_sign_in_returns_to_the_page_asked_for_but_never_off_site(browser, practitioner):
    page = browser.submit(
        "/sign-in?next=/referrals/new",
        {"email": practitioner.email, "password": "correct horse battery staple"},
    )
    # submit() posts to the URL it opened, so the next= survives
    assert page.headers["Location"] == "/referrals/new"
    browser.client.post("/sign-out", data={})  # refused without a token, stays signed in
    response = browser.client.get("/sign-in?next=//evil.example/")
    form_post = browser.submit(
        "/sign-in?next=//evil.example/",
        {"email": practitioner.email, "password": "correct horse battery staple"},
    )
    assert response.status_code == 200
    assert form_post.headers["Location"] == "/"


def test_a_sign_in_link_with_a_line_break_in_it_leads_to_the_referrals_list(browser, practitioner):
    url = "/sign-in?next=/referrals/new%0D%0ASet-Cookie:%20x=1"
    answers = {"email": practitioner.email, "password": "correct horse battery staple"}
    response = browser.submit(url, answers)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert browser.get("/").h1.text.strip() == "Referrals"


def test_wrong_password_is_refused_with_an_error_summary_and_audited(browser, practitioner):
    response = browser.sign_in(practitioner.email, "wrong password")
    page = browser.read(response)
    assert page.title.text.startswith("Error:")
    summary = page.select_one(".govuk-error-summary")
    assert "Enter a correct email address and password" in summary.text
    assert page.select_one("#email")["value"] == practitioner.email
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "sign_in")).all()
    assert [(e.object_id, e.outcome) for e in events] == [(practitioner.id, "refused")]


def test_empty_sign_in_names_both_missing_answers(browser):
    page = browser.read(browser.submit("/sign-in", {"email": "", "password": ""}))
    links = [(a["href"], a.text.strip()) for a in page.select(".govuk-error-summary a")]
    assert links == [("#email", "Enter your email address"), ("#password", "Enter your password")]


def test_a_post_without_its_csrf_token_is_refused(browser, practitioner):
    response = browser.client.post(
        "/sign-in", data={"email": practitioner.email, "password": "correct horse battery staple"}
    )
    assert response.status_code == 400
    assert browser.client.get("/").status_code == 302  # still not signed in


def test_sign_out_needs_the_token_and_then_ends_the_session(signed_in):
    assert signed_in.client.post("/sign-out").status_code == 400
    assert signed_in.client.get("/").status_code == 200
    token = signed_in.get("/").select_one("input[name=csrf_token]")["value"]
    assert signed_in.client.post("/sign-out", data={"csrf_token": token}).status_code == 302
    assert signed_in.client.get("/").status_code == 302


def test_an_account_is_locked_after_five_wrong_passwords_even_for_the_right_one(
    browser, practitioner
):
    for _ in range(5):
        assert browser.sign_in(practitioner.email, "guess").status_code == 200
    response = browser.sign_in(practitioner.email)
    assert response.status_code == 429
    page = browser.read(response)
    assert "locked after too many attempts" in page.select_one(".govuk-error-summary").text
    assert browser.client.get("/").status_code == 302
    outcomes = [
        e.outcome
        for e in db.session.scalars(select(AuditEvent).where(AuditEvent.action == "sign_in"))
    ]
    assert outcomes == ["refused"] * 5 + ["locked"]


def test_many_sign_ins_from_one_address_are_slowed_whatever_the_accounts(app, browser):
    app.config["SIGN_IN_RATE_LIMIT"] = "3 per minute"
    for number in range(3):
        assert browser.sign_in(f"guess{number}@example.org", "guess").status_code == 200
    response = browser.sign_in("guess9@example.org", "guess")
    assert response.status_code == 429
    assert "Too many attempts" in browser.read(response).select_one(".govuk-error-summary").text
    limited = db.session.scalars(
        select(AuditEvent).where(AuditEvent.outcome == "rate_limited")
    ).all()
    assert len(limited) == 1 and limited[0].remote_addr == "127.0.0.1"


def test_the_session_ends_after_half_an_hour_unused(browser, practitioner):
    from datetime import UTC, datetime, timedelta
    from email.utils import parsedate_to_datetime
    from http.cookies import SimpleCookie

    response = browser.sign_in(practitioner.email)
    cookie = SimpleCookie(response.headers["Set-Cookie"])["session"]
    expires = parsedate_to_datetime(cookie["expires"])
    assert timedelta(minutes=29) < expires - datetime.now(UTC) <= timedelta(minutes=30)
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_behind_a_trusted_proxy_the_audit_records_the_real_address(tmp_path, practitioner):
    app = make_app(tmp_path, PROXY_HOPS=1)
    browser = Browser(app.test_client())
    page = browser.get("/sign-in")
    token = page.select_one("input[name=csrf_token]")["value"]
    browser.client.post(
        "/sign-in",
        data={"csrf_token": token, "email": practitioner.email, "password": "wrong"},
        headers={"X-Forwarded-For": "203.0.113.9"},
    )
    refused = db.session.scalars(select(AuditEvent).where(AuditEvent.outcome == "refused")).all()
    assert [event.remote_addr for event in refused] == ["203.0.113.9"]
