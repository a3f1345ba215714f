from datetime import UTC, datetime

from sqlalchemy import func, select

from service.extensions import db
from service.models import Child, Referral, ReferralStatus, Role, User
from service.records import Record, dump_record


def referrals_visible_to(user: User) -> list[Referral]:
    """Practitioners see the referrals they made; managers and admins see all of them."""
    query = select(Referral).order_by(Referral.created_at.desc())
    if user.role == Role.PRACTITIONER:
        query = query.where(Referral.created_by_id == user.id)
    return list(db.session.scalars(query))


def get_visible_referral(referral_id: int, user: User) -> Referral | None:
    referral = db.session.get(Referral, referral_id)
    if referral is None:
        return None
    if user.role == Role.PRACTITIONER and referral.created_by_id != user.id:
        return None
    return referral


def find_or_add_child(record: Record) -> Child | None:
    """The child with the same name and date of birth, else a new one (None if unnamed)."""
    child = record.child
    if not (child.first_name and child.last_name):
        return None
    found = db.session.scalar(
        select(Child).where(
            func.lower(Child.first_name) == child.first_name.lower(),
            func.lower(Child.last_name) == child.last_name.lower(),
            Child.date_of_birth == child.date_of_birth,
        )
    )
    if found is None:
        found = Child(
            first_name=child.first_name,
            last_name=child.last_name,
            date_of_birth=child.date_of_birth,
            postcode=child.postcode,
        )
        db.session.add(found)
    return found


def submit_referral(record: Record, user: User) -> Referral:
    """Store a submitted referral with its searchable columns copied from the record."""
    referral = Referral(
        created_by_id=user.id,
        pathway=record.pathway,
        status=ReferralStatus.SUBMITTED,
        child=find_or_add_child(record),
        child_first_name=record.child.first_name,
        child_last_name=record.child.last_name,
        child_date_of_birth=record.child.date_of_birth,
        referral_date=record.referral.date,
        record=dump_record(record),
        submitted_at=datetime.now(UTC),
    )
    db.session.add(referral)
    db.session.flush()
    return referral
