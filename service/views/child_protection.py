"""A manager records the strategy discussion and then the initial child protection conference,
each offered while its clock runs (a decision or an assessment suspected significant harm).
Held after its day, the page asks why; the reason stays with the clock."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from forms.child_protection import InitialConferenceForm, StrategyDiscussionForm
from service.access import referral_or_404
from service.actions import progressing
from service.db import deadlines
from service.permissions import DECIDES, role_required

bp = Blueprint("child_protection", __name__)

#: the step in the address -> (its event, its form, what the page and the message call it)
STEPS = {
    "strategy-discussion": ("strategy_discussion", StrategyDiscussionForm, "strategy discussion"),
    "initial-conference": (
        "initial_conference",
        InitialConferenceForm,
        "initial child protection conference",
    ),
}


def offered(referral) -> list[tuple[str, str]]:
    """The steps whose clock is running, as (address part, title), for the referral's page."""
    return [
        (slug, title)
        for slug, (event, _, title) in STEPS.items()
        if deadlines.running_stopped_by(referral, event)
    ]


@bp.route(
    '/referrals/<int:referral_id>/<any("strategy-discussion", "initial-conference"):step>',
    methods=["GET", "POST"],
)
@role_required(*DECIDES)
def record(referral_id: int, step: str):
    referral = referral_or_404(referral_id, "change")
    event, form_class, title = STEPS[step]
    if not deadlines.running_stopped_by(referral, event):
        abort(409)
    form = form_class()
    held = form.held_on.data if form.is_submitted() else None
    form.overdue = deadlines.overdue_titles(
        referral, event, deadlines.on_the_day(held) if held else None
    )
    if form.validate_on_submit():
        progressing.child_protection_step(
            referral, event, form.held_on.data, current_user, form.late_reason_given()
        )
        flash(f"The {title} is recorded.")
        return redirect(url_for("referrals.show", referral_id=referral.id))
    status = 400 if form.errors else 200
    return render_template(
        "referrals/child_protection.html", referral=referral, form=form, title=title
    ), status
