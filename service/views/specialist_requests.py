"""A CAF's lead professional (or a manager) records that a specialist service was asked for
help: the CAF is complete but not closed, monitored until the outcome is known (seed 000)."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from forms.specialist_request import SpecialistRequestForm
from record import lifecycle
from record.lifecycle import MoveRefused
from record.titles import PATHWAY_TITLES, day_month_year
from service import permissions
from service.access import referral_or_404
from service.actions import progressing

bp = Blueprint("specialist_requests", __name__)


@bp.route("/referrals/<int:referral_id>/specialist-request", methods=["GET", "POST"])
def record(referral_id: int):
    caf = referral_or_404(referral_id, "change")
    if not (permissions.may_keep_tac_plan(caf, current_user) and lifecycle.is_caf(caf.pathway)):
        abort(403)
    form = SpecialistRequestForm()
    if form.validate_on_submit():
        service = PATHWAY_TITLES[form.service.data]
        try:
            progressing.request_specialist(
                caf, f"{service}, {day_month_year(form.requested_on.data)}", current_user
            )
        except MoveRefused as refused:
            form.service.errors = [str(refused)]
            return render_template("referrals/specialist_request.html", caf=caf, form=form), 409
        flash(
            f"Request to {service} recorded. The early help assessment is complete but not "
            "closed: record a review when its outcome is known."
        )
        return redirect(url_for("referrals.show", referral_id=caf.id))
    return render_template("referrals/specialist_request.html", caf=caf, form=form)
