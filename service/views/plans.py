"""The plans agreed for a child after a referral: the Team Around the Child plan and its reviews,
kept by the lead professional (seed 004), and the Child in Need plan, kept by a manager (seed 003
§2.3). Saving a plan changes the record; its document is produced from what was saved."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from forms.fields import posted_number
from forms.plans import CafReviewForm, CinPlanForm, PlanForm, TacPlanForm, TacReviewForm
from record import RecordError, lifecycle
from record.lifecycle import MoveRefused
from service import permissions
from service.access import referral_or_404
from service.actions import progressing, work
from service.db import referrals

bp = Blueprint("plans", __name__)

PLAN_FORMS: dict[str, type[PlanForm]] = {"tac-plan": TacPlanForm, "cin-plan": CinPlanForm}


def _may_keep(referral, form_class: type[PlanForm]) -> bool:
    if form_class is CinPlanForm:
        return permissions.may_keep_cin_plan(current_user)
    return permissions.may_keep_tac_plan(referral, current_user)


def _referral_or_404(referral_id: int, form_class: type[PlanForm]):
    referral = referral_or_404(referral_id, "change")
    if not _may_keep(referral, form_class):
        abort(403)
    return referral


PLAN_URL = '/referrals/<int:referral_id>/<any("tac-plan", "cin-plan"):plan>'


@bp.route(PLAN_URL, methods=["GET", "POST"])
def edit(referral_id: int, plan: str):
    form_class = PLAN_FORMS[plan]
    referral = _referral_or_404(referral_id, form_class)
    refused = progressing.cin_plan_refused(referral) if form_class is CinPlanForm else None
    if refused:
        form = form_class.from_record(referral.record)
        form.form_errors.append(refused)
        return render_template("referrals/plan.html", referral=referral, form=form), 409
    if request.method == "GET":
        form = form_class.from_record(referral.record)
        return render_template("referrals/plan.html", referral=referral, form=form)
    form = form_class()
    remove = posted_number(request.form.get("remove_action", ""))
    if form.add_action.data:
        form.actions.append_entry()
    elif remove is not None:
        form.remove_action(remove)
    elif form.validate():
        try:
            saved = referral.record.get(form.record_path)
            plan = form.to_plan(saved)
            referrals.save_plan(referral, form.record_path, plan, current_user.id)
            if form_class is CinPlanForm:
                progressing.cin_plan_saved(referral, current_user)
        except RecordError as error:
            form.form_errors.extend(error.problems)
        else:
            work.done("change", "referral", referral.id)
            flash(f"{form.title} saved.")
            return redirect(url_for("referrals.show", referral_id=referral.id, _anchor="plans"))
    return render_template("referrals/plan.html", referral=referral, form=form)


@bp.route("/referrals/<int:referral_id>/tac-plan/reviews", methods=["GET", "POST"])
def add_review(referral_id: int):
    referral = _referral_or_404(referral_id, TacPlanForm)
    if referral.record.get("tac_plan") is None:
        abort(409)
    caf = lifecycle.is_caf(referral.pathway)
    form = CafReviewForm() if caf else TacReviewForm()
    if form.validate_on_submit():
        review = form.review()
        if not caf:
            referrals.add_tac_review(referral, review, current_user.id)
            work.done("change", "referral", referral.id)
            flash("Review of the TAC plan saved.")
            return redirect(url_for("referrals.show", referral_id=referral.id, _anchor="plans"))
        needs_met = form.needs_met.data == "yes"
        try:
            progressing.tac_review(referral, review, needs_met, current_user)
        except MoveRefused as refused:
            form.needs_met.errors = [str(refused)]
            return render_template("referrals/review.html", referral=referral, form=form), 409
        flash(
            "Review saved. The needs are met: the early help assessment is closed."
            if needs_met
            else "Review saved. The team reconvenes: the early help assessment stays open."
        )
        return redirect(url_for("referrals.show", referral_id=referral.id, _anchor="plans"))
    return render_template("referrals/review.html", referral=referral, form=form)
