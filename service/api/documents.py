"""A referral's documents through the API: listed, read and downloaded (DOCX, or PDF when one
was asked for), with the web's access and audit."""

from flask import Response

from parsers import MEDIA_TYPES
from service import problems
from service.access import document_or_404, referral_or_404
from service.actions import work
from service.api import schemas
from service.api.spec import bp, responds, spec
from service.db.models import Document, DocumentStatus


@bp.get("/referrals/<int:referral_id>/documents")
@spec.validate(resp=responds(HTTP_200=schemas.Documents), tags=["documents"])
def list_documents(referral_id: int):
    """Every version of every document made for the referral, newest first."""
    referral = referral_or_404(referral_id)
    work.done("view", "referral", referral.id)
    return schemas.Documents(
        documents=[schemas.Document.model_validate(d) for d in referral.documents]
    )


@bp.get("/documents/<int:document_id>")
@spec.validate(resp=responds(HTTP_200=schemas.Document), tags=["documents"])
def get_document(document_id: int):
    document = document_or_404(document_id)
    work.done("view", "document", document.id)
    return schemas.Document.model_validate(document)


@bp.get("/documents/<int:document_id>/<any(docx, pdf):file_type>")
@spec.validate(
    resp=responds(
        "HTTP_409",
        HTTP_200=(
            None,
            "The document: application/vnd.openxmlformats-officedocument."
            "wordprocessingml.document or application/pdf",
        ),
    ),
    tags=["documents"],
)
def download_document(document_id: int, file_type: str):
    """The document's file. 409 (not_ready) while it is being produced or after it failed; 404
    for a PDF that was not asked for."""
    column = Document.pdf_content if file_type == "pdf" else Document.content
    document = document_or_404(document_id, "download", load=[column])
    if document.status != DocumentStatus.READY:
        problems.refuse(409, f"The document is {document.status}, not ready", "not_ready")
    content = document.pdf_content if file_type == "pdf" else document.content
    if content is None:
        problems.refuse(404, f"No {file_type.upper()} was made of this document")
    work.done("download", "document", document.id)
    # not send_file: spectree reads every answer whole, and a streamed file cannot be
    download = Response(content, mimetype=MEDIA_TYPES[file_type])
    name = document.filename.rsplit(".", 1)[0] + f".{file_type}"
    download.headers.set("Content-Disposition", "attachment", filename=name)
    return download
