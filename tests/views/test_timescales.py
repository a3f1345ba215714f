"""The statutory clocks on real referrals and the manager's dashboard over them, with the clock
frozen: a referral is listed as due on the day its decision is due, as overdue the day after
and not before; a late decision asks why, and the reason is kept with the clock; suspected harm
runs the strategy discussion's clock, and that the conference's; the volumes are charts drawn
as SVG with their figures in a table beside them."""

from datetime import UTC, datetime

import pytest
import time_machine

from forms.record_fields import RECORDED_LATER
from record.lifecycle import Stage
from service.actions import deciding, progressing
from service.db import referrals
from service.db.models import DeadlineOutcome
from tests.support.browser import signed_in_as
from tests.support.records import DECISION, fresh, submitted

LONDON = "Europe/London"
# Thursday 10 December 2026, 10:00: the decision is due on Friday the 11th
RECEIVED = datetime(2026, 12, 10, 10, 0, tzinfo=UTC)
TO_ASSESSMENT = {**DECISION, "outcome": "ia_further_assessment", "referrer_email": None}


@pytest.fixture
def received(full_record_data, practitioner):
    with time_machine.travel(RECEIVED, tick=False):
        return submitted(full_record_data, practitioner, without=RECORDED_LATER)


def dashboard_at(app, manager, moment: str):
    with time_machine.travel(datetime.fromisoformat(moment), tick=False):
        return signed_in_as(app, manager.email).get("/dashboard")


def listed(page, table: str) -> list[tuple[str, str, str]]:
    """(child, what is due, due) for each row of the table ``table``."""
    rows = page.select(f"table#{table} tbody tr")
    return [
        tuple(cell.text.split("\n")[0].strip() for cell in row.select("td")[:3]) for row in rows
    ]


def clock_counts(page) -> dict[str, tuple[str, str]]:
    return {
        row.th.text.strip(): tuple(cell.text.strip() for cell in row.select("td"))
        for row in page.select("table#timescales tbody tr")
    }


DUE_FRIDAY = ("Leo Brennan", "Decision on the referral", "11 December 2026")


def test_a_referral_is_due_on_the_day_its_decision_is_due_and_overdue_the_day_after(
    app, received, manager
):
    thursday = dashboard_at(app, manager, "2026-12-10T17:00:00+00:00")
    assert listed(thursday, "overdue") == [] and listed(thursday, "due-today") == []
    assert thursday.select_one("#overdue").text == "Nothing is overdue."

    friday_evening = dashboard_at(app, manager, "2026-12-11T23:59:00+00:00")
    assert listed(friday_evening, "overdue") == []
    assert listed(friday_evening, "due-today") == [DUE_FRIDAY]
    assert clock_counts(friday_evening)["Decision on the referral"] == ("0", "1")

    saturday = dashboard_at(app, manager, "2026-12-12T00:01:00+00:00")
    assert listed(saturday, "overdue") == [DUE_FRIDAY]
    assert listed(saturday, "due-today") == []
    assert clock_counts(saturday)["Decision on the referral"] == ("1", "0")
    link = saturday.select_one("table#overdue tbody a")["href"]
    assert link == f"/referrals/{received.id}"


def test_the_assessment_clock_runs_45_working_days_and_is_not_listed_before(app, received, manager):
    page = dashboard_at(app, manager, "2026-12-14T09:00:00+00:00")
    assert [row[1] for row in listed(page, "overdue")] == ["Decision on the referral"]
    # 45 working days from Thursday 10 December 2026, over Christmas and New Year: 16 February
    due = {d.clock: d.due_on.isoformat() for d in fresh(received).deadlines}
    assert due == {"decision": "2026-12-11", "assessment": "2027-02-16"}


