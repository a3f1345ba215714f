"""Legacy forms through the API (admins): uploaded as a batch and read by the workers, as on
the web; each file's job is read back for its status and, once parsed, its record. Confirming
a parsed form into a referral stays a person's review on the web."""

from flask import request, url_for
from flask_login import current_user

from service import problems
from service.actions import importing, work
from service.api import schemas
from service.api.spec import bp, responds, spec
from service.db import imports
from service.permissions import ADMINISTERS, role_required


@bp.post("/imports")
@spec.validate(
    form=schemas.Upload,
    resp=responds("HTTP_413", HTTP_201=schemas.ImportBatch),
    tags=["imports"],
    # the files are read below: spectree's own check of a form fails (a server error) on a part
    # sent without a name, before it can say what is wrong
    skip_validation=True,
)
@role_required(*ADMINISTERS)
def upload():
    """Upload legacy forms (multipart/form-data, each file a part named ``files``): the batch,
    each file queued to be read. The originals are kept."""
    sent = [upload for upload in request.files.getlist("files") if upload.filename]
    if not sent:
        problems.refuse(422, "Send at least one file, as a part named files")
    batch = importing.upload([(upload.filename, upload.read()) for upload in sent], current_user)
    headers = {"Location": url_for("api.get_batch", batch_id=batch.id)}
    return _batch(batch.id), 201, headers


def _batch(batch_id: int) -> schemas.ImportBatch:
    batch = imports.get_batch(batch_id)
    if batch is None:
        work.done("view", "import_batch", batch_id, outcome="refused")
        problems.refuse(404, "Not found")
    jobs = [schemas.ImportJob.model_validate(job) for job in imports.jobs_in(batch.id)]
    return schemas.ImportBatch(
        id=batch.id, label=batch.label, created_at=batch.created_at, jobs=jobs
    )


@bp.get("/imports/<int:batch_id>")
@spec.validate(resp=responds(HTTP_200=schemas.ImportBatch), tags=["imports"])
@role_required(*ADMINISTERS)
def get_batch(batch_id: int):
    """A batch and where each of its files is."""
    found = _batch(batch_id)
    work.done("view", "import_batch", batch_id)
    return found


@bp.get("/imports/jobs/<int:job_id>")
@spec.validate(resp=responds(HTTP_200=schemas.ImportJob), tags=["imports"])
@role_required(*ADMINISTERS)
def get_job(job_id: int):
    """One file's job: queued, running, parsed (with its record), failed (with why),
    duplicate, or confirmed (with its referral)."""
    job = imports.get_job(job_id)
    if job is None:
        work.done("view", "import_job", job_id, outcome="refused")
        problems.refuse(404, "Not found")
    work.done("view", "import_job", job.id)
    return schemas.ImportJob.model_validate(job)
