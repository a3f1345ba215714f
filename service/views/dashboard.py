"""The manager's dashboard for their team: what is overdue and what runs out today, clock by
clock, each row linking to its referral; then how many referrals came in over the last twelve
months, by month, pathway, source and decision, as charts with their figures beside them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from flask import Blueprint, render_template
from flask_login import current_user

from record.sources import SOURCE_GROUPS
from record.titles import OUTCOME_TITLES, PATHWAY_TITLES
from service.actions import work
from service.clocks.calendar import LOCAL_TIME, local
from service.db import deadlines, volumes
from service.permissions import DECIDES, role_required
from service.views import charts

bp = Blueprint("dashboard", __name__)

MONTHS = 12  # how far back the charts count
LISTED = 50  # rows of each list; the referrals list filtered to overdue shows them all


@bp.route("/dashboard")
@role_required(*DECIDES)
def index():
    # audited (and committed) first: a commit expires what was loaded, and the page would then
    # load each listed referral again, one query each
    work.done("view", "dashboard")
    now = datetime.now(UTC)
    today = local(now).date()
    tomorrow = datetime.combine(today + timedelta(days=1), time(), LOCAL_TIME)
    overdue = deadlines.running_for(current_user, None, now, LISTED)
    due_today = deadlines.running_for(current_user, now, tomorrow, LISTED)
    counts = deadlines.counts_for(current_user, now, tomorrow)
    policy = deadlines.policy()
    clocks = [
        {"name": name, "title": clock.title, **counts.get(name, {"overdue": 0, "due_today": 0})}
        for name, clock in policy.clocks.items()
    ]
    first_month = _months_back(today, MONTHS - 1)
    since = datetime.combine(first_month, time(), LOCAL_TIME)
    received = volumes.received_since(current_user, since)
    return render_template(
        "dashboard/index.html",
        today=today,
        overdue=overdue,
        due_today=due_today,
        clocks=clocks,
        overdue_total=sum(clock["overdue"] for clock in clocks),
        due_today_total=sum(clock["due_today"] for clock in clocks),
        received=received,
        since=first_month,
        policy_name=policy.name,
        charts=_charts(received, today),
    )


def _charts(received: volumes.Volumes, today: date) -> list[charts.Chart]:
    by_month = dict(received.by_month)
    months = [_months_back(today, back) for back in range(MONTHS - 1, -1, -1)]
    return [
        charts.columns(
            "by-month",
            "Referrals received each month",
            [(month.strftime("%b %Y"), by_month.get(month, 0)) for month in months],
        ),
        charts.bars(
            "by-pathway",
            "By pathway",
            [(PATHWAY_TITLES.get(code, code), count) for code, count in received.by_pathway],
        ),
        charts.bars(
            "by-source",
            "By who referred",
            [(SOURCE_GROUPS.get(group, group), count) for group, count in received.by_source],
        ),
        charts.bars(
            "by-outcome",
            "By decision",
            [
                (OUTCOME_TITLES.get(code, code) if code else "Waiting for a decision", count)
                for code, count in received.by_outcome
            ],
        ),
    ]


def _months_back(today: date, back: int) -> date:
    """The first day of the month ``back`` months before ``today``'s."""
    months = today.year * 12 + today.month - 1 - back
    return date(months // 12, months % 12 + 1, 1)
