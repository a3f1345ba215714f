"""The API's description: served to anyone at /api/v1/openapi.json, valid OpenAPI 3, built from
the record model (RECORD.md's names), and true: schemathesis calls every operation with data
drawn from it, valid and not, and every answer must be documented, match its schema and never
be a server error."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings, strategies
from openapi_spec_validator import validate
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode

from tests.support import identifiers
from tests.support.api import token_for
from tests.support.records import submitted

#: a record or decision that fits the description may still be incomplete for the rules (422,
#: code incomplete): schemathesis accepts that answer to valid data, and
#: ``fitting_data_is_never_called_invalid`` checks it was not a refusal of the data's shape
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {"expected-statuses": ["2XX", 401, 403, 404, 409, 422]}
        }
    }
)


# e-mail addresses as people have them: JSON Schema's "email" format also allows the reserved
# domains (name@host.test) that the API, like the web, refuses as no one's address
schemathesis.openapi.format("email", strategies.emails())
# a child's identifiers as they are issued: JSON Schema cannot say their check digits
schemathesis.openapi.format("upn", identifiers.upns())
schemathesis.openapi.format("nhs-number", identifiers.nhs_numbers())


#: what a description cannot say: an identifier's check digit (its format names it, and the
#: strategies above draw right ones, but schemathesis also tries other text of the type)
CHECKED_BEYOND_THE_SCHEMA = (".upn", ".nhs_number")


@schemathesis.check
def fitting_data_is_never_called_invalid(ctx, response, case):
    if case.meta and case.meta.generation.mode.is_positive and response.status_code == 422:
        problem = response.json()
        if problem["code"] == "invalid" and all(
            error["location"].endswith(CHECKED_BEYOND_THE_SCHEMA) for error in problem["errors"]
        ):
            return
        assert problem["code"] == "incomplete", f"data that fits the description refused: {problem}"


def test_the_description_is_served_without_a_token_and_is_valid_openapi_3(app):
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    description = response.get_json()
    validate(description)  # raises on anything OpenAPI 3.1 does not allow
    assert description["openapi"].startswith("3.")
    record = description["components"]["schemas"]["Record"]["properties"]
    assert {"pathway", "child", "referrer", "referral", "consent", "harm", "attachments"} <= set(
        record
    )
    child = description["components"]["schemas"]["Child"]["properties"]
    assert child["date_of_birth"]["anyOf"][0] == {"format": "date", "type": "string"}
    for path, operations in description["paths"].items():
        if path == "/api/v1/openapi.json":
            continue
        for method, operation in operations.items():
            assert {"401", "404"} <= set(operation["responses"]), f"{method} {path}"


def test_every_operation_needs_a_token(app):
    description = app.test_client().get("/api/v1/openapi.json").get_json()
    assert description["security"] == [{"token": []}]
    assert description["components"]["securitySchemes"]["token"]["scheme"] == "bearer"


@pytest.mark.parametrize("role", ["practitioner", "manager", "admin_user"])
def test_every_answer_is_documented_and_none_is_a_server_error(
    app, request, role, practitioner, example_record_data
):
    """Each operation in turn, as each role, with schemathesis's Hypothesis strategy for it (its
    pytest plugin does not run under pytest 9.2, so the operations are walked here)."""
    submitted(example_record_data, practitioner)  # on file: some of the ids drawn are found
    caller = request.getfixturevalue(role)
    headers = {"Authorization": f"Bearer {token_for(caller)}"}
    description = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=CONFIG)
    tried = set()
    for found in description.get_all_operations():
        operation = found.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(mode))
            @settings(
                max_examples=10,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                derandomize=True,
                database=None,
            )
            def answers_as_described(case):
                case.call_and_validate(
                    headers=headers, additional_checks=[fitting_data_is_never_called_invalid]
                )

            answers_as_described()
            tried.add((operation.label, mode))
    assert len(tried) == 20  # ten operations, with data that fits and data that does not
