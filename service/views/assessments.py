"""A manager records what the initial assessment found, once the decision leads to one. A child
found not to be in need, whose family agrees, is passed to the CAF: an Early Help record is
opened for them, linked to the referral, which closes (seed 003 §1.9)."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from forms.assessment import AssessmentForm
from record import load_record
from record.lifecycle import MoveRefused, Stage
from service.access import referral_or_404
from service.actions import progressing
from service.db import deadlines
from service.permissions import DECIDES, role_required

bp = Blueprint("assessments", __name__)


@bp.route("/referrals/<int:referral_id>/assessment", methods=["GET", "POST"])
@role_required(*DECIDES)
def record(referral_id: int):
    referral = referral_or_404(referral_id, "assessment")
    if referral.status == Stage.DRAFT:
        abort(404)
    form = AssessmentForm()
    if not form.is_submitted():
        recorded = load_record(referral.record).initial_assessment
        form = AssessmentForm(formdata=None, data=recorded.model_dump() if recorded else {})
    form.overdue = deadlines.overdue_titles(referral, "assessed")
    if form.is_submitted() and form.validate():
        try:
            caf = progressing.assess(
                referral, form.assessment(), current_user, form.late_reason_given()
            )
        except MoveRefused as refused:
            form.outcome.errors = [str(refused)]
            return render_template("referrals/assessment.html", referral=referral, form=form), 409
        if caf is not None:
            flash(
                "Assessment outcome recorded. The case has passed to the CAF: its early help "
                "assessment is open, and this referral is closed."
            )
            return redirect(url_for("referrals.show", referral_id=caf.id))
        flash("Assessment outcome recorded")
        return redirect(url_for("referrals.show", referral_id=referral.id))
    return render_template("referrals/assessment.html", referral=referral, form=form)
