"""Documents of a referral: asking for one (a new version each time), retrying a failed one,
reading a ready one on a page and downloading it as DOCX or PDF. Every view and download is
audited."""

import io

from flask import Blueprint, abort, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from parsers import MEDIA_TYPES
from record import load_record
from record.lifecycle import Stage
from service.access import document_or_404, referral_or_404
from service.actions import producing, work
from service.db.models import Document, DocumentStatus
from service.documents import preview
from service.documents import render as renderer

bp = Blueprint("documents", __name__)


def _back_to_documents(referral_id: int):
    return redirect(url_for("referrals.show", referral_id=referral_id, _anchor="documents"))


@bp.route("/referrals/<int:referral_id>/documents", methods=["POST"])
def generate(referral_id: int):
    referral = referral_or_404(referral_id, "generate")
    kind = request.form.get("kind", "")
    if referral.status == Stage.DRAFT or kind not in renderer.DOCUMENTS:
        abort(400)
    if renderer.missing_data(kind, load_record(referral.record)):
        abort(409)  # the page offers only what can be produced
    wants_pdf = request.form.get("format") == "pdf"
    producing.ask_for(referral, kind, current_user, wants_pdf)
    return _back_to_documents(referral.id)


@bp.route("/documents/<int:document_id>/retry", methods=["POST"])
def retry(document_id: int):
    document = document_or_404(document_id, "retry")
    if document.status != DocumentStatus.FAILED:
        abort(409)
    producing.retry(document)
    return _back_to_documents(document.referral_id)


@bp.route("/documents/<int:document_id>/download")
@bp.route("/documents/<int:document_id>/download.<any(docx, pdf):file_type>")
def download(document_id: int, file_type: str = "docx"):
    column = Document.pdf_content if file_type == "pdf" else Document.content
    document = document_or_404(document_id, "download", load=[column])
    content = document.pdf_content if file_type == "pdf" else document.content
    if document.status != DocumentStatus.READY or content is None:
        abort(409 if document.status != DocumentStatus.READY else 404)
    work.done("download", "document", document.id)
    return send_file(
        io.BytesIO(content),
        mimetype=MEDIA_TYPES[file_type],
        as_attachment=True,
        download_name=document.filename.rsplit(".", 1)[0] + f".{file_type}",
    )


@bp.route("/documents/<int:document_id>")
def show(document_id: int):
    """The document to read on the page, beside its downloads."""
    document = document_or_404(document_id, load=[Document.content])
    if document.status != DocumentStatus.READY or document.content is None:
        abort(404)
    work.done("view", "document", document.id)
    return render_template(
        "referrals/document.html", document=document, content=preview.html_of(document.content)
    )
