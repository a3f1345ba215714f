"""Making a referral: a draft kept for its maker to finish, and its submission, which starts
its clocks and acknowledges it to the referrer. The web's pages and the API share these."""

from record import Record
from service.actions import work
from service.db import referrals
from service.db.models import Referral, User
from service.jobs import queues


def keep_draft(record: Record, user: User) -> Referral:
    draft = referrals.store_draft(record, user)
    work.done("create", "referral", draft.id)
    return draft


def submit(draft: Referral) -> None:
    """Raises ``referrals.SecondOpenCaf``, changing nothing, for a second open CAF for the
    child. The acknowledgement is queued once the submission is committed."""
    referrals.submit(draft)
    work.done("submit", "referral", draft.id)
    queues.enqueue_acknowledgement(draft.id)
