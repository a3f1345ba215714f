"""Working days: Monday to Friday less the bank holidays of one part of the UK, substitute days
and one-off holidays included, from the ``holidays`` package's tables (kept in the package, so
no network is needed and an upgrade brings newly announced days)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from zoneinfo import ZoneInfo

import holidays

#: the clocks count days as people in England and Wales live them: a referral received at 23:30
#: BST on a Friday is received on Friday, not on Saturday in UTC
LOCAL_TIME = ZoneInfo("Europe/London")

# the bank-holiday calendars a policy may name, as ``holidays.UK`` subdivisions: England and
# Wales share theirs
BANK_HOLIDAYS = {
    "england-and-wales": "ENG",
    "scotland": "SCT",
    "northern-ireland": "NIR",
}


def as_utc(moment: dt.datetime) -> dt.datetime:
    """An aware UTC time (SQLite gives back naive times, stored in UTC)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def local(moment: dt.datetime) -> dt.datetime:
    """A stored time as people here read it."""
    return as_utc(moment).astimezone(LOCAL_TIME)


class WorkingDays:
    """Counting in working days on one bank-holiday calendar."""

    def __init__(self, calendar: str = "england-and-wales") -> None:
        self.calendar = calendar

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        return holidays.UK(subdiv=BANK_HOLIDAYS[self.calendar])

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def holiday(self, day: dt.date) -> str | None:
        """The bank holiday's name ("Boxing Day (observed)"), or None."""
        return self._holidays.get(day)

    def add(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start`` ("within 1 working day" of a Thursday
        is the Friday); ``start`` itself, or the next working day, when ``days`` is 0."""
        day = start
        if days == 0:
            while not self.is_working_day(day):
                day += dt.timedelta(days=1)
            return day
        while days:
            day += dt.timedelta(days=1)
            days -= self.is_working_day(day)
        return day

    def count(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if ``end`` is not later)."""
        return sum(
            self.is_working_day(start + dt.timedelta(days=n))
            for n in range(1, (end - start).days + 1)
        )
