"""Referrals through the API: made (kept as a draft or submitted), read, listed with the web
list's filters, and decided. Access is the web's: the same ``permissions`` and the same
"not found, and audited" for a referral the caller may not see (``service.access``)."""

from datetime import date

from flask import current_app, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from forms.decision import DecisionForm
from record import Record, load_record
from record.lifecycle import MoveRefused, Stage
from service import problems
from service.access import referral_or_404
from service.actions import deciding, submitting, work
from service.api import schemas
from service.api.spec import bp, responds, spec
from service.db import deadlines, referrals
from service.db.models import Referral
from service.permissions import DECIDES, MAKES_REFERRALS, role_required

PER_PAGE = 50
#: the API is called with a token, not from a page holding a form's CSRF token
NO_CSRF = {"csrf": False}


def _missing(record: Record) -> list[schemas.Missing]:
    """What the pathway's rules still need of ``record``."""
    result = current_app.extensions["rules"].check(record)
    return [schemas.Missing(field=item.field, message=item.message) for item in result.missing]


def _answer(referral: Referral, status: int = 200):
    """The referral as ``schemas.Referral``: its record as stored, in RECORD.md's form (no empty
    parts), which spectree checks against the model on the way out."""
    missing = _missing(load_record(referral.record))
    answer = {
        **schemas.ReferralSummary.model_validate(referral).model_dump(mode="json"),
        "record": referral.record,
        "complete": not missing,
        "missing": [item.model_dump() for item in missing],
    }
    headers = {"Location": url_for("api.get_referral", referral_id=referral.id)}
    return answer, status, headers if status == 201 else {}


@bp.post("/referrals")
@spec.validate(
    json=schemas.NewReferral,
    resp=responds("HTTP_409", HTTP_201=schemas.Referral),
    tags=["referrals"],
)
@role_required(*MAKES_REFERRALS)
def create_referral(json: schemas.NewReferral):
    """Make a referral: a draft, or submitted at once when ``submit`` is true.

    A submission whose record the pathway's rules find incomplete is refused (422, code
    incomplete, with ``missing``) and nothing is kept. A second open early help assessment for
    a child is refused (409, code open_caf_exists)."""
    if json.submit and (missing := _missing(json.record)):
        problems.refuse(
            422,
            "The record is not complete for its pathway: see missing",
            "incomplete",
            missing=missing,
        )
    draft = submitting.keep_draft(json.record, current_user)
    if json.submit:
        try:
            submitting.submit(draft)
        except referrals.SecondOpenCaf as refused:
            work.done("submit", "referral", draft.id, outcome="refused")
            problems.refuse(409, _open_caf_message(refused), "open_caf_exists")
    return _answer(draft, 201)


def _open_caf_message(refused: referrals.SecondOpenCaf) -> str:
    return (
        f"This child already has an open early help assessment ({len(refused.holders)}); "
        f"the draft {refused.referral.reference} is kept for its maker to check"
    )


@bp.get("/referrals/<int:referral_id>")
@spec.validate(resp=responds(HTTP_200=schemas.Referral), tags=["referrals"])
def get_referral(referral_id: int):
    """A referral the caller may see, with what its pathway's rules still need. Audited."""
    referral = referral_or_404(referral_id)
    work.done("view", "referral", referral.id)
    return _answer(referral)


@bp.get("/referrals")
@spec.validate(
    query=schemas.ReferralFilters, resp=responds(HTTP_200=schemas.ReferralPage), tags=["referrals"]
)
def list_referrals(query: schemas.ReferralFilters):
    """The referrals the caller may see, newest first, filtered as on the web's list."""
    given = {
        "name": (query.name or "").strip(),
        "born": query.born,
        "pathway": query.pathway,
        "status": query.status,
        "team": (query.team or "").strip(),
        "overdue": query.timescales == "overdue",
    }
    filters = {key: value for key, value in given.items() if value}
    found = referrals.search(current_user, filters, query.page, PER_PAGE)
    work.done("list", "referral")
    return schemas.ReferralPage(
        referrals=[schemas.ReferralSummary.model_validate(r) for r in found.referrals],
        total=found.total,
        page=query.page,
        per_page=PER_PAGE,
    )


@bp.post("/referrals/<int:referral_id>/decision")
@spec.validate(
    json=schemas.NewDecision,
    resp=responds("HTTP_409", HTTP_201=schemas.Referral),
    tags=["referrals"],
)
@role_required(*DECIDES)
def decide(referral_id: int, json: schemas.NewDecision):
    """Record a manager's decision, as the web's decision page does: the outcome letter is
    produced and, given ``referrer_email``, the referrer is e-mailed a link to it."""
    referral = referral_or_404(referral_id, "decision")
    if referral.status == Stage.DRAFT:
        problems.refuse(404, "Not found")
    sent = MultiDict(json.model_dump(mode="json", exclude_none=True))
    form = DecisionForm(formdata=sent, meta=NO_CSRF)
    form.overdue = deadlines.overdue_titles(referral, "decided")
    if not form.validate():
        errors = [
            problems.FieldError(location=f"body.{name}", message=message)
            for name, messages in form.errors.items()
            for message in messages
        ]
        problems.refuse(
            422, "The decision is not complete: see errors", "incomplete", errors=errors
        )
    try:
        deciding.record(
            referral,
            form.decision(deciding.decided_by(current_user), date.today()),
            current_user,
            referrer_email=form.referrer_email.data or None,
            wants_pdf=json.wants_pdf,
            late_reason=form.late_reason_given(),
        )
    except MoveRefused as refused:
        problems.refuse(409, str(refused), "move_refused")
    return _answer(referral, 201)
