"""Error pages in the GOV.UK style instead of the framework's plain ones: not found, not
allowed, too big, a form sent without its token, and the database unreachable (503).

An address under /api/ is answered as the API answers (service.problems): JSON with a code.

On 503 nothing was saved (the transaction is rolled back) and nothing was queued, since work is
queued only after its rows are committed."""

import contextlib
import logging
from functools import wraps

from flask import Flask, current_app, g, render_template
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DisconnectionError, OperationalError
from werkzeug.exceptions import (
    Forbidden,
    HTTPException,
    InternalServerError,
    MethodNotAllowed,
    NotFound,
    RequestEntityTooLarge,
)

from service import problems
from service.extensions import db

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120


#: error -> (page title, what to do), in the words of the GOV.UK error page patterns
PAGES = {
    NotFound: ("Page not found", "If you typed the web address, check it is correct."),
    Forbidden: (
        "You cannot see this page",
        "Your role does not allow it. Ask your manager if you think it should.",
    ),
    CSRFError: (
        "Your form could not be sent",
        "It may have been open too long. Go back, reload the page and try again.",
    ),
}


def init_app(app: Flask) -> None:
    for error in (OperationalError, DisconnectionError):
        app.register_error_handler(error, database_unavailable)
    for error in PAGES:
        app.register_error_handler(error, _or_problem(explained))
    app.register_error_handler(RequestEntityTooLarge, _or_problem(too_large))
    for error in (MethodNotAllowed, InternalServerError):  # the framework's own page for these
        app.register_error_handler(error, _or_problem(lambda error: error))


def _or_problem(page):
    """The web's ``page`` for the error; for an address under /api/, the API's problem."""

    @wraps(page)
    def answer(error: HTTPException):
        return problems.from_http_error(error) if problems.is_api_request() else page(error)

    return answer


def explained(error):
    title, advice = PAGES[type(error)]
    return render_template("errors/page.html", title=title, advice=[advice]), error.code


def too_large(error):
    limit = current_app.config["MAX_CONTENT_LENGTH"] / (1024 * 1024)
    advice = [
        f"Front Door accepts up to {limit:g} MB at a time.",
        "Go back and choose a smaller file, or send fewer files at once.",
    ]
    return render_template("errors/page.html", title="The file is too big", advice=advice), 413


def database_unavailable(error: Exception):
    log.error("the database could not be reached (%s)", type(error).__name__)
    with contextlib.suppress(Exception):  # the rollback needs the database too
        db.session.rollback()
    if problems.is_api_request():
        answer = problems.response(503, "The database cannot be reached. Try again later.")
        answer.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return answer
    # Rendered without the context processors: Flask-Login's would ask the database who is
    # signed in, and fail again.
    template = current_app.jinja_env.get_template("errors/database_unavailable.html")
    page = template.render(cspNonce=g.get("csp_nonce"))
    return page, 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}
