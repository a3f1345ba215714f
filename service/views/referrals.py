from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from forms.closing import CloseForm
from forms.fields import posted_number
from forms.journeys import journey
from forms.referral_filters import ReferralFilterForm
from record import Pathway, load_record
from record.lifecycle import Stage
from service import permissions
from service.access import referral_or_404
from service.actions import closing, work
from service.db import deadlines, referrals
from service.delivery import acknowledgements, links
from service.documents.render import DOCUMENTS, missing_data
from service.views import child_protection

bp = Blueprint("referrals", __name__)


PER_PAGE = 50


@bp.route("/")
def index():
    form = ReferralFilterForm(request.args)
    filters = form.filters() if form.validate() else {}
    page = max(posted_number(request.args.get("page", "")) or 1, 1)
    found = referrals.search(current_user, filters, page, PER_PAGE)
    return render_template(
        "referrals/index.html",
        form=form,
        filtered=bool(filters),
        found=found,
        page=page,
        pages=max(-(-found.total // PER_PAGE), 1),
    )


@bp.route("/referrals/<int:referral_id>")
def show(referral_id: int):
    referral = referral_or_404(referral_id)
    if referral.status == Stage.DRAFT:
        return redirect(url_for("drafts.check", referral_id=referral.id))
    work.done("view", "referral", referral.id)
    pages = [page.from_record(referral.record) for page in journey(referral.pathway)]
    record = load_record(referral.record)
    return render_template(
        "referrals/show.html",
        referral=referral,
        record=referral.record,
        pages=pages,
        may_decide=permissions.may_decide(current_user),
        may_change_decision=permissions.may_change_decision(referral, current_user),
        may_assess=permissions.may_assess(referral, current_user),
        may_request_specialist=permissions.may_request_specialist(referral, current_user),
        may_keep_tac_plan=permissions.may_keep_tac_plan(referral, current_user),
        may_keep_cin_plan=permissions.may_keep_cin_plan(current_user),
        may_close=permissions.may_close(referral, current_user),
        may_change_lead=permissions.may_change_lead(referral, current_user),
        producible=[kind for kind in DOCUMENTS if missing_data(kind, record) is None],
        feedback_links=links.links_for(referral),
        timescales=deadlines.described(referral),
        decision_due=acknowledgements.decision_due(referral)
        if referral.status == Stage.RECEIVED
        else None,
        child_protection_steps=child_protection.offered(referral)
        if permissions.may_decide(current_user)
        else [],
    )


@bp.route("/referrals/<int:referral_id>/close", methods=["GET", "POST"])
def close(referral_id: int):
    referral = referral_or_404(referral_id, "close")
    if not permissions.may_close(referral, current_user):
        abort(403)
    what = "the early help assessment" if referral.pathway == Pathway.EARLY_HELP else "the referral"
    form = CloseForm()
    if form.validate_on_submit():
        closing.close(referral, current_user, form.reason.data.strip())
        flash(f"{what.capitalize()} is closed")
        return redirect(url_for("referrals.show", referral_id=referral.id))
    status = 400 if form.errors else 200
    return render_template("referrals/close.html", referral=referral, form=form, what=what), status
