"""Sharing a referral's document with another agency, only where the record allows it (seed 000,
seed 002): the family's consent to information sharing; or, on the Section 47 pathway, where
consent is not needed, with the recorded decision on informing the family and its reason shown
to whoever shares. The document goes as an e-mailed link (service/delivery/links.py), never
attached."""

from dataclasses import dataclass

from record import Pathway, Record, load_record
from record.titles import day_month_year
from service.db import audit
from service.db.models import Document, FeedbackLink, Referral, User
from service.delivery import links


@dataclass(frozen=True)
class Verdict:
    """Whether the record allows sharing, and why, in words shown to the person sharing."""

    allowed: bool
    basis: str


class SharingRefused(Exception):
    """The record does not allow the share; the message says what to record first."""


INFORMED = {True: "the family will be told", False: "the family will not be told"}


def verdict(record: Record) -> Verdict:
    consent = record.consent
    if record.pathway == Pathway.SECTION_47:
        told = INFORMED.get(consent.family_informed, "no decision on telling the family recorded")
        reason = consent.decision_reason or "no reason recorded"
        return Verdict(
            True,
            "Section 47 enquiry: information may be shared to protect the child without the "
            f"family's agreement. Recorded decision: {told} (reason: {reason}).",
        )
    if consent.information_sharing:
        given = f" by {consent.given_by}" if consent.given_by else ""
        when = f" on {day_month_year(consent.date)}" if consent.date else ""
        return Verdict(True, f"Consent to share information was given{given}{when}.")
    return Verdict(
        False,
        "The record does not show consent to share information: the family must agree before "
        "this can be shared. Record their consent (Agreement and consent) first.",
    )


def share(
    referral: Referral, document: Document, agency: str, email: str, user: User
) -> FeedbackLink:
    """Send ``document`` to ``email`` at ``agency`` if the record allows it; the share (or its
    refusal) is audited. The caller commits, then enqueues the mail with the link's id."""
    allowed = verdict(load_record(referral.record))
    if not allowed.allowed:
        audit.record_event("share", "document", document.id, outcome="refused")
        raise SharingRefused(allowed.basis)
    link = links.offer_feedback(referral, document, email, user, "share", agency)
    audit.record_event("share", "document", document.id)
    return link
