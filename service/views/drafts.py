"""Making a referral: choose the pathway, answer its question pages (saved as a draft at every
step), check the answers against the pathway's rules, submit."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from forms.fields import posted_number
from forms.journeys import START_OPTIONS, journey, next_section, section, where_answered
from forms.sections.attachments import AttachmentsSection
from forms.sections.people import ChildSection, HouseholdSection
from forms.start import StartReferralForm
from record import Pathway, RecordError, load_record
from record.titles import day_month_year
from service import storage
from service.access import own_draft_or_404
from service.actions import closing, submitting, work
from service.db import referrals
from service.delivery import acknowledgements
from service.permissions import MAKES_REFERRALS, role_required

bp = Blueprint("drafts", __name__)

#: a question page opened from check your answers ("Change", "still needed") returns there
BACK = "check"


@bp.route("/referrals/new", methods=["GET", "POST"])
@role_required(*MAKES_REFERRALS)
def start():
    form = StartReferralForm()
    if form.validate_on_submit():
        draft = referrals.start_draft(Pathway(form.pathway.data), current_user)
        work.done("create", "referral", draft.id)
        first = journey(draft.pathway)[0]
        return redirect(url_for("drafts.edit", referral_id=draft.id, slug=first.slug))
    hints = [{"hint": {"text": hint}} if hint else {} for _, _, hint in START_OPTIONS]
    return render_template("referrals/start.html", form=form, hints=hints)


@bp.route("/referrals/<int:referral_id>/edit/<slug>", methods=["GET", "POST"])
@role_required(*MAKES_REFERRALS)
def edit(referral_id: int, slug: str):
    draft = own_draft_or_404(referral_id)
    page_class = section(draft.pathway, slug) or abort(404)
    if request.method == "GET":
        form = page_class.from_record(draft.record)
        return _render_page(draft, form)

    form = page_class()
    record = referrals.editable_record(draft)
    if isinstance(form, AttachmentsSection):
        form.keep_uploads(record, storage.store_upload)
        _save(draft, record)
    if isinstance(form, HouseholdSection) and form.add_member.data:
        form.members.append_entry()
        return _render_page(draft, form)
    removed = posted_number(request.form.get("remove_member", ""))
    if isinstance(form, HouseholdSection) and removed is not None:
        form.remove_member(removed)
        return _render_page(draft, form)
    if not (form.validate() and form.check_against(record)):
        return _render_page(draft, form)

    form.apply(record)
    try:
        _save(draft, record)
    except RecordError as error:
        form.form_errors.extend(error.problems)
        return _render_page(draft, form)
    if (
        isinstance(form, ChildSection)
        and draft.pathway == Pathway.EARLY_HELP
        and referrals.open_cafs_for(draft)
    ):
        return redirect(url_for("drafts.duplicate", referral_id=draft.id))
    if form.save_for_later.data:
        flash("Your draft has been saved. You can come back to it from the referrals list.")
        return redirect(url_for("referrals.index"))
    if request.args.get("back") == BACK:
        # named, so that the question's #anchor the Change link carried does not follow
        return redirect(url_for("drafts.check", referral_id=draft.id, _anchor="main-content"))
    following = next_section(draft.pathway, slug)
    if following is None:
        return redirect(url_for("drafts.check", referral_id=draft.id))
    return redirect(url_for("drafts.edit", referral_id=draft.id, slug=following.slug))


def _save(draft, record: dict) -> None:
    referrals.save_record(draft, load_record(record))
    work.done("change", "referral", draft.id)


def _render_page(draft, form):
    pages = journey(draft.pathway)
    return render_template(
        "referrals/section.html",
        form=form,
        draft=draft,
        record=draft.record,
        pages=pages,
        step=pages.index(type(form)) + 1,
    )


def _completeness(draft):
    """The pathway rules' verdict, each missing answer with a link to the question that asks it."""
    result = current_app.extensions["rules"].check(load_record(draft.record))
    missing = []
    for item in result.missing:
        where = where_answered(draft.pathway, item.field)
        href = (
            url_for("drafts.edit", referral_id=draft.id, slug=where[0], back=BACK, _anchor=where[1])
            if where
            else None
        )
        missing.append({"field": item.field, "text": item.message, "href": href})
    return result, missing


@bp.route("/referrals/<int:referral_id>/check")
@role_required(*MAKES_REFERRALS)
def check(referral_id: int):
    draft = own_draft_or_404(referral_id)
    result, missing = _completeness(draft)
    return _render_check(draft, result, missing)


def _render_check(draft, result, missing, blocked: bool = False):
    pages = [page.from_record(draft.record) for page in journey(draft.pathway)]
    return render_template(
        "referrals/check.html",
        draft=draft,
        pages=pages,
        result=result,
        missing=missing,
        blocked=blocked,
    )


@bp.route("/referrals/<int:referral_id>/submit", methods=["POST"])
@role_required(*MAKES_REFERRALS)
def submit(referral_id: int):
    draft = own_draft_or_404(referral_id)
    result, missing = _completeness(draft)
    if not result.complete:
        return _render_check(draft, result, missing, blocked=True), 400
    try:
        submitting.submit(draft)
    except referrals.SecondOpenCaf:
        # The child gained an open CAF after the child page was answered: say who holds it.
        return redirect(url_for("drafts.duplicate", referral_id=draft.id))
    due = acknowledgements.decision_due(draft)
    flash(
        f"Referral submitted. Its reference is {draft.reference}."
        + (f" A decision on it is due by {day_month_year(due)}." if due else "")
    )
    return redirect(url_for("referrals.show", referral_id=draft.id))


@bp.route("/referrals/<int:referral_id>/duplicate", methods=["GET", "POST"])
@role_required(*MAKES_REFERRALS)
def duplicate(referral_id: int):
    """One open CAF per child (seed 004): say who holds the open one instead of opening another."""
    draft = own_draft_or_404(referral_id)
    holders = referrals.open_cafs_for(draft)
    if request.method == "POST" and request.form.get("choice") == "different":
        record = referrals.editable_record(draft)
        record["not_the_same_child_as"] = sorted(
            {*record.get("not_the_same_child_as", []), *(other.id for other in holders)}
        )
        _save(draft, record)
        following = next_section(draft.pathway, ChildSection.slug)
        return redirect(url_for("drafts.edit", referral_id=draft.id, slug=following.slug))
    return render_template("referrals/duplicate.html", draft=draft, holders=holders)


@bp.route("/referrals/<int:referral_id>/discard", methods=["GET", "POST"])
@role_required(*MAKES_REFERRALS)
def discard(referral_id: int):
    """Deleting cannot be undone, so the page asks first (GOV.UK: a confirmation page with a
    warning button); the deletion is the POST from it."""
    draft = own_draft_or_404(referral_id)
    if request.method == "GET":
        return render_template("referrals/discard.html", draft=draft)
    closing.discard_draft(draft)
    flash("The draft has been deleted")
    return redirect(url_for("referrals.index"))
