"""Referrals as tests make them: a record submitted by a user, committed."""

from collections.abc import Collection

from record import load_record
from service.db import referrals
from service.db.models import Referral, User
from service.extensions import db


def submitted(record_data: dict, by: User, without: Collection[str] = ()) -> Referral:
    """A referral of ``record_data`` (less the parts named in ``without``) submitted by ``by``."""
    data = {key: value for key, value in record_data.items() if key not in without}
    made = referrals.submit_referral(load_record(data), by)
    db.session.commit()
    return made
