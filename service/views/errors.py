"""When the database cannot be reached: a page that says so (503), not a stack trace.

Nothing was saved (the transaction is rolled back) and nothing was queued, since work is queued
only after its rows are committed."""

import contextlib
import logging

from flask import Flask, current_app, g
from sqlalchemy.exc import DisconnectionError, OperationalError

from service.extensions import db

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120


def init_app(app: Flask) -> None:
    for error in (OperationalError, DisconnectionError):
        app.register_error_handler(error, database_unavailable)


def database_unavailable(error: Exception):
    log.error("the database could not be reached (%s)", type(error).__name__)
    with contextlib.suppress(Exception):  # the rollback needs the database too
        db.session.rollback()
    # Rendered without the context processors: Flask-Login's would ask the database who is
    # signed in, and fail again.
    template = current_app.jinja_env.get_template("errors/database_unavailable.html")
    page = template.render(cspNonce=g.get("csp_nonce"))
    return page, 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}
