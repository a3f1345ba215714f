"""A user's API tokens page: a token is named, shown once (never again, never in the session
cookie), listed by its first characters, and revoked only after a confirmation; one user
cannot revoke another's."""

from sqlalchemy import select

from service.db import tokens
from service.db.models import AuditEvent
from service.extensions import db
from tests.support.api import Api, token_for
from tests.support.browser import signed_in_as


def test_a_token_is_made_shown_once_and_works(app, practitioner):
    browser = signed_in_as(app, practitioner.email)
    response = browser.submit("/account/api-tokens", {"name": "Police case system"})
    page = browser.read(response)
    secret = page.select_one("#new-token code").get_text().strip()
    assert secret.startswith("fd_")
    assert "Set-Cookie" not in response.headers or secret not in response.headers["Set-Cookie"]
    assert Api(app, secret).get("/api/v1/referrals").status_code == 200
    again = browser.get("/account/api-tokens")
    assert secret not in str(again) and secret[:10] in str(again)
    assert "Police case system" in again.select_one("table").get_text()


def test_a_token_needs_a_name(app, practitioner):
    browser = signed_in_as(app, practitioner.email)
    response = browser.submit("/account/api-tokens", {"name": "  "})
    assert response.status_code == 400
    assert (
        "Say what the token is for"
        in browser.read(response).select_one(".govuk-error-summary").get_text()
    )
    assert tokens.tokens_of(practitioner) == []


def test_revoking_asks_first_and_then_refuses_the_token(app, practitioner):
    secret = token_for(practitioner)
    [token] = tokens.tokens_of(practitioner)
    browser = signed_in_as(app, practitioner.email)
    confirm = browser.get(f"/account/api-tokens/{token.id}/revoke")
    assert "Are you sure" in confirm.select_one("h1").get_text()
    assert Api(app, secret).get("/api/v1/referrals").status_code == 200  # asking revokes nothing
    browser.submit(f"/account/api-tokens/{token.id}/revoke", {})
    assert Api(app, secret).get("/api/v1/referrals").status_code == 401
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.object_type == "api_token")
    ).all()
    assert actions == ["revoke"]


def test_one_user_cannot_revoke_anothers_token(app, practitioner, other_practitioner):
    secret = token_for(practitioner)
    [token] = tokens.tokens_of(practitioner)
    browser = signed_in_as(app, other_practitioner.email)
    browser.get(f"/account/api-tokens/{token.id}/revoke", status=404)
    form_token = browser.get("/account/api-tokens").select_one("input[name=csrf_token]")["value"]
    refused = browser.client.post(
        f"/account/api-tokens/{token.id}/revoke", data={"csrf_token": form_token}
    )
    assert refused.status_code == 404
    assert Api(app, secret).get("/api/v1/referrals").status_code == 200
