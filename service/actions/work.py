"""The end of a piece of work done in a request or a command."""

from service.db import audit
from service.extensions import db


def done(
    action: str,
    object_type: str | None = None,
    object_id: int | None = None,
    outcome: str = "success",
    user_id: int | None = None,
) -> None:
    """Commit what was just done (a change, or only a record seen or refused) with its audit
    event, in one transaction: the trail never lacks a change nor shows one that did not happen."""
    audit.record_event(action, object_type, object_id, outcome=outcome, user_id=user_id)
    db.session.commit()
