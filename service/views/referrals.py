from datetime import date

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.datastructures import FileStorage

from forms.referral_s17 import ATTACHMENT_SLOTS, Section17ReferralForm
from service import storage
from service.dao import audit, documents, referrals
from service.extensions import db
from service.models import Role
from service.records import RecordError
from service.tasks import enqueue_document

bp = Blueprint("referrals", __name__)


@bp.route("/")
def index():
    return render_template(
        "referrals/index.html", referrals=referrals.referrals_visible_to(current_user)
    )


def _prefill(form: Section17ReferralForm) -> None:
    referrer = form.referrer.form
    referrer.name.data = current_user.full_name
    referrer.role.data = current_user.job_title
    referrer.agency.data = current_user.agency
    referrer.phone.data = current_user.phone
    referrer.email.data = current_user.email
    form.referral.form.date.data = date.today()


def _keep_uploads(form: Section17ReferralForm) -> list[dict]:
    """Store any file uploaded with this post at once, so a failed validation loses nothing."""
    kept = []
    slots = form.attachments.form
    for kind in ATTACHMENT_SLOTS:
        upload = getattr(slots, kind.value).data
        stored = getattr(slots, f"{kind.value}_stored")
        if isinstance(upload, FileStorage) and upload.filename:
            saved = storage.store_upload(upload)
            stored.data = f"{saved['sha256']}:{saved['filename']}"
        if stored.data:
            sha256, _, filename = stored.data.partition(":")
            if storage.has_original(sha256):
                kept.append({"kind": kind.value, "filename": filename, "sha256": sha256})
            else:
                stored.data = ""
    return kept


@bp.route("/referrals/new/section-17", methods=["GET", "POST"])
def new_section_17():
    if current_user.role not in (Role.PRACTITIONER, Role.MANAGER):
        abort(403)
    form = Section17ReferralForm()
    if request.method == "GET":
        _prefill(form)
        return render_template("referrals/section_17.html", form=form)
    attachments = _keep_uploads(form)
    if form.add_member.data:
        form.household_members.append_entry()
    elif request.form.get("remove_member", "").isdigit():
        form.remove_member(int(request.form["remove_member"]))
    elif form.validate_on_submit():
        try:
            record = form.to_record(attachments)
        except RecordError as error:
            form.form_errors.extend(error.problems)
        else:
            referral = referrals.submit_referral(record, current_user)
            audit.record_event("create", "referral", referral.id)
            db.session.commit()
            return redirect(url_for("referrals.show", referral_id=referral.id))
    return render_template("referrals/section_17.html", form=form)


def _visible_or_404(referral_id: int):
    referral = referrals.get_visible_referral(referral_id, current_user)
    if referral is None:
        abort(404)
    return referral


@bp.route("/referrals/<int:referral_id>")
def show(referral_id: int):
    referral = _visible_or_404(referral_id)
    audit.record_event("view", "referral", referral.id)
    db.session.commit()
    return render_template("referrals/show.html", referral=referral, record=referral.record)


@bp.route("/referrals/<int:referral_id>/letter", methods=["POST"])
def generate_letter(referral_id: int):
    referral = _visible_or_404(referral_id)
    document = documents.queue_document(
        referral, "referral_letter", "referral_letter", current_user
    )
    audit.record_event("generate", "document", document.id)
    db.session.commit()
    enqueue_document(document.id)
    return redirect(url_for("referrals.show", referral_id=referral.id))
