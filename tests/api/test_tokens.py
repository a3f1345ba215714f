"""API tokens: made for a user and shown once, kept only as a hash, refused once revoked or
once their user is switched off; a call without one is refused and audited, and the web's
session cookie never stands in for one."""

from sqlalchemy import select

from service.cli.instance import api_token
from service.db import tokens
from service.db.models import ApiToken, AuditEvent
from service.extensions import db
from tests.support.api import Api, token_for
from tests.support.browser import signed_in_as


def test_a_call_without_a_token_is_refused_as_json_and_audited(app):
    response = Api(app, None).get("/api/v1/referrals")
    assert response.status_code == 401
    assert response.get_json()["code"] == "unauthorised"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "api_sign_in"))
    assert event.outcome == "refused" and event.user_id is None


def test_a_token_works_until_it_is_revoked(app, practitioner):
    secret = token_for(practitioner)
    assert Api(app, secret).get("/api/v1/referrals").status_code == 200
    [token] = tokens.tokens_of(practitioner)
    tokens.revoke(token)
    db.session.commit()
    refused = Api(app, secret).get("/api/v1/referrals")
    assert refused.status_code == 401 and refused.get_json()["code"] == "unauthorised"


def test_a_token_is_kept_only_as_its_hash(app, practitioner):
    secret = token_for(practitioner)
    [token] = db.session.scalars(select(ApiToken))
    assert secret.startswith("fd_") and len(secret) > 40
    assert secret not in (token.token_sha256, token.prefix, token.name)
    assert secret.startswith(token.prefix) and len(token.prefix) < len(secret) / 4


def test_a_switched_off_users_tokens_stop_working(app, practitioner):
    secret = token_for(practitioner)
    practitioner.active = False
    db.session.commit()
    assert Api(app, secret).get("/api/v1/referrals").status_code == 401


def test_a_wrong_or_malformed_token_is_refused(app, practitioner):
    secret = token_for(practitioner)
    for sent in (secret[:-1] + ("A" if secret[-1] != "A" else "B"), "fd_", "", secret.upper()):
        assert Api(app, sent).get("/api/v1/referrals").status_code == 401
    basic = app.test_client().get("/api/v1/referrals", headers={"Authorization": f"Basic {secret}"})
    assert basic.status_code == 401


def test_the_web_sign_in_cookie_does_not_open_the_api(app, practitioner):
    client = signed_in_as(app, practitioner.email).client
    assert client.get("/").status_code == 200  # signed in on the web
    assert client.get("/api/v1/referrals").status_code == 401


def test_the_command_makes_a_token_shown_once_and_revokes_it(app, practitioner):
    runner = app.test_cli_runner()
    made = runner.invoke(api_token, ["create", "--email", practitioner.email, "--name", "MASH"])
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip()
    assert Api(app, secret).get("/api/v1/referrals").status_code == 200
    [token] = tokens.tokens_of(practitioner)
    assert token.name == "MASH" and token.last_used_at is not None

    revoked = runner.invoke(api_token, ["revoke", str(token.id)])
    assert revoked.exit_code == 0 and secret not in revoked.output
    assert Api(app, secret).get("/api/v1/referrals").status_code == 401
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.object_type == "api_token")
    ).all()
    assert actions == ["create", "revoke"]


def test_the_command_refuses_an_unknown_user(app):
    runner = app.test_cli_runner()
    refused = runner.invoke(api_token, ["create", "--email", "nobody@example.org", "--name", "X"])
    assert refused.exit_code == 2 and "no active user" in refused.stderr
