"""Sharing a ready document with another agency, where the record allows it
(service/delivery/sharing.py). The page shows what allows it (consent, or the Section 47 decision
and reason) before anyone shares; a share the record does not allow is refused and audited."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from forms.sharing import ShareForm
from record import load_record
from service import permissions
from service.access import document_or_404, referral_or_404
from service.actions import sharing as sharing_action
from service.db.models import DocumentStatus
from service.delivery import links, sharing

bp = Blueprint("sharing", __name__)


@bp.route("/documents/<int:document_id>/share", methods=["GET", "POST"])
def share(document_id: int):
    document = document_or_404(document_id, "share")
    referral = document.referral
    if document.status != DocumentStatus.READY:
        abort(409)
    verdict = sharing.verdict(load_record(referral.record))
    form = ShareForm()
    status = 200
    if form.validate_on_submit():
        try:
            agency, email = form.agency.data, form.email.data
            sharing_action.share(referral, document, agency, email, current_user)
        except sharing.SharingRefused:
            status = 403
        else:
            flash(f"The document has been shared with {form.agency.data}: a link is on its way.")
            return redirect(url_for("referrals.show", referral_id=referral.id, _anchor="documents"))
    return render_template(
        "referrals/share.html", referral=referral, document=document, verdict=verdict, form=form
    ), status


@bp.route("/feedback-links/<int:link_id>/send-again", methods=["POST"])
def send_again(link_id: int):
    """Staff send a new link where the old one expired or was locked by wrong addresses."""
    link = links.get_link(link_id) or abort(404)
    referral_or_404(link.referral_id, "send_again")  # only where the referral may be seen
    if not permissions.may_send_again(link, current_user):
        abort(403)
    if not (links.is_expired(link) or links.is_locked(link)):
        abort(409)  # the page offers it only then: the link still works
    sharing_action.send_again(link, current_user)
    flash(f"A new link is on its way to {link.email}. The old one no longer opens.")
    return redirect(url_for("referrals.show", referral_id=link.referral_id, _anchor="documents"))
