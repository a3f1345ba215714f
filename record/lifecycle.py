"""Where a referral or a CAF is in its life, and which moves it may make from there.

A referral is received, decided (seed 002/003 outcomes), assessed (one of the four outcomes of
an initial assessment, seed 003 §1.7), given a plan, and closed. A CAF (an Early Help record) is
open; complete but not closed once a request to a specialist service is made, while its
practitioner monitors until the outcome is known (seed 000); and closed, or reconvened by a TAC
review that revises the plan (seed 004). A move that does not fit where the record is, or what
it holds, is refused with the reason, in words a practitioner can act on.
"""

from __future__ import annotations

from enum import StrEnum

from record.model import THRESHOLD_NOT_MET, DecisionOutcome, InitialAssessmentOutcome, Pathway
from record.titles import OUTCOME_TITLES


class Stage(StrEnum):
    DRAFT = "draft"
    RECEIVED = "received"  # a referral waiting for its decision
    DECIDED = "decided"
    ASSESSED = "assessed"
    PLAN = "plan"
    OPEN = "open"  # a CAF being worked on
    COMPLETE = "complete"  # a CAF complete but not closed: a specialist request is awaited
    CLOSED = "closed"


class Move(StrEnum):
    SUBMIT = "submit"
    DECIDE = "decide"
    ASSESS = "assess"
    PLAN = "plan"
    REQUEST_SPECIALIST = "request_specialist"
    RECONVENE = "reconvene"
    CLOSE = "close"
    REOPEN = "reopen"


#: stages a record is at while Front Door still has work to do on it
OPEN_STAGES = frozenset(
    {Stage.RECEIVED, Stage.DECIDED, Stage.ASSESSED, Stage.PLAN, Stage.OPEN, Stage.COMPLETE}
)

# move -> (the stages it may start from, the stage it ends at; None: where it started)
_REFERRAL = {
    Move.SUBMIT: ({Stage.DRAFT}, Stage.RECEIVED),
    Move.DECIDE: ({Stage.RECEIVED, Stage.DECIDED}, Stage.DECIDED),
    Move.ASSESS: ({Stage.DECIDED, Stage.ASSESSED}, Stage.ASSESSED),
    Move.PLAN: ({Stage.ASSESSED, Stage.PLAN}, Stage.PLAN),
    Move.CLOSE: ({Stage.RECEIVED, Stage.DECIDED, Stage.ASSESSED, Stage.PLAN}, Stage.CLOSED),
    Move.REOPEN: ({Stage.CLOSED}, Stage.DECIDED),
}
_CAF = {
    Move.SUBMIT: ({Stage.DRAFT}, Stage.OPEN),
    Move.DECIDE: ({Stage.OPEN, Stage.COMPLETE}, None),
    Move.REQUEST_SPECIALIST: ({Stage.OPEN}, Stage.COMPLETE),
    Move.RECONVENE: ({Stage.OPEN, Stage.COMPLETE}, Stage.OPEN),
    Move.CLOSE: ({Stage.OPEN, Stage.COMPLETE}, Stage.CLOSED),
    Move.REOPEN: ({Stage.CLOSED}, Stage.OPEN),
}

#: the initial-assessment outcomes a plan follows (a child in need, or harm suspected)
PLANNED = frozenset(
    {
        InitialAssessmentOutcome.HARM_SUSPECTED,
        InitialAssessmentOutcome.IN_NEED_NOT_COMPLEX,
        InitialAssessmentOutcome.IN_NEED_COMPLEX,
    }
)

#: where a referral or CAF is in its life (record.lifecycle), as its tag on a page says it
STAGE_TITLES = {
    Stage.DRAFT: "Draft",
    Stage.RECEIVED: "Received",
    Stage.DECIDED: "Decided",
    Stage.ASSESSED: "Assessed",
    Stage.PLAN: "Plan in place",
    Stage.OPEN: "Open",
    Stage.COMPLETE: "Complete, not closed",
    Stage.CLOSED: "Closed",
}

_STAGE_WORDS = {
    Stage.DRAFT: "a draft not yet sent",
    Stage.RECEIVED: "waiting for a decision",
    Stage.DECIDED: "decided",
    Stage.ASSESSED: "assessed",
    Stage.PLAN: "under a plan",
    Stage.OPEN: "open",
    Stage.COMPLETE: "complete, waiting for the specialist service's outcome",
    Stage.CLOSED: "closed",
}
_MOVE_WORDS = {
    Move.SUBMIT: "send it",
    Move.DECIDE: "record a decision",
    Move.ASSESS: "record the assessment's outcome",
    Move.PLAN: "record a plan",
    Move.REQUEST_SPECIALIST: "record a request to a specialist service",
    Move.RECONVENE: "reconvene the Team Around the Child",
    Move.CLOSE: "close it",
    Move.REOPEN: "open it again",
}


# a referral's stages in the order it passes them, and what is to be done at each before a move
# meant for a later one
_ORDER = [Stage.DRAFT, Stage.RECEIVED, Stage.DECIDED, Stage.ASSESSED, Stage.PLAN, Stage.CLOSED]
_COMES_FIRST = {
    Stage.RECEIVED: "record a decision first",
    Stage.DECIDED: "record the assessment's outcome first",
}


class MoveRefused(Exception):
    """The move does not fit the record; the message says why and what to do instead."""


def is_caf(pathway: str) -> bool:
    return pathway == Pathway.EARLY_HELP


def next_stage(pathway: str, stage: str, move: Move, record: dict) -> Stage:
    """The stage ``move`` takes a record of ``pathway`` at ``stage`` to; MoveRefused if it may
    not make it from there, or without what the record holds (``record``: its JSON form)."""
    moves = _CAF if is_caf(pathway) else _REFERRAL
    kind = "a CAF" if is_caf(pathway) else "a referral"
    if move not in moves:
        raise MoveRefused(f"You cannot {_MOVE_WORDS[move]} on {kind}")
    starts, ends = moves[move]
    if stage in _COMES_FIRST and _ORDER.index(stage) < min(map(_ORDER.index, starts)):
        raise MoveRefused(f"You cannot {_MOVE_WORDS[move]}: {_COMES_FIRST[stage]}")
    if stage not in starts:
        raise MoveRefused(
            f"You cannot {_MOVE_WORDS[move]}: the {kind.split()[-1]} is "
            f"{_STAGE_WORDS[Stage(stage)]}"
        )
    if reason := _missing_for(move, record):
        raise MoveRefused(f"You cannot {_MOVE_WORDS[move]}: {reason}")
    return Stage(stage) if ends is None else ends


def allows(pathway: str, stage: str, move: Move, record: dict) -> bool:
    """Whether ``next_stage`` would take the move: pages offer only the moves that fit."""
    try:
        next_stage(pathway, stage, move, record)
    except MoveRefused:
        return False
    return True


def _missing_for(move: Move, record: dict) -> str | None:
    outcome = (record.get("decision") or {}).get("outcome")
    assessed = (record.get("initial_assessment") or {}).get("outcome")
    if move == Move.ASSESS and outcome in THRESHOLD_NOT_MET:
        title = OUTCOME_TITLES[DecisionOutcome(outcome)]
        return f"the decision ({title.lower()}) does not lead to an assessment"
    if move == Move.PLAN and assessed not in PLANNED:
        if assessed == InitialAssessmentOutcome.NOT_IN_NEED:
            return "the assessment found the child is not a child in need; pass it to the CAF"
        return "record the assessment's outcome first"
    return None
