"""Referrals as tests make them: a record submitted by a user (a CAF for a given child among
them), committed; a decision and a TAC plan as a manager and a lead professional record them;
the referral and its documents as the database holds them now."""

from collections.abc import Collection

from sqlalchemy import func, select

from record import Pathway, load_record
from service.db import referrals
from service.db.models import Document, Referral, User
from service.extensions import db


def submitted(record_data: dict, by: User, without: Collection[str] = ()) -> Referral:
    """A referral of ``record_data`` (less the parts named in ``without``) submitted by ``by``."""
    data = {key: value for key, value in record_data.items() if key not in without}
    made = referrals.submit_referral(load_record(data), by)
    db.session.commit()
    return made


def fresh(referral):
    """The referral as the database holds it now (requests run in their own sessions)."""
    db.session.refresh(referral)
    return referral


def documents_of(referral, kind: str) -> list[Document]:
    query = select(Document).where(Document.referral_id == referral.id, Document.kind == kind)
    return list(db.session.scalars(query.order_by(Document.version)))


DECISION = {
    "outcome": "signposted",
    "reasons": "The GP confirmed a medical cause for the bruising.",
    "threshold_not_met_reason": "No reasonable cause to suspect significant harm.",
    "other_support": "The children's centre parenting group.",
    "referrer_email": "",
}


TAC_PLAN = {
    "meeting_date": ["20", "11", "2026"],
    "needs": "A calm routine at home time.",
    "outcomes": "Leo can tell adults how he feels.",
    "review_date": ["22", "1", "2027"],
    "shared_with": "Kerry Brennan (mother)\nChesham Park Primary",
    "family_has_copy": "yes",
    "actions-0-who": "Hannah Cole",
    "actions-0-what": "Visit the family weekly & report <back>",
    "actions-0-by_when": ["4", "12", "2026"],
}


MAYA = {"first_name": "Maya", "last_name": "Okafor", "date_of_birth": ["9", "3", "2014"]}


def submitted_caf(data: dict, made_by, **changes) -> Referral:
    """A CAF submitted in one step, as an import or the API makes one; ``changes`` to its parts."""
    made = referrals.submit_referral(
        load_record({**data, "pathway": "early_help", **changes}), made_by
    )
    db.session.commit()
    return made


def referrals_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Referral))


#: the specialist services' pathways, as the guidance lists them (seed 000)
SPECIALIST = [
    Pathway.CAMHS,
    Pathway.SEN_ASSESSMENT,
    Pathway.DRUG_ALCOHOL,
    Pathway.YOUTH_OFFENDING,
    Pathway.DISABLED_CHILDREN,
    Pathway.PAEDIATRIC_HEALTH,
]
