import copy
from dataclasses import dataclass
from datetime import UTC, date, datetime

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from record import DecisionOutcome, Pathway, Record, dump_record, load_record
from record.lifecycle import OPEN_STAGES, Move, Stage, next_stage
from record.matching import birthday_readings, name_matches, same_child
from record.sources import referral_source
from record.titles import OUTCOME_TITLES
from service import permissions
from service.db import audit, deadlines
from service.db.models import Child, Referral, StageChange, User
from service.extensions import db

#: Outcomes after which Front Door does nothing more for the child, so the referral closes. Early
#: help, services for a child in need, a section 47 enquiry, a further assessment and child
#: protection action all go on, and keep it open.
ENDS_INVOLVEMENT = frozenset(
    {
        DecisionOutcome.NO_FURTHER_ACTION_ADVICE,
        DecisionOutcome.SIGNPOSTED,
        DecisionOutcome.IA_NO_FURTHER_ACTION,
    }
)


class SecondOpenCaf(Exception):
    """Refused: the child already has an open CAF (seed 004: never more than one)."""

    def __init__(self, referral: Referral, holders: list[Referral]):
        super().__init__(f"the child has an open CAF: {', '.join(str(h.id) for h in holders)}")
        self.referral = referral
        self.holders = holders


@dataclass
class Found:
    """One page of a search: its referrals and how many there are in all."""

    referrals: list[Referral]
    total: int


def search(user: User, filters: dict, page: int = 1, per_page: int = 50) -> Found:
    """The referrals ``user`` sees that match ``filters`` (name, born, pathway, status, team,
    overdue),
    newest first, one page of them. The database filters what it can; names are matched
    tolerantly (``record.matching.name_matches``) on the names alone, and only the page shown
    is loaded whole."""
    query = select(Referral.id, Referral.child_first_name, Referral.child_last_name)
    query = query.where(permissions.sees(user))
    for column, key in ((Referral.pathway, "pathway"), (Referral.status, "status")):
        if key in filters:
            query = query.where(column == filters[key])
    if "team" in filters:
        query = query.where(func.lower(Referral.team) == filters["team"].lower())
    if "born" in filters:
        query = query.where(Referral.child_date_of_birth.in_(birthday_readings(filters["born"])))
    if filters.get("overdue"):
        query = query.where(Referral.id.in_(deadlines.overdue_referrals(datetime.now(UTC))))
    rows = db.session.execute(query.order_by(Referral.created_at.desc(), Referral.id.desc()))
    ids = [
        row.id
        for row in rows
        if "name" not in filters
        or name_matches(filters["name"], row.child_first_name, row.child_last_name)
    ]
    shown = ids[(page - 1) * per_page : page * per_page]
    loaded = {r.id: r for r in db.session.scalars(select(Referral).where(Referral.id.in_(shown)))}
    return Found([loaded[referral_id] for referral_id in shown], len(ids))


def get_visible_referral(referral_id: int, user: User) -> Referral | None:
    """The referral if ``user`` may see it; None otherwise, exactly as if it did not exist."""
    query = select(Referral).where(Referral.id == referral_id, permissions.sees(user))
    return db.session.scalar(query)


#: the plans of a record, and the event their review date is (service.clocks)
PLAN_REVIEW_DATES = {"tac_plan": "tac_review_date", "cin_plan": "cin_review_date"}


def save_plan(referral: Referral, part: str, plan: dict, user_id: int) -> None:
    """Save a plan (``tac_plan``, ``cin_plan``); its review date sets the review's clock."""
    record_part(referral, part, plan)
    review_date = getattr(load_record(referral.record), part).review_date
    deadlines.dated(referral, PLAN_REVIEW_DATES[part], review_date, user_id)


def add_tac_review(referral: Referral, review: dict, user_id: int) -> None:
    """A review joins the TAC plan's; its next review date becomes the plan's, and the clock
    for the next review runs to it."""
    plan = referral.record["tac_plan"]
    changed = {**plan, "reviews": [*(plan.get("reviews") or []), review]}
    if review["next_review_date"]:
        changed["review_date"] = review["next_review_date"]
    deadlines.happened(referral, "tac_reviewed", user_id=user_id)
    save_plan(referral, "tac_plan", changed, user_id)


