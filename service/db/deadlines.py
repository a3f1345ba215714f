"""The statutory clocks run on each referral: the active policy (``service.clocks``) applied as
the lifecycle's events happen. An event first stops the clocks it ends (late ones keep the
reason given), then starts those it begins; closing a referral ends its running clocks as not
needed. What is due and overdue is then read from the rows, not counted again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from flask import current_app
from sqlalchemy import func, select

from record.lifecycle import Stage, is_caf
from record.titles import day_month_year
from service import permissions
from service.clocks.calendar import LOCAL_TIME, as_utc, local
from service.clocks.policy import DATED_EVENTS, Clock, Policy
from service.db.models import Deadline, DeadlineOutcome, Referral, User
from service.extensions import db


def policy() -> Policy:
    return current_app.extensions["clocks"]


def running(referral: Referral) -> list[Deadline]:
    return [deadline for deadline in referral.deadlines if deadline.stopped_at is None]


def overdue_stopped_by(
    referral: Referral, event: str, at: datetime | None = None
) -> list[Deadline]:
    """The running clocks ``event`` would stop that have run out by ``at`` (now if not given):
    the page recording it asks why it is late."""
    at = as_utc(at or datetime.now(UTC))
    return [d for d in running_stopped_by(referral, event) if as_utc(d.due_at) <= at]


def overdue_titles(referral: Referral, event: str, at: datetime | None = None) -> list[str]:
    """The overdue clocks ``event`` would stop, in words: "Decision on the referral, due 8 June
    2026"."""
    rules = policy()
    return [
        f"{rules.title(d.clock)}, due {day_month_year(d.due_on)}"
        for d in overdue_stopped_by(referral, event, at)
    ]


def running_stopped_by(referral: Referral, event: str) -> list[Deadline]:
    ends = policy().stopped_by(event)
    return [deadline for deadline in running(referral) if deadline.clock in ends]


def on_the_day(day: date) -> datetime:
    """A day given without a time (a meeting held on it), as the start of that day here."""
    return datetime.combine(day, datetime.min.time(), LOCAL_TIME)


def happened(
    referral: Referral,
    event: str,
    at: datetime | None = None,
    user_id: int | None = None,
    late_reason: str | None = None,
) -> None:
    """``event`` happened to ``referral`` at ``at`` (now if not given)."""
    at = as_utc(at or datetime.now(UTC))
    for deadline in running_stopped_by(referral, event):
        _stop(deadline, at, user_id, late_reason)
    for name, clock in policy().started_by(event, is_caf(referral.pathway)).items():
        if not any(deadline.clock == name for deadline in running(referral)):
            _start(referral, name, clock, at)


def dated(referral: Referral, event: str, day: date | None, user_id: int | None) -> None:
    """A plan set the date ``event`` names (a review date): the clock runs to that day. A new
    date set before the old one comes moves it; set on the day or after, the review it waited
    for is taken as held, and the clock for the next one starts."""
    if day is None or event not in DATED_EVENTS:
        return
    now = datetime.now(UTC)
    for name, clock in policy().started_by(event, is_caf(referral.pathway)).items():
        current = [d for d in running(referral) if d.clock == name]
        if current and current[0].due_on == day:
            continue
        if current and local(now).date() < current[0].due_on:
            referral.deadlines.remove(current[0])  # a delete-orphan: gone at the next flush
        elif current:
            _stop(current[0], now, user_id, None)
        _start(referral, name, clock, on_the_day(day))


def _start(referral: Referral, name: str, clock: Clock, at: datetime) -> None:
    if referral.status == Stage.CLOSED:
        return
    due_on, due_at = clock.runs_out(local(at).replace(tzinfo=None), policy().working_days())
    referral.deadlines.append(
        Deadline(clock=name, started_at=as_utc(at), due_on=due_on, due_at=due_at)
    )


def not_needed(
    referral: Referral, stopped_by: str | None = None, user_id: int | None = None
) -> None:
    """End the running clocks (those ``stopped_by`` would stop, or all): no longer needed."""
    ends = policy().stopped_by(stopped_by) if stopped_by else None
    for deadline in running(referral):
        if ends is None or deadline.clock in ends:
            deadline.stopped_at = datetime.now(UTC)
            deadline.outcome = DeadlineOutcome.NOT_NEEDED
            deadline.stopped_by_id = user_id


def _stop(deadline: Deadline, at: datetime, user_id: int | None, late_reason: str | None):
    deadline.stopped_at = at
    deadline.stopped_by_id = user_id
    late = at >= as_utc(deadline.due_at)
    deadline.outcome = DeadlineOutcome.LATE if late else DeadlineOutcome.MET
    deadline.late_reason = late_reason if late else None


def overdue_referrals(now: datetime):
    """The ids of referrals with a clock run out and still running, as a subquery."""
    return select(Deadline.referral_id).where(Deadline.stopped_at.is_(None), Deadline.due_at <= now)


@dataclass
class Timescale:
    """One clock of a referral as its page shows it."""

    title: str
    due_on: date
    state: str  # running, overdue, met, late, not_needed
    late_reason: str | None


def described(referral: Referral, now: datetime | None = None) -> list[Timescale]:
    now = now or datetime.now(UTC)
    rules = policy()
    return [
        Timescale(
            rules.title(d.clock),
            d.due_on,
            d.outcome or ("overdue" if as_utc(d.due_at) <= now else "running"),
            d.late_reason,
        )
        for d in referral.deadlines
    ]


@dataclass
class Due:
    """A running clock on a referral the viewer sees, for the dashboard's lists."""

    deadline: Deadline
    referral: Referral
    title: str


def running_for(user: User, since: datetime | None, until: datetime, limit: int) -> list[Due]:
    """The first ``limit`` running clocks, soonest due first, of the referrals ``user`` sees
    that run out after ``since`` (any time if None) and by ``until``."""
    query = (
        select(Deadline, Referral)
        .join(Referral, Deadline.referral_id == Referral.id)
        .where(Deadline.stopped_at.is_(None), Deadline.due_at <= until, permissions.sees(user))
        .order_by(Deadline.due_at, Deadline.id)
        .limit(limit)
    )
    if since is not None:
        query = query.where(Deadline.due_at > since)
    rules = policy()
    return [Due(d, r, rules.title(d.clock)) for d, r in db.session.execute(query)]


def counts_for(user: User, now: datetime, tomorrow: datetime) -> dict[str, dict[str, int]]:
    """Per clock, how many running ones are overdue at ``now`` and how many run out later today
    (by the start of ``tomorrow``, when a clock due today runs out): {"decision": {"overdue": 2,
    "due_today": 1}, …}."""
    overdue = func.sum(db.case((Deadline.due_at <= now, 1), else_=0))
    query = (
        select(Deadline.clock, overdue, func.count())
        .join(Referral, Deadline.referral_id == Referral.id)
        .where(Deadline.stopped_at.is_(None), Deadline.due_at <= tomorrow, permissions.sees(user))
        .group_by(Deadline.clock)
    )
    return {
        clock: {"overdue": int(late or 0), "due_today": total - int(late or 0)}
        for clock, late, total in db.session.execute(query)
    }
