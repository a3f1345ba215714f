"""A child's identifiers are checked as they are entered: a UPN's check letter and an NHS
number's check digit, written any way a person writes them; a wrong one is refused saying why."""

import pytest
from hypothesis import given

from record import RecordError, load_record
from record.census import nhs_number_problem, upn_problem
from tests.support.identifiers import nhs_numbers, upns


def child(**identifiers) -> dict:
    return load_record({"pathway": "section_17", "child": identifiers}).child.model_dump()


def test_identifiers_are_kept_compact_in_capitals():
    kept = child(upn=" e825 2003 19001 ", nhs_number="943 476 5919")
    assert (kept["upn"], kept["nhs_number"]) == ("E825200319001", "9434765919")


@pytest.mark.parametrize(
    ("identifiers", "said"),
    [
        ({"upn": "A825200319001"}, "check letter does not match"),
        ({"upn": "E82520031900"}, "A UPN is 13 characters"),
        ({"upn": "I825200319001"}, "A UPN is 13 characters"),  # no I, O or S as check letters
        ({"nhs_number": "9434765918"}, "check digit does not match"),
        ({"nhs_number": "943476591"}, "An NHS number is 10 digits"),
    ],
)
def test_a_mistyped_identifier_is_refused_saying_why(identifiers, said):
    with pytest.raises(RecordError, match=said):
        child(**identifiers)


@given(upns())
def test_every_issued_upn_is_accepted_and_any_other_check_letter_refused(upn):
    assert upn_problem(upn) is None
    wrong = next(letter for letter in "ABC" if letter != upn[0])
    assert upn_problem(wrong + upn[1:]) is not None


@given(nhs_numbers())
def test_every_issued_nhs_number_is_accepted_and_a_changed_last_digit_refused(number):
    assert nhs_number_problem(number) is None
    assert nhs_number_problem(number[:9] + str((int(number[9]) + 1) % 10)) is not None
