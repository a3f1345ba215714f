"""The API's blueprint and its OpenAPI description (spectree): each route declares the pydantic
models it takes and answers with, so that the description at /api/v1/openapi.json, the
validation of what is sent and the shape of what is answered are one thing. The record is
``record.Record``, the model RECORD.md's contract is kept in; there is no second schema."""

from flask import Blueprint, jsonify
from spectree import Response, SecurityScheme, SpecTree
from spectree.models import SecuritySchemeData

from service import problems

bp = Blueprint("api", __name__, url_prefix="/api/v1")

#: the statuses every route may answer with besides its own: not signed in, not allowed (the
#: role), not found (or not theirs to see), what was sent not valid
COMMON_PROBLEMS = ("HTTP_401", "HTTP_403", "HTTP_404", "HTTP_422")


def _invalid(request, response, error, instance, model_adapter) -> None:
    """What was sent did not fit the route's model: say where, in the API's problem shape."""
    if error is None:
        return
    errors = [
        problems.FieldError(
            location=".".join(str(part) for part in detail["loc"]) or "body",
            message=detail["msg"].removeprefix("Value error, "),
        )
        for detail in error.errors(include_url=False, include_context=False, include_input=False)
    ]
    problems.refuse(422, "What was sent could not be accepted: see errors", errors=errors)


spec = SpecTree(
    "flask",
    title="Front Door API",
    description=(
        "Referrals, their documents and the import of legacy forms, for partner systems. "
        "Every call needs an API token (Authorization: Bearer fd_…), made by a signed-in user "
        "and acting with their role and access. Every view and download is audited."
    ),
    version="1",
    # spectree leaves out of the description every route under its own path, so it is not the
    # API's: the description is served by the route below, and spectree adds no pages
    path="spectree",
    page_templates={},
    mode="strict",
    security_schemes=[
        SecurityScheme(
            name="token",
            data=SecuritySchemeData(
                type="http",
                scheme="bearer",
                description="An API token, made by a signed-in user (frontdoor api-token)",
            ),
        ),
    ],
    security={"token": []},
    before=_invalid,
    validation_error_model=problems.Problem,
    # each model once, by its own name (Record, Child …), not once under every model using it
    naming_strategy=lambda model: model.__name__,
    nested_naming_strategy=lambda parent, child: child,
)


def responds(*others: str, **models) -> Response:
    """A route's answers: its own ``models`` and the problems every route may give."""
    statuses = {status: problems.Problem for status in (*COMMON_PROBLEMS, *others)}
    return Response(**{**statuses, **models})


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of the API; it holds no one's data, so no token is needed."""
    return jsonify(spec.spec)
