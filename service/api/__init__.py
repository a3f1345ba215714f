"""The JSON API for partner systems, under /api/v1 and described at /api/v1/openapi.json.

It is called with an API token (``Authorization: Bearer fd_…``), never the web's session cookie:
a token acts as its user, with their role, access and audit trail, and a call with no valid
token is refused (401) and audited. With no cookie to ride on, the API needs no CSRF token."""

from flask import Flask, g, request

from service import problems
from service.actions import work
from service.api import documents, imports, referrals  # noqa: F401 - their routes join bp
from service.api.spec import bp
from service.db import tokens
from service.extensions import csrf


def init_app(app: Flask) -> None:
    csrf.exempt(bp)
    app.register_blueprint(bp)


#: what anyone may read: the description
PUBLIC_ENDPOINTS = {"api.openapi"}


@bp.before_request
def _authenticate() -> None:
    if request.endpoint in PUBLIC_ENDPOINTS:
        return
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    user = tokens.user_for(secret.strip()) if scheme.lower() == "bearer" else None
    if user is None:
        work.done("api_sign_in", outcome="refused")
        problems.refuse(401, "Send a valid API token: Authorization: Bearer fd_…")
    g._login_user = user  # Flask-Login's current user for this request, from no session
