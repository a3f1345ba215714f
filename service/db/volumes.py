"""How many referrals a team received, counted by month, pathway, source and decision: the
figures behind the manager's dashboard charts. Each count is one GROUP BY in the database over
the referrals the viewer sees, so 10,000 referrals cost no more than a few."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from record.sources import source_group
from service import permissions
from service.db.models import Referral, User
from service.extensions import db

UNDECIDED = ""  # the outcome of a referral still waiting for its decision


@dataclass
class Volumes:
    """Referrals received since a day, counted four ways (each as (key, count), largest first,
    months in order)."""

    by_month: list[tuple[date, int]]
    by_pathway: list[tuple[str, int]]
    by_source: list[tuple[str, int]]
    by_outcome: list[tuple[str, int]]
    total: int


def _month(column):
    """The first day of the month of ``column``, as the database counts it."""
    if db.engine.dialect.name == "postgresql":
        return func.date_trunc("month", func.timezone("Europe/London", column))
    return func.strftime("%Y-%m-01", column)


def received_since(user: User, since: datetime) -> Volumes:
    received = [Referral.submitted_at >= since, permissions.sees(user)]

    def counted(key) -> list[tuple]:
        query = select(key, func.count()).where(*received).group_by(key)
        return [(value, count) for value, count in db.session.execute(query)]

    months = Counter()
    for month, count in counted(_month(Referral.submitted_at)):
        months[_first_of(month)] += count
    sources = Counter()
    for code, count in counted(Referral.source):
        sources[source_group(code)] += count
    outcome = Referral.record["decision"]["outcome"].as_string()
    outcomes = Counter({value or UNDECIDED: count for value, count in counted(outcome)})
    pathways = Counter(dict(counted(Referral.pathway)))
    return Volumes(
        by_month=sorted(months.items()),
        by_pathway=pathways.most_common(),
        by_source=sources.most_common(),
        by_outcome=outcomes.most_common(),
        total=sum(pathways.values()),
    )


def _first_of(month) -> date:
    if isinstance(month, str):
        return date.fromisoformat(month)
    return month.date() if isinstance(month, datetime) else month
