"""Moving a referral or a CAF on in its life after its decision (record.lifecycle says which
moves fit where): the initial assessment's outcome, a plan in place, a CAF's request to a
specialist service and the TAC review that closes it or reconvenes; the child protection steps
that follow suspected harm. A move that does not fit raises MoveRefused before anything is
changed."""

from datetime import date

from record.lifecycle import Move, Stage, allows, next_stage
from record.model import THRESHOLD_NOT_MET, DecisionOutcome, InitialAssessmentOutcome
from record.titles import OUTCOME_TITLES
from service.actions import work
from service.db import deadlines, referrals
from service.db.models import Referral, User


def assess(
    referral: Referral, assessment: dict, user: User, late_reason: str | None = None
) -> Referral | None:
    """Record the initial assessment's outcome (seed 003 §1.7). A child found not to be in need
    whose family consents is passed to the CAF (§1.3, §1.9): an Early Help record is opened for
    them, linked to this referral, which closes. Returns that Early Help record, if any."""
    referrals.move(referral, Move.ASSESS, user.id, late_reason=late_reason)
    referrals.record_part(referral, "initial_assessment", assessment)
    deadlines.happened(referral, "assessed", user_id=user.id, late_reason=late_reason)
    caf = None
    outcome = InitialAssessmentOutcome(assessment["outcome"])
    if outcome == InitialAssessmentOutcome.HARM_SUSPECTED:
        deadlines.happened(referral, "harm_suspected", user_id=user.id)
    if outcome == InitialAssessmentOutcome.NOT_IN_NEED and assessment.get("family_consents_to_caf"):
        caf = referrals.open_caf_from(referral, user)
        referrals.close(referral, user, f"Not a child in need: passed to the CAF ({caf.id})")
    work.done(Move.ASSESS, "referral", referral.id)
    return caf


def plan_in_place(referral: Referral, user: User) -> None:
    """A child in need or child protection plan now governs the work (after an assessment)."""
    referrals.move(referral, Move.PLAN, user.id)
    work.done(Move.PLAN, "referral", referral.id)


def cin_plan_refused(referral: Referral) -> str | None:
    """Why a child in need plan cannot be recorded on ``referral``: its decision found the
    threshold not met (no further action, signposted, passed to early help)."""
    outcome = ((referral.record or {}).get("decision") or {}).get("outcome")
    if outcome in THRESHOLD_NOT_MET:
        title = OUTCOME_TITLES[DecisionOutcome(outcome)]
        return f"A child in need plan does not follow this decision: {title}"
    return None


def cin_plan_saved(referral: Referral, user: User) -> None:
    """An assessed child in need's plan, once saved, puts the referral under its plan (the
    caller commits)."""
    if referral.status == Stage.ASSESSED and allows(
        referral.pathway, referral.status, Move.PLAN, referral.record
    ):
        referrals.move(referral, Move.PLAN, user.id, "Child in need plan recorded")


def request_specialist(caf: Referral, service: str, user: User) -> None:
    """The CAF's practitioner asked a specialist service for help (seed 000): the CAF is complete
    but not closed, and they keep monitoring until the outcome is known."""
    referrals.move(caf, Move.REQUEST_SPECIALIST, user.id, service)
    work.done(Move.REQUEST_SPECIALIST, "referral", caf.id)


def tac_review(caf: Referral, review: dict, needs_met: bool, user: User) -> None:
    """A CAF's TAC review (seed 004): the needs are met and the CAF closes, or the team
    reconvenes with the plan revised and the CAF is open again."""
    summary = review.get("progress") or ""
    to_make = Move.CLOSE if needs_met else Move.RECONVENE
    next_stage(caf.pathway, caf.status, to_make, caf.record)  # refused before anything changes
    referrals.add_tac_review(caf, review, user.id)
    if needs_met:
        referrals.close(caf, user, f"TAC review: needs met. {summary}".strip())
    else:
        referrals.move(caf, Move.RECONVENE, user.id, summary or None)
    work.done(Move.CLOSE if needs_met else Move.RECONVENE, "referral", caf.id)


def child_protection_step(
    referral: Referral, event: str, held_on: date, user: User, late_reason: str | None
) -> None:
    """A strategy discussion or an initial child protection conference (``event``) was held on
    ``held_on``: it stops its clock (late if after its day) and starts the next one's."""
    record = referral.record.get("child_protection") or {}
    referrals.record_part(referral, "child_protection", {**record, STEPS[event]: held_on})
    at = deadlines.on_the_day(held_on)
    deadlines.happened(referral, event, at=at, user_id=user.id, late_reason=late_reason)
    work.done(event, "referral", referral.id)


#: the child protection steps, and where the record keeps the day each was held
STEPS = {
    "strategy_discussion": "strategy_discussion_on",
    "initial_conference": "initial_conference_on",
}
