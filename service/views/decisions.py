"""A manager records the decision on a referral. The outcome-feedback letter for the referrer is
produced at once from it, and the referrer is e-mailed a link to it (service/feedback.py)."""

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from forms.decision import DecisionForm
from service import feedback
from service.auth import role_required
from service.dao import audit, referrals
from service.extensions import db
from service.models import ReferralStatus, Role
from service.queues import enqueue_document
from service.views.access import referral_or_404
from service.views.documents import queue

bp = Blueprint("decisions", __name__)


@bp.route("/referrals/<int:referral_id>/decision", methods=["GET", "POST"])
@role_required(Role.MANAGER)
def record(referral_id: int):
    referral = referral_or_404(referral_id, "decision")
    if referral.status == ReferralStatus.DRAFT:
        abort(404)
    form = DecisionForm()
    if not form.is_submitted():
        form = DecisionForm(formdata=None, data=_answers_so_far(referral.record))
    elif form.validate():
        decided_by = ", ".join(p for p in (current_user.full_name, current_user.job_title) if p)
        outcome_before = (referral.record.get("decision") or {}).get("outcome")
        referrals.record_part(referral, "decision", form.decision(decided_by, date.today()))
        audit.record_event("decision", "referral", referral.id)
        try:
            referrals.follow_decision(referral, outcome_before, current_user)
        except referrals.SecondOpenCaf as refused:
            flash(_stays_closed(refused.holders))
        letter = queue(referral, "outcome_feedback", wants_pdf=form.wants_pdf.data)
        link = None
        if form.referrer_email.data:
            link = feedback.offer_feedback(referral, letter, form.referrer_email.data, current_user)
        db.session.commit()
        enqueue_document(letter.id)
        if link is not None:
            feedback.enqueue_feedback_mail(link.id)
        flash(
            "Decision recorded. The outcome letter is being produced"
            + (" and the referrer will be e-mailed a link to it." if link else ".")
        )
        return redirect(url_for("referrals.show", referral_id=referral.id, _anchor="documents"))
    return render_template("referrals/decision.html", referral=referral, form=form)


def _stays_closed(holders) -> str:
    held_by = "; ".join(
        ", ".join(filter(None, (other.holder.get("name"), other.holder.get("agency"))))
        for other in holders
    )
    return (
        "The referral stays closed: this child already has an open early help assessment, "
        f"held by {held_by}."
    )


def _answers_so_far(record: dict) -> dict:
    """An earlier decision to change, or a blank one addressed to the referrer."""
    decision = record.get("decision") or {}
    email = (record.get("referrer") or {}).get("email")
    return {**decision, "referrer_email": email, "wants_pdf": True}