def test_a_late_decision_asks_why_and_the_reason_is_kept_with_the_clock(app, received, manager):
    with time_machine.travel(datetime(2026, 12, 14, 9, 0, tzinfo=UTC), tick=False):
        browser = signed_in_as(app, manager.email)
        page = browser.get(f"/referrals/{received.id}/decision")
        assert "This is late: Decision on the referral, due 11 December 2026" in page.text
        answers = {**TO_ASSESSMENT, "referrer_email": ""}
        refused = browser.submit(f"/referrals/{received.id}/decision", answers)
        assert (
            "Say why this is late" in browser.read(refused).select_one(".govuk-error-summary").text
        )
        assert fresh(received).status == Stage.RECEIVED
        reason = "Waiting for the school's chronology"
        browser.submit(f"/referrals/{received.id}/decision", {**answers, "late_reason": reason})

    clocks = {d.clock: d for d in fresh(received).deadlines}
    assert clocks["decision"].outcome == DeadlineOutcome.LATE
    assert clocks["decision"].late_reason == reason
    assert fresh(received).stage_changes[-1].late_reason == reason
    assert clocks["assessment"].stopped_at is None  # the assessment's clock runs on
    after = dashboard_at(app, manager, "2026-12-14T10:00:00+00:00")
    assert listed(after, "overdue") == []


def test_a_decision_in_time_asks_nothing_and_meets_its_clock(app, received, manager):
    with time_machine.travel(datetime(2026, 12, 11, 15, 0, tzinfo=UTC), tick=False):
        browser = signed_in_as(app, manager.email)
        assert "This is late" not in browser.get(f"/referrals/{received.id}/decision").text
    with time_machine.travel(datetime(2026, 12, 11, 15, 0, tzinfo=UTC), tick=False):
        deciding.record(received, {**DECISION, "referrer_email": None}, manager, None, False)
    clocks = {d.clock: d.outcome for d in fresh(received).deadlines}
    # signposted: the decision met its clock, and no assessment is due
    assert clocks == {"decision": DeadlineOutcome.MET, "assessment": DeadlineOutcome.NOT_NEEDED}


def test_harm_suspected_starts_the_strategy_discussions_clock(app, received, manager):
    with time_machine.travel(datetime(2026, 12, 10, 14, 0, tzinfo=UTC), tick=False):
        deciding.record(received, TO_ASSESSMENT, manager, None, False)
        assessment = {"outcome": "harm_suspected", "completed_on": "2026-12-10"}
        progressing.assess(received, assessment, manager)
        referrals.db.session.commit()
    running = {d.clock: d.due_on.isoformat() for d in fresh(received).deadlines if not d.outcome}
    assert running == {"strategy_discussion": "2026-12-11"}


def test_closing_a_referral_ends_its_clocks_as_not_needed(app, received, manager):
    with time_machine.travel(datetime(2026, 12, 10, 14, 0, tzinfo=UTC), tick=False):
        deciding.record(received, TO_ASSESSMENT, manager, None, False)
        referrals.close(received, manager, "The family moved away")
        referrals.db.session.commit()
    assert {d.clock: d.outcome for d in fresh(received).deadlines} == {
        "decision": DeadlineOutcome.MET,
        "assessment": DeadlineOutcome.NOT_NEEDED,
    }


def test_the_volumes_are_svg_charts_with_their_figures_in_a_table(app, received, manager):
    page = dashboard_at(app, manager, "2026-12-14T09:00:00+00:00")
    for key, title in (
        ("by-month", "Referrals received each month"),
        ("by-pathway", "By pathway"),
        ("by-source", "By who referred"),
        ("by-outcome", "By decision"),
    ):
        chart = page.select_one(f"#chart-{key}")
        svg = chart.select_one("svg[role=img]")
        assert svg.title.text == title and svg.select("rect")
        figures = {
            row.th.text.strip(): row.td.text.strip()
            for row in chart.select(f"#chart-{key}-figures tbody tr")
        }
        assert sum(map(int, figures.values())) == 1
    months = page.select("#chart-by-month-figures tbody th")
    assert [months[0].text, months[-1].text] == ["Jan 2026", "Dec 2026"]
    assert page.select_one("#chart-by-month-figures tbody tr:last-child td").text == "1"
    # the referrer is a school's designated safeguarding lead: "schools", as the census counts it
    sources = page.select("#chart-by-source-figures tbody th")
    assert [th.text for th in sources] == ["Schools and education"]


