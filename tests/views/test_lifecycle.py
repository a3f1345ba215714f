"""A referral's life (received → decided → assessed → plan → closed) and a CAF's (open →
complete but not closed → reconvened or closed), driven by what staff record: each move kept
with who made it and in the audit trail, and each move that does not fit refused, saying why,
with nothing changed."""

import pytest
from sqlalchemy import select

from forms.record_fields import RECORDED_LATER
from record.lifecycle import Move, MoveRefused, Stage
from service.actions import closing, deciding, progressing
from service.db import referrals
from service.db.models import AuditEvent, Referral, StageChange
from service.extensions import db
from tests.support.records import DECISION, fresh, submitted, submitted_caf

TO_ASSESSMENT = {**DECISION, "outcome": "ia_further_assessment"}
COMPLEX = {
    "outcome": "in_need_complex",
    "complex_needs": ["many_professionals", "parents_limited"],
    "completed_on": "2026-12-01",
}
MAYA_CHILD = {"first_name": "Maya", "last_name": "Okafor", "date_of_birth": "2014-03-09"}


@pytest.fixture
def referral(full_record_data, practitioner):
    return submitted(full_record_data, practitioner, without=RECORDED_LATER)


def decide(referral, manager, decision=TO_ASSESSMENT):
    deciding.record(referral, {**decision, "referrer_email": None}, manager, None, False)


def moves_of(referral) -> list[tuple[str, str, str]]:
    changes = fresh(referral).stage_changes
    return [(change.move, change.from_stage, change.to_stage) for change in changes]


def audited(referral) -> list[str]:
    query = select(AuditEvent.action).where(
        AuditEvent.object_type == "referral", AuditEvent.object_id == referral.id
    )
    return list(db.session.scalars(query.order_by(AuditEvent.id)))


def refused(referral, act, *args) -> str:
    """Try ``act``; it must be refused with the referral as it was. The reason given."""
    before = (referral.status, len(referral.stage_changes), dict(referral.record))
    with pytest.raises(MoveRefused) as refusal:
        act(referral, *args)
    db.session.rollback()
    after = fresh(referral)
    assert (after.status, len(after.stage_changes), dict(after.record)) == before
    return str(refusal.value)


def test_a_referral_goes_from_received_to_closed_and_each_move_is_kept(referral, manager):
    assert referral.status == Stage.RECEIVED
    decide(referral, manager)
    assert fresh(referral).status == Stage.DECIDED
    progressing.assess(referral, COMPLEX, manager)
    assert fresh(referral).record["initial_assessment"]["complex_needs"] == [
        "many_professionals",
        "parents_limited",
    ]
    progressing.plan_in_place(referral, manager)
    closing.close(referral, manager, "Plan ended: needs met")

    assert moves_of(referral) == [
        ("submit", "draft", "received"),
        ("decide", "received", "decided"),
        ("assess", "decided", "assessed"),
        ("plan", "assessed", "plan"),
        ("close", "plan", "closed"),
    ]
    assert fresh(referral).stage_changes[-1].user_id == manager.id
    assert fresh(referral).stage_changes[-1].reason == "Plan ended: needs met"
    assert {"decision", "assess", "plan", "close"} <= set(audited(referral))


def test_moves_out_of_order_are_refused_saying_why(referral, manager):
    assert refused(referral, progressing.assess, COMPLEX, manager) == (
        "You cannot record the assessment's outcome: record a decision first"
    )
    assert refused(referral, progressing.plan_in_place, manager) == (
        "You cannot record a plan: record a decision first"
    )
    assert "on a referral" in refused(referral, progressing.request_specialist, "camhs", manager)
    decide(referral, manager)
    assert refused(referral, progressing.plan_in_place, manager) == (
        "You cannot record a plan: record the assessment's outcome first"
    )
    progressing.assess(referral, COMPLEX, manager)
    assert refused(referral, deciding.record, TO_ASSESSMENT, manager, None, False) == (
        "You cannot record a decision: the referral is assessed"
    )
    closing.close(referral, manager, "Moved out of the area")
    assert refused(referral, progressing.plan_in_place, manager) == (
        "You cannot record a plan: the referral is closed"
    )
    assert "the referral is closed" in refused(referral, closing.close, manager, "again")


