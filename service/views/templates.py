"""Document templates (admins): see which version of each template is in use, download any
version to edit in Word, upload a new one (checked before it is kept), put a version in use,
roll back, or go back to the template shipped with Front Door."""

import io

from flask import Blueprint, abort, flash, redirect, render_template, send_file, url_for
from flask_login import current_user

from forms.templates import TemplateUploadForm
from parsers import DOCX_MEDIA_TYPE
from service.documents import checks as template_checks
from service.documents import context as template_context
from service.documents import versions as template_store
from service.permissions import ADMINISTERS, role_required

bp = Blueprint("templates", __name__, url_prefix="/templates")


def _known_or_404(name: str) -> str:
    if name not in template_store.known_templates():
        abort(404)
    return name


def _version_or_404(name: str, number: int):
    return template_store.get_version(_known_or_404(name), number) or abort(404)


@bp.route("")
@role_required(*ADMINISTERS)
def index():
    rows = [
        (name, title, template_store.active_version(name))
        for name, title in template_store.known_templates().items()
    ]
    return render_template("templates/index.html", rows=rows)


@bp.route("/<name>", methods=["GET", "POST"])
@role_required(*ADMINISTERS)
def show(name: str):
    _known_or_404(name)
    form = TemplateUploadForm()
    problems: list[str] = []
    if form.validate_on_submit():
        try:
            version = template_store.upload(
                name, form.file.data.read(), form.note.data, current_user
            )
        except template_store.TemplateRefused as refused:
            problems = refused.problems
            form.refuse(problems)
        else:
            flash(f"Version {version.number} passed the checks and is kept. It is not in use yet.")
            return redirect(url_for("templates.show", name=name, _anchor="versions"))
    return _render_show(name, form, problems), 400 if form.errors else 200


def _render_show(name: str, form: TemplateUploadForm, problems: list[str]):
    return render_template(
        "templates/show.html",
        name=name,
        title=template_store.known_templates()[name],
        versions=template_store.versions(name),
        active=template_store.active_version(name),
        used=template_checks.used_variables(template_store.active_source(name).content),
        available=template_context.variable_names(),
        form=form,
        problems=[{"text": problem, "href": f"#{form.file.id}"} for problem in problems],
    )


@bp.route("/<name>/shipped.docx")
@role_required(*ADMINISTERS)
def download_shipped(name: str):
    return _send(*template_store.download(_known_or_404(name), None, current_user))


@bp.route("/<name>/versions/<int:number>.docx")
@role_required(*ADMINISTERS)
def download_version(name: str, number: int):
    version = _version_or_404(name, number)
    return _send(*template_store.download(name, version, current_user))


def _send(filename: str, content: bytes):
    return send_file(
        io.BytesIO(content), mimetype=DOCX_MEDIA_TYPE, as_attachment=True, download_name=filename
    )


@bp.route("/<name>/versions/<int:number>/use", methods=["POST"])
@role_required(*ADMINISTERS)
def activate(name: str, number: int):
    version = _version_or_404(name, number)
    action = template_store.activate(version, current_user)
    verb = "Rolled back to" if action == "roll_back" else "Now using"
    flash(f"{verb} version {number} of this template for every new document")
    return redirect(url_for("templates.show", name=name))


@bp.route("/<name>/use-shipped", methods=["POST"])
@role_required(*ADMINISTERS)
def use_shipped(name: str):
    template_store.use_shipped(_known_or_404(name), current_user)
    flash("Now using the template shipped with Front Door for every new document")
    return redirect(url_for("templates.show", name=name))
