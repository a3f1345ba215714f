"""The statutory clocks as policy data, one YAML file per authority: each clock names what
starts it and how long it runs, in working days, calendar days or hours. The file is checked
when Front Door starts; a broken one stops it with the file and the problem named.

Shipped: ``working-together-2023.yaml`` (the default) and ``initial-assessment-2008.yaml``
(seed 003's older "24 hours" decision and "7 working days" initial assessment).
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from service.clocks.calendar import BANK_HOLIDAYS, LOCAL_TIME, WorkingDays
from service.config import StartupError, load_checked_yaml

DEFAULT_POLICY = Path(__file__).parent / "working-together-2023.yaml"

# what can start or stop a clock, as the lifecycle records it
EVENTS = {
    "received": "the referral reaches the front door",
    "decided": "the decision on the referral is recorded",
    "assessed": "the initial assessment's outcome is recorded",
    "harm_suspected": "a decision or an assessment suspects the child suffers significant harm",
    "strategy_discussion": "the strategy discussion is held",
    "initial_conference": "the initial child protection conference is held",
    "tac_review_date": "the date a TAC plan sets for its review",
    "tac_reviewed": "a review of the TAC plan is recorded",
    "cin_review_date": "the date a child in need plan sets for its review",
}

#: events that are a date someone set rather than something that happened: a clock they start
#: runs to that date, and setting another date moves it rather than starting a second one
DATED_EVENTS = frozenset({"tac_review_date", "cin_review_date"})


class PolicyError(StartupError):
    """A clocks policy file is broken; the message names the file and what is wrong."""


class Length(BaseModel):
    """How long a clock runs: exactly one of the three."""

    model_config = ConfigDict(extra="forbid")

    working_days: int | None = Field(default=None, ge=0)
    calendar_days: int | None = Field(default=None, ge=0)
    hours: int | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _one_unit(self) -> Length:
        given = [unit for unit, value in self.model_dump().items() if value is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of working_days, calendar_days or hours")
        return self


class Clock(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    starts: str
    stops: str
    length: Length
    #: a referral's clock, a CAF's (an Early Help record), or both
    applies_to: Literal["referrals", "cafs", "both"] = "both"
    source: str = ""  # the guidance it comes from, shown beside it

    @field_validator("starts", "stops")
    @classmethod
    def _known_event(cls, event: str) -> str:
        if event not in EVENTS:
            raise ValueError(f"'{event}' is not an event; events: {', '.join(EVENTS)}")
        return event

    def applies(self, caf: bool) -> bool:
        return self.applies_to == "both" or self.applies_to == ("cafs" if caf else "referrals")

    def due(self, started: dt.datetime, days: WorkingDays) -> dt.date | dt.datetime:
        """When the clock started at ``started`` runs out: a day, or a time for hours."""
        if self.length.hours is not None:
            return started + dt.timedelta(hours=self.length.hours)
        if self.length.calendar_days is not None:
            return started.date() + dt.timedelta(days=self.length.calendar_days)
        return days.add(started.date(), self.length.working_days)

    def runs_out(self, started: dt.datetime, days: WorkingDays) -> tuple[dt.date, dt.datetime]:
        """The day it is due and the moment it is overdue (UTC), for a clock started at
        ``started`` (local time): a clock in days runs to the end of its last day."""
        due = self.due(started, days)
        if isinstance(due, dt.datetime):
            return due.date(), due.replace(tzinfo=LOCAL_TIME).astimezone(dt.UTC)
        end = dt.datetime.combine(due + dt.timedelta(days=1), dt.time(), LOCAL_TIME)
        return due, end.astimezone(dt.UTC)


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    bank_holidays: Literal[tuple(BANK_HOLIDAYS)] = "england-and-wales"
    clocks: dict[str, Clock]

    @model_validator(mode="after")
    def _names(self) -> Policy:
        for name in self.clocks:
            if not name.isidentifier() or not name.islower():
                raise ValueError(f"clock '{name}': a name is lower case letters and underscores")
        return self

    def started_by(self, event: str, caf: bool) -> dict[str, Clock]:
        return {n: c for n, c in self.clocks.items() if c.starts == event and c.applies(caf)}

    def stopped_by(self, event: str) -> set[str]:
        return {name for name, clock in self.clocks.items() if clock.stops == event}

    def title(self, name: str) -> str:
        """A clock's title; a clock a later policy dropped keeps its name, in words."""
        clock = self.clocks.get(name)
        return clock.title if clock else name.replace("_", " ").capitalize()

    def working_days(self) -> WorkingDays:
        """The policy's one calendar: its table of bank holidays costs milliseconds to build,
        and every clock started counts on it."""
        return self._calendar

    @cached_property
    def _calendar(self) -> WorkingDays:
        return WorkingDays(self.bank_holidays)

    def deadlines(self, events: dict[str, dt.datetime]) -> dict[str, dt.date | dt.datetime]:
        """Each clock's due date (``<clock>_due``) of those whose starting event is given."""
        days = self.working_days()
        return {
            f"{name}_due": clock.due(events[clock.starts], days)
            for name, clock in self.clocks.items()
            if clock.starts in events
        }


def load_policy(path: Path | str = DEFAULT_POLICY) -> Policy:
    """Read and check a clocks policy file; raise PolicyError saying what is wrong."""
    return load_checked_yaml(Path(path), Policy, PolicyError)
