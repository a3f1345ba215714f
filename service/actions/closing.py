"""Ending a referral's life at the front door: closing one, or deleting a draft never sent."""

from service.actions import work
from service.db import referrals
from service.db.models import Referral, User
from service.extensions import db


def close(referral: Referral, user: User, reason: str) -> None:
    referrals.close(referral, user, reason)  # audited with the change
    db.session.commit()


def discard_draft(draft: Referral) -> None:
    referrals.discard_draft(draft)
    work.done("discard", "referral", draft.id)
