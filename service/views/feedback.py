"""The referrer's pages, reached from the e-mailed link without signing in (service.delivery.links).

The token lets a referrer ask; only the address the link was sent to, confirmed in this browser
session, lets them read. Until then these pages show nothing about the child. The session
remembers the id of the one link confirmed, nothing else. Every open, confirmation and download
is audited, refusals included.
"""

import io

from flask import (
    Blueprint,
    current_app,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)

from forms.feedback import ENTER_ADDRESS, ConfirmEmailForm
from parsers import MEDIA_TYPES
from service.actions import work
from service.clocks.calendar import as_utc
from service.db.models import DocumentStatus, FeedbackLink
from service.delivery import links
from service.documents import preview

bp = Blueprint("feedback", __name__)
# for the links' status on the referral's page (templates/referrals/_feedback.html)
bp.add_app_template_global(links.is_locked, "feedback_link_locked")
bp.add_app_template_global(links.is_expired, "feedback_link_expired")

#: session key: the id of the link whose address was confirmed in this session
CONFIRMED = "feedback_link"


def _audit(action: str, link: FeedbackLink, outcome: str = "success") -> None:
    work.done(action, "feedback_link", link.id, outcome=outcome)


def _page(template: str, status: int = 200, **context):
    context.setdefault("contact", current_app.config["FEEDBACK_CONTACT"])
    context.setdefault("council_phone", current_app.config["COUNCIL_PHONE"])
    context.setdefault("council_email", current_app.config["COUNCIL_EMAIL"])
    return render_template(f"feedback/{template}", **context), status


def _unusable(link: FeedbackLink | None, action: str):
    """The page to show instead when the link is unknown or expired, else None."""
    if link is None:
        return _page("not_found.html", 404)
    if links.is_expired(link):
        _audit(action, link, outcome="expired")
        return _page("expired.html", 410)
    return None


def _confirmed(link: FeedbackLink) -> bool:
    return session.get(CONFIRMED) == link.id


@bp.route("/feedback/<token>", methods=["GET", "POST"])
def confirm(token: str):
    link = links.find_link(token)
    if (stop := _unusable(link, "open")) is not None:
        return stop
    if _confirmed(link):
        return redirect(url_for(".letter", token=token))
    if links.is_locked(link):
        _audit("confirm" if request.method == "POST" else "open", link, outcome="locked")
        return _page("locked.html", 403)
    form = ConfirmEmailForm()
    if request.method == "GET":
        links.mark_opened(link)
        _audit("open", link)
    elif form.validate_on_submit():
        if links.confirm(link, form.email.data):
            _audit("confirm", link)
            session[CONFIRMED] = link.id
            return redirect(url_for(".letter", token=token))
        _audit("confirm", link, outcome="refused")
        if links.is_locked(link):
            return _page("locked.html", 403)
        left = links.LOCK_AFTER_FAILURES - link.failed_confirmations
        tries = "1 more try" if left == 1 else f"{left} more tries"
        form.email.errors.append(f"{ENTER_ADDRESS}. You have {tries} before the link is locked")
    return _page("confirm.html", form=form, link=link, referral_date=links.referral_date(link))


@bp.route("/feedback/<token>/letter")
def letter(token: str):
    link = links.find_link(token)
    if (stop := _unusable(link, "open")) is not None:
        return stop
    if not _confirmed(link):
        return redirect(url_for(".confirm", token=token))
    document = links.letter(link)
    ready = document.status == DocumentStatus.READY and document.content is not None
    if ready:  # the page shows what the letter says
        _audit("view", link)
    return _page(
        "letter.html",
        link=link,
        token=token,
        document=document,
        content=preview.html_of(document.content) if ready else None,
        expires_on=as_utc(link.expires_at).date(),
        referral_date=links.referral_date(link),
    )


@bp.route("/feedback/<token>/download")
def download(token: str):
    link = links.find_link(token)
    if (stop := _unusable(link, "download")) is not None:
        return stop
    if not _confirmed(link):
        _audit("download", link, outcome="refused")
        return redirect(url_for(".confirm", token=token))
    file_type = "pdf" if request.args.get("format") == "pdf" else "docx"
    document = links.letter(link, pdf=file_type == "pdf")
    content = document.pdf_content if file_type == "pdf" else document.content
    if document.status != DocumentStatus.READY or content is None:
        _audit("download", link, outcome="not_ready")
        return redirect(url_for(".letter", token=token))
    links.mark_downloaded(link)
    _audit("download", link)
    response = send_file(
        io.BytesIO(content),
        mimetype=MEDIA_TYPES[file_type],
        as_attachment=True,
        download_name=document.filename.rsplit(".", 1)[0] + f".{file_type}",
    )
    response.headers["Cache-Control"] = "no-store"
    return response
