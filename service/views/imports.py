"""Legacy forms in (admin staff): upload files or a zip, watch the batch being read, review each
parsed form beside the text it was read from, correct it, and confirm it into a referral."""

import io
import re
from pathlib import PurePosixPath

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

import parsers
from forms.fields import posted_number
from forms.imports import ReviewForm, UploadForm
from forms.record_fields import GROUPS
from record import RecordError, load_record
from service import permissions, storage
from service.actions import importing, work
from service.db import imports, referrals
from service.db.models import ImportStatus
from service.permissions import ADMINISTERS, role_required

bp = Blueprint("imports", __name__, url_prefix="/imports")

LOW_CONFIDENCE = 0.8


@bp.route("", methods=["GET", "POST"])
@role_required(*ADMINISTERS)
def index():
    form = UploadForm()
    if form.validate_on_submit():
        files = [(upload.filename or "", upload.read()) for upload in form.files.data]
        batch = importing.upload(files, current_user)
        return redirect(url_for("imports.batch", batch_id=batch.id))
    status = 400 if form.errors else 200
    return render_template(
        "imports/index.html", form=form, batches=imports.recent_batches()
    ), status


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    """Said on the upload page, to an admin only: the body is refused before sign-in is checked."""
    if not permissions.administers(current_user):
        return error
    form = UploadForm(formdata=None)
    limit = current_app.config["MAX_CONTENT_LENGTH"] / (1024 * 1024)
    form.files.errors = [
        f"The files are too large together: upload less than {limit:g} MB at a time"
    ]
    return render_template("imports/index.html", form=form, batches=imports.recent_batches()), 413


@bp.route("/batches/<int:batch_id>")
@role_required(*ADMINISTERS)
def batch(batch_id: int):
    found = imports.get_batch(batch_id) or abort(404)
    jobs = imports.jobs_in(found.id)
    return render_template(
        "imports/batch.html",
        batch=found,
        jobs=jobs,
        counts=imports.status_counts(jobs),
        unfinished=any(job.status in imports.UNFINISHED for job in jobs),
    )


def _job_or_404(job_id: int, for_update: bool = False):
    return imports.get_job(job_id, for_update=for_update) or abort(404)


@bp.route("/jobs/<int:job_id>")
@role_required(*ADMINISTERS)
def job(job_id: int):
    found = _job_or_404(job_id)
    work.done("view", "import_job", found.id)
    form = ReviewForm.from_record(found.record) if found.status == ImportStatus.PARSED else None
    return _render_job(found, form)


@bp.route("/jobs/<int:job_id>", methods=["POST"])
@role_required(*ADMINISTERS)
def review(job_id: int):
    found = _job_or_404(job_id, for_update=True)
    if found.status != ImportStatus.PARSED:
        imports.abandon_changes()  # releases the row lock
        flash("This form is not waiting for review: nothing was changed")
        return redirect(url_for("imports.job", job_id=job_id))
    form = ReviewForm()
    if not form.validate_on_submit():
        return _render_job(found, form), 400
    record = form.to_record(found.record)
    if form.save.data:
        imports.save_corrections(found, record)
        work.done("change", "import_job", found.id)
        flash("Your corrections are saved")
        return redirect(url_for("imports.job", job_id=found.id))
    record = _different_child_said(record)
    try:
        checked = load_record(record)
    except RecordError as error:
        form.add_problems(error.problems)
        return _render_job(found, form, record), 400
    try:
        referral = importing.confirm(found, checked, current_user)
    except referrals.SecondOpenCaf as refused:
        return _render_job(found, form, record, holders=refused.holders), 409
    child = " ".join(filter(None, [checked.child.first_name, checked.child.last_name]))
    flash(f"Referral {referral.id} created for {child or 'an unnamed child'}")
    return redirect(url_for("imports.batch", batch_id=found.batch_id))


