import io

from flask import Blueprint, abort, send_file
from flask_login import current_user
from sqlalchemy.orm import undefer

from service.dao import audit, referrals
from service.extensions import db
from service.models import Document, DocumentStatus

bp = Blueprint("documents", __name__)

DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@bp.route("/documents/<int:document_id>/download")
def download(document_id: int):
    document = db.session.get(Document, document_id, options=[undefer(Document.content)])
    if (
        document is None
        or referrals.get_visible_referral(document.referral_id, current_user) is None
    ):
        abort(404)
    if document.status != DocumentStatus.READY:
        abort(409)
    audit.record_event("download", "document", document.id)
    db.session.commit()
    return send_file(
        io.BytesIO(document.content),
        mimetype=DOCX_MIMETYPE,
        as_attachment=True,
        download_name=document.filename,
    )
