"""Uploaded versions of the document templates: admins upload a new version (checked first),
choose which version is in use, and can go back to any earlier one or to the shipped file.

Every upload (refused ones too), change of version and download is audited. Events about one
version name it (``template_version``, its id); events about a template as a whole, such as a
refused upload, name the template in ``object_type`` (``template:tac_plan.docx``)."""

import hashlib
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import undefer

from service.db import audit
from service.db.models import TemplateVersion, User
from service.documents import render
from service.documents.checks import validate
from service.documents.context import known_templates
from service.extensions import db

__all__ = [
    "TemplateRefused",
    "activate",
    "active_source",
    "active_version",
    "download",
    "get_version",
    "known_templates",
    "upload",
    "use_shipped",
    "validate",
    "versions",
]


class TemplateRefused(Exception):
    """An upload that is not fit to use; ``problems`` says why, one line per tag."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def _known(name: str) -> str:
    if name not in known_templates():
        raise render.DocumentError(f"'{name}' is not one of Front Door's templates")
    return name


def _template_object(name: str) -> str:
    return f"template:{name}"


def versions(name: str) -> list[TemplateVersion]:
    """Every uploaded version of ``name``, newest first."""
    return list(
        db.session.scalars(
            select(TemplateVersion)
            .where(TemplateVersion.name == name)
            .order_by(TemplateVersion.number.desc())
        )
    )


def get_version(name: str, number: int) -> TemplateVersion | None:
    return db.session.scalar(
        select(TemplateVersion).where(
            TemplateVersion.name == name, TemplateVersion.number == number
        )
    )


def active_version(name: str, with_content: bool = False) -> TemplateVersion | None:
    """The uploaded version in use for ``name``, or None while the shipped file is used."""
    query = select(TemplateVersion).where(
        TemplateVersion.name == name, TemplateVersion.active.is_(True)
    )
    if with_content:
        query = query.options(undefer(TemplateVersion.content))
    return db.session.scalar(query)


def active_source(name: str) -> render.TemplateSource:
    """The template to render ``name`` with: the active uploaded version, else the shipped file.
    Needs an app context (it reads the database)."""
    version = active_version(_known(name), with_content=True)
    if version is None:
        return render.shipped_source(name)
    return render.TemplateSource.of(name, version.content, version.id)


def upload(name: str, content: bytes, note: str | None, user: User) -> TemplateVersion:
    """Check ``content`` and keep it as the next version of ``name``, not yet in use. A template
    that is not fit to use raises TemplateRefused, and the refusal is audited."""
    problems = validate(name, content)
    same = db.session.scalar(
        select(TemplateVersion.number).where(
            TemplateVersion.name == name,
            TemplateVersion.sha256 == hashlib.sha256(content).hexdigest(),
        )
    )
    if same is not None:
        problems.append(f"This file is the same as version {same}: use that version instead")
    if problems:
        audit.record_event("upload", _template_object(name), outcome="refused", user_id=user.id)
        db.session.commit()
        raise TemplateRefused(problems)
    for attempt in range(3):  # two admins uploading at once both want the next number
        number = (
            db.session.scalar(
                select(func.max(TemplateVersion.number)).where(TemplateVersion.name == name)
            )
            or 0
        ) + 1
        version = TemplateVersion(
            name=name,
            number=number,
            content=content,
            sha256=hashlib.sha256(content).hexdigest(),
            note=(note or "").strip() or None,
            uploaded_by_id=user.id,
        )
        db.session.add(version)
        try:
            db.session.flush()
        except IntegrityError:
            db.session.rollback()
            if attempt == 2:
                raise
            continue
        audit.record_event("upload", "template_version", version.id, user_id=user.id)
        db.session.commit()
        return version
    raise AssertionError("unreachable")


def activate(version: TemplateVersion, user: User) -> str:
    """Put ``version`` in use for its template (the only one in use). Returns the audited action:
    ``roll_back`` when it is older than the version it replaces, else ``activate``."""
    current = _lock_versions(version.name)
    older = current is None or version.number < current.number
    action = "roll_back" if current is not None and older else "activate"
    db.session.execute(
        update(TemplateVersion)
        .where(TemplateVersion.name == version.name, TemplateVersion.id != version.id)
        .values(active=False)
    )
    version.active = True
    version.activated_at = datetime.now(UTC)
    audit.record_event(action, "template_version", version.id, user_id=user.id)
    db.session.commit()
    return action


def use_shipped(name: str, user: User) -> None:
    """Stop using any uploaded version: the template shipped with Front Door is used again."""
    _lock_versions(_known(name))
    db.session.execute(
        update(TemplateVersion).where(TemplateVersion.name == name).values(active=False)
    )
    audit.record_event("use_shipped", _template_object(name), user_id=user.id)
    db.session.commit()


def _lock_versions(name: str) -> TemplateVersion | None:
    """Lock ``name``'s versions until commit (PostgreSQL) and return the one in use."""
    locked = db.session.scalars(
        select(TemplateVersion).where(TemplateVersion.name == name).with_for_update()
    )
    return next((version for version in locked if version.active), None)


def download(name: str, version: TemplateVersion | None, user: User) -> tuple[str, bytes]:
    """The file name and bytes of ``version`` (None: the shipped file), audited."""
    stem = _known(name).removesuffix(".docx")
    if version is None:
        audit.record_event("download", _template_object(name), user_id=user.id)
        filename, content = f"{stem}-shipped.docx", render.shipped_source(name).content
    else:
        audit.record_event("download", "template_version", version.id, user_id=user.id)
        filename, content = f"{stem}-version-{version.number}.docx", version.content
    db.session.commit()
    return filename, content
