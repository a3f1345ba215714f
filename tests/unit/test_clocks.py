"""The statutory clocks: working days on England and Wales's bank holidays (Christmas, Easter,
substitute days), each clock of a policy file counted from the event that starts it, a broken
policy file refused naming the file and the problem, and ``frontdoor deadlines``."""

import datetime as dt
import json

import pytest

from service.app import create_app
from service.clocks.calendar import WorkingDays
from service.clocks.policy import DEFAULT_POLICY, PolicyError, load_policy
from service.config import StartupError

SEED_003 = DEFAULT_POLICY.with_name("initial-assessment-2008.yaml")
DAYS = WorkingDays("england-and-wales")


def one_clock(settings: str, name: str = "decision") -> str:
    """A policy file of one clock, stopped by the decision, with ``settings``."""
    return f"name: x\nclocks: {{{name}: {{title: D, stops: decided, {settings}}}}}"


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("start", "after_one"),
    [
        ("2026-12-21", "2026-12-22"),  # Monday → Tuesday
        ("2026-12-18", "2026-12-21"),  # Friday → Monday
        # Christmas Day is a Friday, Boxing Day a Saturday: its substitute is Monday 28th
        ("2026-12-24", "2026-12-29"),
        # Easter 2026: Good Friday 3 April, Easter Monday 6 April
        ("2026-04-02", "2026-04-07"),
        # 2027: Christmas and Boxing Day fall at the weekend; both move, to 27th and 28th
        ("2027-12-24", "2027-12-29"),
        # New Year's Day 2022 a Saturday: the holiday is Monday 3 January
        ("2021-12-31", "2022-01-04"),
        # the late Queen's state funeral, a one-off bank holiday (Monday 19 September 2022)
        ("2022-09-16", "2022-09-20"),
    ],
)
def test_one_working_day_later_skips_weekends_and_bank_holidays(start, after_one):
    assert DAYS.add(day(start), 1) == day(after_one)


def test_a_substitute_day_is_named_as_such():
    assert DAYS.holiday(day("2026-12-28")) == "Boxing Day (observed)"
    assert not DAYS.is_working_day(day("2026-12-28"))
    assert DAYS.is_working_day(day("2026-12-29"))


def test_forty_five_working_days_from_christmas_eve_2026():
    # Dec 29-31 (3), January less New Year's Day (20), February (20), 1-2 March (2)
    due = DAYS.add(day("2026-12-24"), 45)
    assert due == day("2027-03-02")
    assert DAYS.count(day("2026-12-24"), due) == 45


def test_the_default_policy_gives_a_decision_in_one_working_day_and_an_assessment_in_45():
    due = load_policy().deadlines({"received": dt.datetime(2026, 12, 24, 16, 0)})
    assert due == {"decision_due": day("2026-12-29"), "assessment_due": day("2027-03-02")}


def test_clocks_started_by_later_events_run_from_them():
    held = dt.datetime(2026, 12, 29, 10, 0)
    due = load_policy().deadlines({"strategy_discussion": held})
    # 15 working days after 29 December: 30, 31 Dec, 4-8, 11-15 Jan (12), 18-20 Jan
    assert due == {"initial_conference_due": day("2027-01-20")}


def test_seed_003s_24_hours_and_7_working_days_are_a_policy_file_too():
    due = load_policy(SEED_003).deadlines({"received": dt.datetime(2026, 12, 24, 16, 0)})
    assert due["decision_due"] == dt.datetime(2026, 12, 25, 16, 0)  # 24 hours: hours, not days
    assert due["assessment_due"] == day("2027-01-07")  # 29, 30, 31 Dec, 4, 5, 6, 7 Jan


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("name: [unclosed", "is not valid YAML"),
        ("clocks: {}", "name: Field required"),
        (
            one_clock("starts: recieved, length: {working_days: 1}"),
            "clocks.decision.starts: 'recieved' is not an event; events: received, decided",
        ),
        (
            one_clock("starts: received, length: {days: 1}"),
            "clocks.decision.length.days: Extra inputs are not permitted",
        ),
        (
            one_clock("starts: received, length: {hours: 24, working_days: 1}"),
            "clocks.decision.length: give exactly one of working_days, calendar_days or hours",
        ),
        (
            "name: x\nbank_holidays: wales\nclocks: {}",
            "bank_holidays: Input should be 'england-and-wales', 'scotland' or 'northern-ireland'",
        ),
        (
            one_clock("starts: received, length: {hours: 1}", name="Decision Due"),
            "clock 'Decision Due': a name is lower case letters and underscores",
        ),
    ],
)
def test_a_broken_policy_file_is_refused_naming_the_file_and_the_problem(
    tmp_path, content, problem
):
    policy = tmp_path / "clocks.yaml"
    policy.write_text(content)
    with pytest.raises(PolicyError) as refused:
        load_policy(policy)
    assert str(refused.value).startswith(f"{policy}: ")
    assert problem in str(refused.value)


def test_front_door_does_not_start_on_a_broken_policy(tmp_path):
    policy = tmp_path / "clocks.yaml"
    policy.write_text(
        "name: x\nclocks: {decision: {title: D, starts: never, stops: decided, length: {hours: 1}}}"
    )
    with pytest.raises(StartupError, match="'never' is not an event"):
        create_app({"CLOCKS_POLICY": str(policy), "TESTING": True})


def test_frontdoor_deadlines_prints_the_due_dates_as_json(frontdoor):
    result = frontdoor("deadlines", "--received", "2026-12-24T16:00")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "decision_due": "2026-12-29",
        "assessment_due": "2027-03-02",
    }


def test_frontdoor_deadlines_follows_the_active_policy_and_other_events(frontdoor):
    frontdoor.env["FRONTDOOR_CLOCKS_POLICY"] = str(SEED_003)
    result = frontdoor(
        "deadlines", "--received", "2026-12-24T16:00", "--event", "strategy_discussion=2027-01-04"
    )
    assert json.loads(result.stdout) == {
        "decision_due": "2026-12-25T16:00",
        "assessment_due": "2027-01-07",
        "initial_conference_due": "2027-01-25",
    }


def test_frontdoor_deadlines_refuses_an_unknown_event_and_a_broken_policy(frontdoor, tmp_path):
    result = frontdoor("deadlines", "--received", "2026-12-24T16:00", "--event", "meeting=x")
    assert (result.returncode, result.stdout) == (2, "")
    assert "'meeting' is not an event" in result.stderr
    frontdoor.env["FRONTDOOR_CLOCKS_POLICY"] = str(tmp_path / "missing.yaml")
    result = frontdoor("deadlines", "--received", "2026-12-24T16:00")
    assert result.returncode == 2
    assert result.stderr.startswith("frontdoor: cannot start: ")
    assert "missing.yaml: cannot be read" in result.stderr
