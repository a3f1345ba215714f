"""The referrer's own words read as the CIN census's referral source: the more particular
source wins (a school nurse is health, not a school); nothing given is unknown, words that
name no source are "other"."""

import pytest

from record.sources import SOURCE_GROUPS, SOURCE_TITLES, referral_source, source_group


@pytest.mark.parametrize(
    ("role", "agency", "code"),
    [
        ("Designated Safeguarding Lead", "Chesham Park Primary", "2A"),
        ("Year 6 teacher", None, "2A"),
        ("School Nurse", "Chiltern Community Health", "3C"),
        ("Health Visitor", "Bucks Healthcare NHS Trust", "3B"),
        ("GP", "Mill Lane Surgery", "3A"),
        ("Nurse", "Emergency Department, Stoke Mandeville", "3E"),
        ("Paediatric registrar", "Wycombe Hospital", "3F"),
        ("PC 4021", "Thames Valley Police", "6"),
        ("Officer", "Youth Offending Service", "7"),
        ("Tenancy officer", "Housing Options", "4"),
        ("Family support worker", "Early Help Team", "5D"),
        ("Social worker", "Adult Social Care", "5A"),
        ("Mother", None, "1A"),
        ("Neighbour", None, "1B"),
        (None, "Anonymous caller", "9"),
        ("Volunteer", "Scouts", "8"),
        (None, None, "10"),
        ("  ", "", "10"),
    ],
)
def test_the_referrers_words_give_the_census_code(role, agency, code):
    assert referral_source(role, agency) == code


def test_every_code_has_a_title_and_counts_in_a_named_group():
    assert {source_group(code) for code in SOURCE_TITLES} == set(SOURCE_GROUPS)
    assert source_group(None) == "10"