def _different_child_said(record: dict) -> dict:
    """The admin's "this is a different child" for the open CAFs the page named, as the web
    journey records it, so they no longer stop the confirmation."""
    given = request.form.get("not_the_same_child_as", "").split()
    said = [number for n in given if (number := posted_number(n)) is not None]
    if not said:
        return record
    earlier = record.get("not_the_same_child_as") or []
    return {**record, "not_the_same_child_as": sorted({*earlier, *said})}


def _render_job(job, form, record: dict | None = None, holders=()):
    if form is None:
        return render_template("imports/job.html", job=job, form=None)
    sources = _sources(job.provenance)
    return render_template(
        "imports/job.html",
        job=job,
        form=form,
        holders=holders,
        groups=GROUPS,
        sources=sources,
        row_sources=_row_sources(form, sources),
        low_confidence=LOW_CONFIDENCE,
        low_count=sum(_is_low(source) for source in sources.values()),
        check=_rules_check(record if record is not None else job.record),
        shown=_groups_to_show(form, sources),
    )


def _is_low(source: dict | None) -> bool:
    confidence = (source or {}).get("confidence")
    return isinstance(confidence, int | float) and confidence < LOW_CONFIDENCE


def _row_sources(form, sources: dict) -> dict[str, list[dict | None]]:
    """For each row of a list (household members …): where it was read, its least sure cell
    first; a whole table's source stands for rows without their own."""
    found: dict[str, list[dict | None]] = {}
    for group in GROUPS:
        if not group.rows:
            continue
        entries = form[group.path].entries
        found[group.path] = []
        for row in range(len(entries)):
            paths = [f"{group.path}.{row}.{f.name}" for f in group.fields]
            cells = [sources[path] for path in [*paths, f"{group.path}.{row}"] if path in sources]
            cells.sort(key=lambda source: not _is_low(source))
            is_added_row = row == len(entries) - 1
            table = None if is_added_row else sources.get(group.path)
            found[group.path].append(cells[0] if cells else table)
    return found


def _sources(provenance: dict | None) -> dict[str, dict]:
    """Provenance by dotted path; ``household_members[0].name`` is read as ``….0.name``."""
    return {
        re.sub(r"\[(\d+)\]", r".\1", str(path)): source
        for path, source in (provenance or {}).items()
        if isinstance(source, dict)
    }


def _groups_to_show(form, sources: dict) -> set[str]:
    """Groups with an answer, a source or an error are shown open; the rest fold away."""
    shown = set()
    for group in GROUPS:
        if group.rows:
            entries = form[group.path].entries
            if len(entries) > 1 or any(entry.errors for entry in entries):
                shown.add(group.path)
        elif any(
            form[f.path].data or form[f.path].errors or f.path in sources for f in group.fields
        ):
            shown.add(group.path)
    return shown


def _rules_check(record: dict | None):
    """The pathway rules' verdict; None while the record is not yet a record (no pathway)."""
    try:
        return current_app.extensions["rules"].check(load_record(record or {}))
    except RecordError:
        return None


@bp.route("/jobs/<int:job_id>/retry", methods=["POST"])
@role_required(*ADMINISTERS)
def retry(job_id: int):
    found = _job_or_404(job_id)
    if found.status != ImportStatus.FAILED or not storage.has_original(found.sha256 or ""):
        abort(409)
    importing.read_again(found)
    return redirect(url_for("imports.batch", batch_id=found.batch_id))


@bp.route("/jobs/<int:job_id>/original")
@role_required(*ADMINISTERS)
def original(job_id: int):
    found = _job_or_404(job_id)
    try:
        path = storage.original_path(found.sha256 or "")
    except FileNotFoundError:
        abort(404)
    work.done("download", "import_job", found.id)
    name = PurePosixPath(found.filename.replace("\\", "/")).name or f"original-{found.id}"
    content = path.read_bytes()  # read once: its kind decides how it is sent, then it is sent
    return send_file(
        io.BytesIO(content),
        mimetype=parsers.media_type(content),
        as_attachment=True,
        download_name=name,
    )
