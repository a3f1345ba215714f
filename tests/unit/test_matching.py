import pytest

from service.matching import same_child

MAYA = {
    "first_name": "Maya",
    "last_name": "Okafor",
    "date_of_birth": "2014-03-09",
    "postcode": "HP6 5AB",
}


@pytest.mark.parametrize(
    "other",
    [
        {"first_name": "maya", "last_name": "OKAFOR", "date_of_birth": "2014-03-09"},
        {"first_name": "Okafor", "last_name": "Maya", "date_of_birth": "2014-03-09"},
        {"first_name": "Máya", "last_name": "Okafor", "date_of_birth": "2014-03-09"},
        {"first_name": "Maya", "last_name": "Okafur", "date_of_birth": "2014-03-09"},
        {"first_name": "Maya", "last_name": "Okafor", "postcode": "hp65ab"},
    ],
    ids=["case", "names swapped", "accent", "one letter out", "no date, same postcode"],
)
def test_the_same_child_written_differently_matches(other):
    assert same_child(MAYA, other)


@pytest.mark.parametrize(
    "other",
    [
        {"first_name": "Maya", "last_name": "Okafor", "date_of_birth": "2016-03-09"},
        {"first_name": "Daniel", "last_name": "Okafor", "date_of_birth": "2014-03-09"},
        {"first_name": "Maya", "last_name": "Okafor", "postcode": "HP9 1AA"},
        {"first_name": "Maya", "last_name": "Okafor"},
        {},
    ],
    ids=[
        "another birthday",
        "a sibling (twin)",
        "no date, another postcode",
        "nothing to go on",
        "no name",
    ],
)
def test_another_child_does_not_match(other):
    assert not same_child({**MAYA, "date_of_birth": MAYA["date_of_birth"]}, other)
