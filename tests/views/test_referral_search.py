"""Finding a referral on the list: by the child's name as staff type it (close spellings, one
half of a double-barrelled surname), date of birth, pathway, status and team; only among the
referrals the person may see; a page at a time."""

import pytest

from forms.record_fields import RECORDED_LATER
from record.matching import name_matches
from service.views.referrals import PER_PAGE
from tests.support.browser import signed_in_as
from tests.support.records import submitted


@pytest.mark.parametrize(
    ("query", "first", "last", "found"),
    [
        ("Maya Okafor", "Maia", "Okafor-Smith", True),
        ("okafor", "Maia", "Okafor-Smith", True),
        ("Smith", "Maia", "Okafor-Smith", True),
        ("Oka", "Maia", "Okafor-Smith", True),  # the start of a name
        ("Zoë", "Zoe", "Brown", True),  # accents do not matter
        ("Maya Okafor", "Maya", "Jones", False),  # every word must be one of the names
        ("Mia", "Maia", "Okafor", False),  # three letters must agree exactly
        ("", "Maia", "Okafor", False),
    ],
)
def test_a_name_is_found_as_staff_would_type_it(query, first, last, found):
    assert name_matches(query, first, last) is found


@pytest.fixture
def children(full_record_data, practitioner):
    """Four referrals: Maia Okafor-Smith (Section 47 and Early Help), Leo Brennan, Maya Jones."""

    def made(first, last, born, pathway="section_47"):
        child = {**full_record_data["child"], "first_name": first, "last_name": last}
        data = {**full_record_data, "child": {**child, "date_of_birth": born}}
        return submitted({**data, "pathway": pathway}, practitioner, without=RECORDED_LATER)

    return {
        "maia": made("Maia", "Okafor-Smith", "2014-03-09"),
        "maia caf": made("Maia", "Okafor-Smith", "2014-03-09", "early_help"),
        "leo": made("Leo", "Brennan", "2017-05-14"),
        "maya jones": made("Maya", "Jones", "2014-03-09"),
    }


def listed(page) -> list[str]:
    return [" ".join(a.text.split()) for a in page.select("main table tbody tr td:first-child a")]


def test_maya_okafor_finds_maia_okafor_smith(app, practitioner, children):
    browser = signed_in_as(app, practitioner.email)
    page = browser.get("/?name=Maya+Okafor")
    assert listed(page) == ["Maia Okafor-Smith", "Maia Okafor-Smith"]
    assert page.select_one("main table caption").text.strip() == "2 referrals found"


def test_filters_combine(app, practitioner, children):
    browser = signed_in_as(app, practitioner.email)
    assert listed(browser.get("/?name=Maia&pathway=early_help")) == ["Maia Okafor-Smith"]
    assert listed(browser.get("/?born=9&born=3&born=2014&status=received")) == [
        "Maya Jones",
        "Maia Okafor-Smith",
    ]
    assert listed(browser.get("/?status=open")) == ["Maia Okafor-Smith"]  # the CAF
    assert listed(browser.get("/?team=front+door&name=leo")) == ["Leo Brennan"]
    page = browser.get("/?name=Nobody")
    assert "No referrals match these filters" in page.text


def test_a_search_shows_only_what_the_person_may_see(app, other_practitioner, children):
    browser = signed_in_as(app, other_practitioner.email)
    page = browser.get("/?name=Maya+Okafor")
    assert listed(page) == []


def test_a_long_list_comes_a_page_at_a_time(app, practitioner, children, full_record_data):
    for _ in range(PER_PAGE):
        submitted(full_record_data, practitioner, without=RECORDED_LATER)
    browser = signed_in_as(app, practitioner.email)
    first = browser.get("/")
    assert len(listed(first)) == PER_PAGE
    assert first.select_one("main table caption").text.strip() == f"{PER_PAGE + 4} referrals"
    following = first.select_one(".govuk-pagination__next a")["href"]
    second = browser.get(following)
    assert len(listed(second)) == 4
    assert "Page 2 of 2" in second.text
