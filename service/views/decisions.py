"""A manager records the decision on a referral. The outcome-feedback letter for the referrer is
produced at once from it, and the referrer is e-mailed a link to it (service/delivery/links.py)."""

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from forms.decision import DecisionForm
from record.lifecycle import MoveRefused, Stage
from service.access import referral_or_404
from service.actions import deciding
from service.db import deadlines
from service.permissions import DECIDES, role_required

bp = Blueprint("decisions", __name__)


@bp.route("/referrals/<int:referral_id>/decision", methods=["GET", "POST"])
@role_required(*DECIDES)
def record(referral_id: int):
    referral = referral_or_404(referral_id, "decision")
    if referral.status == Stage.DRAFT:
        abort(404)
    form = DecisionForm()
    if not form.is_submitted():
        form = DecisionForm(formdata=None, data=_answers_so_far(referral.record))
    form.overdue = deadlines.overdue_titles(referral, "decided")
    if form.is_submitted() and form.validate():
        signed = deciding.decided_by(current_user)
        try:
            recorded = deciding.record(
                referral,
                form.decision(signed, date.today()),
                current_user,
                referrer_email=form.referrer_email.data or None,
                wants_pdf=form.wants_pdf.data,
                late_reason=form.late_reason_given(),
            )
        except MoveRefused as refused:
            form.outcome.errors = [str(refused)]
            return render_template("referrals/decision.html", referral=referral, form=form), 409
        if recorded.stays_closed_for:
            flash(_stays_closed(recorded.stays_closed_for))
        flash(
            "Decision recorded. The outcome letter is being produced"
            + (" and the referrer will be e-mailed a link to it." if recorded.link else ".")
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
