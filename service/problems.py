"""How the JSON API says no: ``{"code", "message"}``, the code stable for programs to act on and
the message for the person reading a log. The web pages' error handlers (views/errors.py) answer
so for an API address, and the API's own refusals (service/api) use ``refuse``."""

from flask import abort, jsonify, request
from pydantic import BaseModel, Field
from werkzeug.exceptions import HTTPException

API_PREFIX = "/api/"

#: the code for each status the API answers with, when nothing more specific is said
CODES = {
    400: "bad_request",
    401: "unauthorised",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class Missing(BaseModel):
    """An answer the pathway's rules need, named by its dotted path in RECORD.md."""

    field: str = Field(examples=["harm.severity"])
    message: str


class FieldError(BaseModel):
    """A value the API could not accept, and where it is in what was sent."""

    location: str = Field(examples=["record.child.date_of_birth"])
    message: str


class Problem(BaseModel):
    """422 is one of two codes: ``invalid``, what was sent does not fit this description;
    ``incomplete``, it fits, but the pathway's rules (or a decision's) need more."""

    code: str = Field(description="Stable: programs may act on it", examples=["not_found"])
    message: str = Field(description="For people: what went wrong and what to do")
    missing: list[Missing] | None = Field(
        default=None, description="code incomplete: what the pathway's rules still need"
    )
    errors: list[FieldError] | None = Field(
        default=None, description="Each value that could not be accepted, or is still needed"
    )


def is_api_request() -> bool:
    return request.path.startswith(API_PREFIX)


def response(status: int, message: str, code: str | None = None, **extra):
    body = Problem(code=code or CODES.get(status, "error"), message=message, **extra)
    answer = jsonify(body.model_dump(exclude_none=True))
    answer.status_code = status
    if status == 401:
        answer.headers["WWW-Authenticate"] = 'Bearer realm="Front Door API"'
    return answer


def from_http_error(error: HTTPException):
    """A framework error (not found, not allowed, too big) as a problem."""
    return response(error.code or 500, error.description or error.name)


def refuse(status: int, message: str, code: str | None = None, **extra):
    """Stop the request with a problem."""
    abort(response(status, message, code, **extra))
