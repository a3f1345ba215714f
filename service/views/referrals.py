from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user

from forms.journeys import journey
from service.dao import audit, documents, referrals
from service.extensions import db
from service.models import ReferralStatus
from service.tasks import enqueue_document

bp = Blueprint("referrals", __name__)


@bp.route("/")
def index():
    return render_template(
        "referrals/index.html", referrals=referrals.referrals_visible_to(current_user)
    )


def _visible_or_404(referral_id: int):
    referral = referrals.get_visible_referral(referral_id, current_user)
    if referral is None:
        abort(404)
    return referral


@bp.route("/referrals/<int:referral_id>")
def show(referral_id: int):
    referral = _visible_or_404(referral_id)
    if referral.status == ReferralStatus.DRAFT:
        return redirect(url_for("drafts.check", referral_id=referral.id))
    audit.record_event("view", "referral", referral.id)
    db.session.commit()
    pages = [page.from_record(referral.record) for page in journey(referral.pathway)]
    return render_template(
        "referrals/show.html", referral=referral, record=referral.record, pages=pages
    )


@bp.route("/referrals/<int:referral_id>/letter", methods=["POST"])
def generate_letter(referral_id: int):
    referral = _visible_or_404(referral_id)
    if referral.status == ReferralStatus.DRAFT:
        abort(409)
    document = documents.queue_document(
        referral, "referral_letter", "referral_letter", current_user
    )
    audit.record_event("generate", "document", document.id)
    db.session.commit()
    enqueue_document(document.id)
    return redirect(url_for("referrals.show", referral_id=referral.id))
