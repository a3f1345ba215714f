"""Response headers: a nonce-based Content Security Policy (no inline script runs without the
page's nonce), no framing, record pages kept out of caches, and HTTPS insisted on in
production (HSTS)."""

import secrets

from flask import Flask, current_app, g

ALWAYS_CACHEABLE = ("text/css", "text/javascript", "application/javascript", "application/json")


def init_app(app: Flask) -> None:
    app.before_request(_new_nonce)
    app.context_processor(lambda: {"cspNonce": g.get("csp_nonce")})
    app.after_request(_security_headers)


def _new_nonce() -> None:
    g.csp_nonce = secrets.token_urlsafe(16)


def _security_headers(response):
    nonce = g.get("csp_nonce")
    script_source = f"'self' 'nonce-{nonce}'" if nonce else "'self'"
    response.headers.setdefault(
        "Content-Security-Policy",
        f"default-src 'self'; script-src {script_source}; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if current_app.config["HSTS_SECONDS"]:
        hsts = f"max-age={current_app.config['HSTS_SECONDS']}; includeSubDomains"
        response.headers.setdefault("Strict-Transport-Security", hsts)
    cacheable = response.mimetype in ALWAYS_CACHEABLE or response.mimetype.startswith(
        ("image/", "font/")
    )
    if not cacheable:
        response.headers["Cache-Control"] = "no-store"
    return response