def editable_record(referral: Referral) -> dict:
    """A copy of the stored record for a page to change. The stored one is never changed in
    place: SQLAlchemy compares a JSON column by value, so an answer written into the loaded dict
    would look like no change and never be saved."""
    return copy.deepcopy(referral.record or {})


def record_part(referral: Referral, part: str, value) -> None:
    """Replace one part of a submitted referral's record (a decision, a plan), validated."""
    record = editable_record(referral)
    record[part] = value
    save_record(referral, load_record(record))


def get_own_draft(referral_id: int, user: User) -> Referral | None:
    """The draft if ``user`` may change it (``permissions.may_change_draft``), else None."""
    draft = db.session.get(Referral, referral_id)
    return draft if draft is not None and permissions.may_change_draft(draft, user) else None


def find_or_add_child(record: Record) -> Child | None:
    """The child with the same name and date of birth, else a new one (None if unnamed)."""
    child = record.child
    if not (child.first_name and child.last_name):
        return None
    born = child.date_of_birth
    same_birthday = Child.date_of_birth.in_(list(birthday_readings(born))) if born else None
    for known in db.session.scalars(
        select(Child).where(Child.date_of_birth.is_(None) if born is None else same_birthday)
    ):
        known_child = {
            "first_name": known.first_name,
            "last_name": known.last_name,
            "date_of_birth": known.date_of_birth,
            "postcode": known.postcode,
        }
        if same_child(child.model_dump(), known_child):
            return known
    found = Child(
        first_name=child.first_name,
        last_name=child.last_name,
        date_of_birth=child.date_of_birth,
        postcode=child.postcode,
    )
    db.session.add(found)
    return found


def start_draft(pathway: Pathway, user: User) -> Referral:
    """A new draft on ``pathway``, with the referrer filled in from the practitioner's profile."""
    record = load_record(
        {
            "pathway": pathway,
            "referrer": {
                "name": user.full_name,
                "role": user.job_title,
                "agency": user.agency,
                "phone": user.phone,
                "email": user.email,
            },
            "referral": {"date": date.today()},
        }
    )
    return store_draft(record, user)


def store_draft(record: Record, user: User) -> Referral:
    """A draft of ``record`` that only ``user`` sees and changes until it is submitted."""
    referral = Referral(created_by_id=user.id, status=Stage.DRAFT)
    save_record(referral, record)
    db.session.add(referral)
    db.session.flush()
    return referral


def save_record(referral: Referral, record: Record) -> None:
    """Store the record and copy the searchable columns from it."""
    referral.record = dump_record(record)
    flag_modified(referral, "record")  # saved even if something changed the loaded dict in place
    referral.pathway = record.pathway
    referral.child_first_name = record.child.first_name
    referral.child_last_name = record.child.last_name
    referral.child_date_of_birth = record.child.date_of_birth
    referral.referral_date = record.referral.date
    referral.source = record.referrer.source or referral_source(
        record.referrer.role, record.referrer.agency
    )


def move(
    referral: Referral,
    to_make: Move,
    user_id: int | None,
    reason: str | None = None,
    late_reason: str | None = None,
) -> None:
    """Move ``referral`` on in its life, keeping the move in its history; raises MoveRefused,
    changing nothing, for a move it may not make (record.lifecycle says which)."""
    before = referral.status
    referral.status = next_stage(referral.pathway, before, to_make, referral.record or {})
    db.session.add(
        StageChange(
            referral=referral,
            move=to_make,
            from_stage=before,
            to_stage=referral.status,
            reason=reason,
            late_reason=late_reason,
            user_id=user_id,
        )
    )


def submit(referral: Referral) -> None:
    """Raises SecondOpenCaf, before changing anything, for a second open CAF for the child."""
    refuse_second_caf(referral)
    record = load_record(referral.record)
    move(referral, Move.SUBMIT, referral.created_by_id)
    referral.submitted_at = datetime.now(UTC)
    deadlines.happened(referral, "received", referral.submitted_at)
    teams = current_app.config["TEAMS"]
    referral.team = teams.get(record.pathway, current_app.config["DEFAULT_TEAM"])
    referral.child = find_or_add_child(record)