def test_only_managers_see_the_dashboard_and_only_their_teams_referrals(
    app, received, manager, practitioner
):
    signed_in_as(app, practitioner.email).get("/dashboard", status=403)
    manager.team = "Another team"
    referrals.db.session.commit()
    page = dashboard_at(app, manager, "2026-12-14T09:00:00+00:00")
    assert listed(page, "overdue") == []
    assert "0 referrals since" in page.text


def test_the_strategy_discussion_and_the_conference_each_stop_their_clock(app, received, manager):
    with time_machine.travel(datetime(2026, 12, 10, 14, 0, tzinfo=UTC), tick=False):
        deciding.record(
            received, {**TO_ASSESSMENT, "outcome": "ia_section_47_enquiry"}, manager, None, False
        )
    with time_machine.travel(datetime(2026, 12, 15, 9, 0, tzinfo=UTC), tick=False):
        browser = signed_in_as(app, manager.email)
        page = browser.get(f"/referrals/{received.id}")
        offered = [a.text.strip() for a in page.select("main a.govuk-button")]
        assert "Record the strategy discussion" in offered
        assert "Record the initial child protection conference" not in offered
        url = f"/referrals/{received.id}/strategy-discussion"
        # due Friday 11 December, held Monday 14th: late, so the page asks why
        held = {"held_on": ["14", "12", "2026"]}
        refused = browser.submit(url, held)
        assert refused.status_code == 400
        assert (
            "Say why this is late" in browser.read(refused).select_one(".govuk-error-summary").text
        )
        browser.submit(url, {**held, "late_reason": "Police were not available until Monday"})
        page = browser.get(f"/referrals/{received.id}")
        offered = [a.text.strip() for a in page.select("main a.govuk-button")]
        assert "Record the initial child protection conference" in offered
        browser.get(url, status=409)  # held once; its clock has stopped

    clocks = {d.clock: d for d in fresh(received).deadlines}
    assert clocks["strategy_discussion"].outcome == DeadlineOutcome.LATE
    assert clocks["strategy_discussion"].late_reason == "Police were not available until Monday"
    # 15 working days from Monday 14 December 2026, over Christmas and New Year: 7 January 2027
    assert clocks["initial_conference"].due_on.isoformat() == "2027-01-07"
    assert fresh(received).record["child_protection"] == {"strategy_discussion_on": "2026-12-14"}

    with time_machine.travel(datetime(2027, 1, 7, 12, 0, tzinfo=UTC), tick=False):
        browser = signed_in_as(app, manager.email)
        url = f"/referrals/{received.id}/initial-conference"
        assert "This is late" not in browser.get(url).text
        response = browser.submit(url, {"held_on": ["7", "1", "2027"]})
        assert response.status_code == 302
    assert {d.clock: d.outcome for d in fresh(received).deadlines}["initial_conference"] == (
        DeadlineOutcome.MET
    )


def test_a_tac_plans_review_date_runs_a_clock_that_a_new_date_moves_and_a_review_stops(
    app, received, manager, full_record_data
):
    def tac_clocks():
        return [
            (d.due_on.isoformat(), d.outcome)
            for d in fresh(received).deadlines
            if d.clock == "tac_review"
        ]

    plan = {**full_record_data["tac_plan"], "review_date": "2027-01-22", "reviews": []}
    with time_machine.travel(datetime(2026, 12, 14, 9, 0, tzinfo=UTC), tick=False):
        referrals.save_plan(received, "tac_plan", plan, manager.id)
        referrals.db.session.commit()
        assert tac_clocks() == [("2027-01-22", None)]
        # moved before the day comes: still one clock, to the new day
        referrals.save_plan(received, "tac_plan", {**plan, "review_date": "2027-01-29"}, manager.id)
        referrals.db.session.commit()
        assert tac_clocks() == [("2027-01-29", None)]
    with time_machine.travel(datetime(2027, 1, 29, 15, 0, tzinfo=UTC), tick=False):
        review = {
            "review_date": "2027-01-29",
            "progress": "Attendance is back to 97%.",
            "next_review_date": "2027-04-30",
        }
        referrals.add_tac_review(received, review, manager.id)
        referrals.db.session.commit()
    assert tac_clocks() == [("2027-01-29", DeadlineOutcome.MET), ("2027-04-30", None)]
