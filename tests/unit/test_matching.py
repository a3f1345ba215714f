import pytest

from record.matching import same_child

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
        {"first_name": "Maya", "last_name": "Okafor", "date_of_birth": "2014-09-03"},
        {"first_name": "Maya", "last_name": "Okafor-Smith", "date_of_birth": "2014-03-09"},
        {"first_name": "Maya", "last_name": "Smith-Okafor", "date_of_birth": "2014-09-03"},
        {"first_name": "Maya", "last_name": "Okafor Smith", "date_of_birth": "2014-03-09"},
        {"first_name": "Maya", "last_name": "Okafor-Smyth", "date_of_birth": "2014-03-09"},
        {"first_name": "Maia", "last_name": "Okafor", "date_of_birth": "2014-03-09"},
    ],
    ids=[
        "case",
        "names swapped",
        "accent",
        "one letter out",
        "no date, same postcode",
        "day and month swapped",
        "hyphenated surname",
        "hyphenated the other way, date swapped",
        "double-barrelled without a hyphen",
        "double-barrelled, one letter out",
        "first name one letter out (a twin so named is asked about)",
    ],
)
def test_the_same_child_written_differently_matches(other):
    assert same_child(MAYA, other)
    assert same_child(other, MAYA)


def test_either_half_of_a_double_barrelled_surname_matches_the_whole():
    whole = {"first_name": "Maya", "last_name": "Okafor-Smith", "date_of_birth": "2014-03-09"}
    for half in ("Okafor", "Smith"):
        assert same_child(whole, {**whole, "last_name": half})


@pytest.mark.parametrize(
    "other",
    [
        {"first_name": "Maya", "last_name": "Okafor", "date_of_birth": "2016-03-09"},
        {"first_name": "Daniel", "last_name": "Okafor", "date_of_birth": "2014-03-09"},
        {"first_name": "Mia", "last_name": "Okafor", "date_of_birth": "2014-03-09"},
        {"first_name": "Maya", "last_name": "Okafor", "date_of_birth": "2014-03-10"},
        {"first_name": "Maya", "last_name": "Okafor", "date_of_birth": "2014-10-03"},
        {"first_name": "Maya", "last_name": "Smith-Jones", "date_of_birth": "2014-03-09"},
        {"first_name": "Maya", "last_name": "Oak", "date_of_birth": "2014-03-09"},
        {"first_name": "Maya", "last_name": "Okonor", "date_of_birth": "2014-03-09"},
        {"first_name": "Maya", "last_name": "Okafor", "postcode": "HP9 1AA"},
        {"first_name": "Maya", "last_name": "Okafor"},
        {"first_name": "Maya", "date_of_birth": "2014-03-09"},
        {},
    ],
    ids=[
        "another birthday",
        "a twin",
        "a twin with a similar name",
        "the next day",
        "the next day, written the other way round",
        "another double-barrelled surname",
        "a surname that only starts the same",
        "a surname two letters out",
        "no date, another postcode",
        "nothing to go on",
        "no surname",
        "no name",
    ],
)
def test_another_child_does_not_match(other):
    assert not same_child(MAYA, other)
    assert not same_child(other, MAYA)


def test_a_date_of_birth_after_the_twelfth_is_never_read_the_other_way_round():
    born_late = {**MAYA, "date_of_birth": "2014-03-13"}
    assert not same_child(born_late, {**MAYA, "date_of_birth": "2014-13-03"})
    assert same_child(born_late, {**MAYA, "date_of_birth": "2014-03-13"})
