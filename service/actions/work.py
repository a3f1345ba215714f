"""The end of a piece of work done in a request or a command."""

from service.db import audit
from service.extensions import db


def done(*event, **details) -> None:
    """Commit what was just done (a change, or only a record seen or refused) with its audit
    event (``audit.record_event``'s arguments), in one transaction: the trail never lacks a
    change nor shows one that did not happen."""
    audit.record_event(*event, **details)
    db.session.commit()