def submit_referral(record: Record, user: User) -> Referral:
    """Store a whole record as a submitted referral in one step (imports, the API)."""
    referral = Referral(created_by_id=user.id, status=Stage.DRAFT)
    save_record(referral, record)
    submit(referral)
    db.session.add(referral)
    db.session.flush()
    return referral


def open_caf_from(referral: Referral, user: User) -> Referral:
    """An Early Help record (a CAF) for the child of ``referral``, opened from it and linked to
    it: the child, household and consent carried over, ``user`` as the referrer. The child's
    open CAF, if they have one already, instead (seed 004: never two)."""
    if holders := open_cafs_for(referral):
        return holders[0]
    source = referral.record or {}
    caf = start_draft(Pathway.EARLY_HELP, user)
    record = editable_record(caf)
    for part in ("child", "household_members", "consent"):
        if part in source:
            record[part] = copy.deepcopy(source[part])
    save_record(caf, load_record(record))
    caf.opened_from_id = referral.id
    submit(caf)
    deadlines.not_needed(caf, "decided", user.id)  # decided already: passed to the CAF
    return caf


def open_cafs_for(referral: Referral) -> list[Referral]:
    """Other open Early Help assessments (CAFs) that look like they are for the same child."""
    child = (referral.record or {}).get("child") or {}
    others = db.session.scalars(
        select(Referral).where(
            Referral.pathway == Pathway.EARLY_HELP,
            Referral.status.in_([Stage.DRAFT, *OPEN_STAGES]),
            Referral.id != referral.id,
        )
    )
    return [
        other
        for other in others
        if not _said_to_differ(referral, other)
        and same_child(child, (other.record or {}).get("child") or {})
    ]


def _said_to_differ(one: Referral, other: Referral) -> bool:
    """Someone answered "this is a different child" for the pair, on either of the two."""
    return other.id in _differs_from(one) or (one.id is not None and one.id in _differs_from(other))


def _differs_from(referral: Referral) -> list[int]:
    return (referral.record or {}).get("not_the_same_child_as") or []


def refuse_second_caf(referral: Referral) -> None:
    """The one rule for every way a CAF is opened or opened again (the web journey, an import,
    the API, a changed decision): raises SecondOpenCaf naming the open ones."""
    if referral.pathway == Pathway.EARLY_HELP and (holders := open_cafs_for(referral)):
        raise SecondOpenCaf(referral, holders)


def close(referral: Referral, user: User, reason: str) -> None:
    """Front Door's involvement ends; a closed CAF no longer stops another being opened."""
    move(referral, Move.CLOSE, user.id, reason)
    deadlines.not_needed(referral, user_id=user.id)
    _closed_because(referral, user, reason)


def _closed_because(referral: Referral, user: User, reason: str) -> None:
    referral.closed_at = datetime.now(UTC)
    referral.closed_by_id = user.id
    referral.close_reason = reason
    audit.record_event("close", "referral", referral.id, user_id=user.id)


def follow_decision(referral: Referral, outcome_before: str | None, user: User) -> None:
    """A decision that ends Front Door's involvement closes the referral; changing it to one that
    does not opens it again (a slip of the radio button), unless that would be a second open CAF
    (SecondOpenCaf). An explicit closing stays as it is while the outcome does not change."""
    outcome = ((referral.record or {}).get("decision") or {}).get("outcome")
    changed = outcome != outcome_before
    was_open = referral.status != Stage.CLOSED
    reason = f"Decision: {OUTCOME_TITLES.get(outcome, outcome)}"
    if outcome in ENDS_INVOLVEMENT and was_open:
        close(referral, user, reason)
    elif outcome in ENDS_INVOLVEMENT and changed:  # closed again, for the new decision
        _closed_because(referral, user, reason)
    elif changed and outcome_before in ENDS_INVOLVEMENT and not was_open:
        refuse_second_caf(referral)
        move(referral, Move.REOPEN, user.id, "The decision was changed")
        referral.closed_at = referral.closed_by_id = referral.close_reason = None
        audit.record_event("reopen", "referral", referral.id, user_id=user.id)


def discard_draft(referral: Referral) -> None:
    db.session.delete(referral)
