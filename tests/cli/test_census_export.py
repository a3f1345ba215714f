"""`frontdoor export cin-census --year 2026-27 -o OUT.xml` writes the DfE's CIN census return
for the year's referrals and assessments, checked here with the DfE's published rules
(csc-validator-be-cin): no issue for complete records, and the rule named for an incomplete one."""

import copy
import re

import pytest

from service.cli.instance import export
from service.db.models import Referral
from service.extensions import db
from tests.support import records
from tests.support.cin_validator import census_issues

RULES = "cin2026_27"
UPN = "E825200319001"  # Buckinghamshire (825), its check letter right


@pytest.fixture
def census_record(full_record_data) -> dict:
    """A Section 47 referral with what the census asks recorded as it was made: the child's
    UPN, NHS number and ethnicity, the primary need with the decision, and the assessment's
    dates and factors."""
    record = copy.deepcopy(full_record_data)
    record["child"].update(upn=UPN, nhs_number="9434765919", ethnicity="WBRI")
    record["decision"].update(outcome="ia_section_47_enquiry", primary_need="N1")
    record["decision"].pop("threshold_not_met_reason", None)
    record["initial_assessment"] = {
        "outcome": "harm_suspected",
        "started_on": "2026-11-18",
        "completed_on": "2026-12-02",
        "factors": ["3B", "18B"],
    }
    record["child_protection"] = {
        "strategy_discussion_on": "2026-11-19",
        "initial_conference_on": "2026-12-03",
    }
    return record


def exported(app, tmp_path, year: str = "2026-27"):
    app.config["LA_CODE"] = "825"
    output = tmp_path / "cin.xml"
    ran = app.test_cli_runner().invoke(export, ["cin-census", "--year", year, "-o", output])
    return ran, output


def test_complete_records_pass_the_dfes_rules(app, practitioner, census_record, tmp_path):
    records.submitted(census_record, practitioner)
    other = copy.deepcopy(census_record)
    other["child"].update(first_name="Mia", upn=None, date_of_birth="2024-02-01")
    records.submitted(other, practitioner)
    ran, output = exported(app, tmp_path)
    assert ran.exit_code == 0, ran.output
    xml = output.read_text()
    assert xml.count("<Child>") == 2 and f"<UPN>{UPN}</UPN>" in xml
    assert "<AssessmentFactors>3B</AssessmentFactors>" in xml
    assert census_issues(output, RULES) == []


def test_an_incomplete_record_is_named_by_the_rule_it_breaks(
    app, practitioner, census_record, tmp_path
):
    census_record["child"].pop("ethnicity")
    records.submitted(census_record, practitioner)
    ran, output = exported(app, tmp_path)
    assert ran.exit_code == 0
    issues = census_issues(output, RULES)
    assert [(issue["rule_code"], issue["columns_affected"]) for issue in issues] == [
        ("4220", "Ethnicity")
    ]


def test_only_the_years_children_in_need_referrals_are_returned(
    app, practitioner, census_record, example_record_data, tmp_path
):
    records.submitted(census_record, practitioner)
    records.submitted({**example_record_data, "pathway": "early_help"}, practitioner)
    last_year = copy.deepcopy(census_record)
    last_year["referral"]["date"] = "2026-01-10"
    closed = records.submitted(last_year, practitioner)
    closed.closed_at = closed.submitted_at.replace(year=2026, month=2, day=1)
    db.session.commit()
    ran, output = exported(app, tmp_path)
    assert output.read_text().count("<CINdetails>") == 1
    assert db.session.query(Referral).count() == 3


@pytest.mark.parametrize(("year", "said"), [("2026", "write it like 2026-27"), ("2026-28", "")])
def test_a_year_that_is_not_a_census_year_is_refused(app, tmp_path, year, said):
    ran, output = exported(app, tmp_path, year)
    assert ran.exit_code == 2 and said in ran.output and not output.exists()


def test_the_export_needs_the_councils_la_code(app, tmp_path):
    ran = app.test_cli_runner().invoke(
        export, ["cin-census", "--year", "2026-27", "-o", tmp_path / "cin.xml"]
    )
    assert ran.exit_code == 2 and "FRONTDOOR_LA_CODE" in ran.output


def test_the_referrer_says_who_they_are_and_the_census_counts_that(
    app, practitioner, census_record, tmp_path
):
    """The words "Designated Safeguarding Lead" read as a school (2A); the referrer's own answer,
    asked on their page, wins."""
    census_record["referrer"]["source"] = "5D"  # early help, though they work in a school
    records.submitted(census_record, practitioner)
    from_words = copy.deepcopy(census_record)  # another child's, from the same school
    from_words["referrer"].pop("source")
    from_words["child"].update(first_name="Mia", last_name="Hart", upn=None)
    records.submitted(from_words, practitioner)
    ran, output = exported(app, tmp_path)
    sources = re.findall(r"<ReferralSource>(\w+)</ReferralSource>", output.read_text())
    assert sources == ["5D", "2A"]
    assert census_issues(output, RULES) == []