def test_a_decision_below_the_threshold_leads_to_no_assessment(referral, manager):
    decide(referral, manager, {**DECISION, "outcome": "passed_to_early_help"})
    assert fresh(referral).status == Stage.DECIDED
    assert refused(referral, progressing.assess, COMPLEX, manager) == (
        "You cannot record the assessment's outcome: the decision (passed to the common "
        "assessment framework (caf) / early help process) does not lead to an assessment"
    )


def test_no_plan_follows_an_assessment_that_found_no_child_in_need(referral, manager):
    decide(referral, manager)
    progressing.assess(referral, {"outcome": "not_in_need"}, manager)
    assert refused(referral, progressing.plan_in_place, manager) == (
        "You cannot record a plan: the assessment found the child is not a child in need; "
        "pass it to the CAF"
    )


def test_not_a_child_in_need_with_consent_opens_a_linked_caf_and_closes_the_referral(
    referral, manager
):
    decide(referral, manager)
    caf = progressing.assess(
        referral, {"outcome": "not_in_need", "family_consents_to_caf": True}, manager
    )
    assert caf.pathway == "early_help" and caf.status == Stage.OPEN
    assert caf.opened_from_id == referral.id
    assert caf.record["child"] == fresh(referral).record["child"]
    assert fresh(referral).status == Stage.CLOSED
    assert fresh(referral).close_reason == f"Not a child in need: passed to the CAF ({caf.id})"


def review(progress: str) -> dict:
    return {
        "review_date": "2027-01-22",
        "progress": progress,
        "changes": "none",
        "next_review_date": None,
    }


def test_a_caf_is_complete_but_not_closed_until_the_specialist_outcome_is_known(
    practitioner, example_record_data, full_record_data
):
    caf = submitted_caf(example_record_data, practitioner, tac_plan=full_record_data["tac_plan"])
    assert caf.status == Stage.OPEN
    progressing.request_specialist(caf, "camhs", practitioner)
    assert fresh(caf).status == Stage.COMPLETE
    assert refused(caf, progressing.request_specialist, "camhs", practitioner) == (
        "You cannot record a request to a specialist service: the CAF is complete, waiting "
        "for the specialist service's outcome"
    )
    assert refused(caf, progressing.assess, COMPLEX, practitioner) == (
        "You cannot record the assessment's outcome on a CAF"
    )
    progressing.tac_review(caf, review("CAMHS declined: the plan is revised"), False, practitioner)
    assert fresh(caf).status == Stage.OPEN
    progressing.tac_review(caf, review("Attendance is back to 97%"), True, practitioner)
    assert fresh(caf).status == Stage.CLOSED

    assert moves_of(caf) == [
        ("submit", "draft", "open"),
        ("request_specialist", "open", "complete"),
        ("reconvene", "complete", "open"),
        ("close", "open", "closed"),
    ]
    assert fresh(caf).stage_changes[1].reason == "camhs"
    assert fresh(caf).close_reason == "TAC review: needs met. Attendance is back to 97%"
    assert {"request_specialist", "reconvene", "close"} <= set(audited(caf))
    earlier = len(full_record_data["tac_plan"]["reviews"])
    assert len(fresh(caf).record["tac_plan"]["reviews"]) == earlier + 2
    assert "the CAF is closed" in refused(
        caf, progressing.tac_review, review("again"), False, practitioner
    )


def test_a_complete_caf_still_stops_a_second_one_for_the_child(practitioner, example_record_data):
    caf = submitted_caf(example_record_data, practitioner, child=MAYA_CHILD)
    progressing.request_specialist(caf, "camhs", practitioner)
    other = Referral(pathway="early_help", record={"pathway": "early_help", "child": MAYA_CHILD})
    assert referrals.open_cafs_for(other) == [fresh(caf)]


def test_each_move_is_recorded_once_in_the_history(referral, manager):
    decide(referral, manager)
    decide(referral, manager)  # a decision changed: a second decide, still decided
    history = db.session.scalars(
        select(StageChange.move).where(StageChange.referral_id == referral.id)
    ).all()
    assert history == [Move.SUBMIT, Move.DECIDE, Move.DECIDE]
