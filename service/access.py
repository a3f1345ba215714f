"""The one way a page or an API call reaches a referral or a document: only when the signed-in
user may see it (``service.permissions`` decides by their relationship to it), else "not found",
exactly as if it did not exist. Refusals are audited: trying ids is how records get reached that
should not be.
"""

from flask import abort
from flask_login import current_user

from service.actions import work
from service.db import documents, referrals
from service.db.models import Document, Referral


def _refuse(action: str, object_type: str, object_id: int):
    work.done(action, object_type, object_id, outcome="refused")
    abort(404)


def referral_or_404(referral_id: int, action: str = "view") -> Referral:
    referral = referrals.get_visible_referral(referral_id, current_user)
    if referral is None:
        _refuse(action, "referral", referral_id)
    return referral


def own_draft_or_404(referral_id: int, action: str = "change") -> Referral:
    """A draft, which only the practitioner who started it may see or change."""
    draft = referrals.get_own_draft(referral_id, current_user)
    if draft is None:
        _refuse(action, "referral", referral_id)
    return draft


def document_or_404(document_id: int, action: str = "view", load=()) -> Document:
    """The document, with the deferred columns in ``load`` (its contents) read at once."""
    document = documents.get_document(document_id, load)
    if (
        document is None
        or referrals.get_visible_referral(document.referral_id, current_user) is None
    ):
        _refuse(action, "document", document_id)
    return document
