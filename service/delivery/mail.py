"""Delivering an e-mail: through the configured SMTP server, or, in the embedded default (no
``MAIL_SERVER``), as an .eml file in ``MAIL_FOLDER`` that a developer can open.

Logs name the message by the caller's ``reference`` (a row id), never by its address or content.
"""

import logging
import secrets
import smtplib
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

from flask import current_app

from service.db import audit
from service.extensions import db
from service.storage import write_atomically

log = logging.getLogger(__name__)

SMTP_TIMEOUT_SECONDS = 30


class MailError(Exception):
    """The message was not delivered; the message says why in words staff can act on.

    ``temporary`` failures (the server could not be reached, or asked us to try later) are worth
    trying again; a refused address or a refused sign-in is not."""

    def __init__(self, message: str, temporary: bool):
        super().__init__(message)
        self.temporary = temporary


def compose(to: str, subject: str, text: str, html: str | None = None) -> EmailMessage:
    """A message from the configured sender: plain text, with an HTML alternative if given."""
    sender = current_app.config["MAIL_SENDER"]
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(UTC))
    domain = parseaddr(sender)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


def deliver(message: EmailMessage, reference: str) -> None:
    """Send ``message`` (or write it to the mail folder); raise MailError if it did not go."""
    if current_app.config["MAIL_SERVER"]:
        _send(message)
        log.info("mail sent for %s", reference)
    else:
        path = _write(message)
        log.info("mail written for %s to %s", reference, path.name)


def mail_folder() -> Path:
    configured = current_app.config["MAIL_FOLDER"]
    return Path(configured) if configured else Path(current_app.instance_path) / "mail"


def _write(message: EmailMessage) -> Path:
    folder = mail_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = folder / f"{stamp}-{secrets.token_hex(4)}.eml"
    write_atomically(path, message.as_bytes())
    return path


def _send(message: EmailMessage) -> None:
    config = current_app.config
    try:
        with smtplib.SMTP(
            config["MAIL_SERVER"], int(config["MAIL_PORT"]), timeout=SMTP_TIMEOUT_SECONDS
        ) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls(context=ssl.create_default_context())
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused:
        raise MailError("The mail server refused the address", temporary=False) from None
    except smtplib.SMTPAuthenticationError:
        raise MailError(
            "The mail server refused Front Door's sign-in (check FRONTDOOR_MAIL_USERNAME and "
            "FRONTDOOR_MAIL_PASSWORD)",
            temporary=False,
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise MailError(
            "The mail server does not offer STARTTLS (check FRONTDOOR_MAIL_USE_TLS)",
            temporary=False,
        ) from None
    except smtplib.SMTPResponseException as error:
        temporary = 400 <= error.smtp_code < 500
        raise MailError(
            f"The mail server did not accept the message (code {error.smtp_code})", temporary
        ) from None
    except (smtplib.SMTPException, OSError) as error:
        raise MailError(
            f"The mail server could not be reached ({type(error).__name__})", temporary=True
        ) from None


def record_unsent(model, row_id: int, error_column: str, object_type: str, reason: str) -> None:
    """Show on the row that a mail was for (a feedback link, a referral's acknowledgement) why
    it was not sent, audited; what the failed attempt left in the session is dropped first."""
    db.session.rollback()
    row = db.session.get(model, row_id)
    if row is None:
        return
    setattr(row, error_column, reason)
    audit.record_event("send", object_type, row.id, outcome="failed")
    db.session.commit()
    log.warning("%s %s: mail not sent", object_type, row_id)
