"""Response headers that keep record pages out of caches and pages out of frames."""

from flask import Flask


def init_app(app: Flask) -> None:
    app.after_request(_security_headers)


def _security_headers(response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype != "text/css" and not response.mimetype.startswith(("image/", "font/")):
        response.headers["Cache-Control"] = "no-store"
    return response
