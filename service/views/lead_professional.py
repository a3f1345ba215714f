"""Changing a CAF's lead professional, formally (seed 004), by whoever holds the role or a
manager."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from forms.lead_professional import LeadProfessionalChangeForm
from service import permissions
from service.access import referral_or_404
from service.actions import leading

bp = Blueprint("lead_professional", __name__)


@bp.route("/referrals/<int:referral_id>/lead-professional", methods=["GET", "POST"])
def change(referral_id: int):
    caf = referral_or_404(referral_id, "change")
    if not permissions.may_change_lead(caf, current_user):
        abort(403)
    form = LeadProfessionalChangeForm()
    if form.validate_on_submit():
        new = form.contact()
        leading.change_lead(
            caf,
            new,
            form.criteria.data,
            form.agreed_on.data,
            (form.reason.data or "").strip() or None,
            current_user,
        )
        flash(f"{new['name']} is now the lead professional.")
        return redirect(url_for("referrals.show", referral_id=caf.id, _anchor="lead-professional"))
    status = 400 if form.errors else 200
    return render_template("referrals/lead_professional.html", caf=caf, form=form), status
