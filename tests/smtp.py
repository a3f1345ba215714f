"""A real SMTP server on localhost (aiosmtpd) for the mail tests, keeping what it receives."""

import contextlib
import email
import socket
from email import policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


class Inbox:
    """The server's handler: every message received, parsed, with the recipients it was sent to;
    addresses in ``refuse`` are refused as a real server refuses an unknown mailbox."""

    def __init__(self, refuse: tuple[str, ...] = ()):
        self.refuse = set(refuse)
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.port: int | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


def free_port() -> int:
    """A port nothing listens on (as long as nobody takes it in the meantime)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def smtp_server(refuse: tuple[str, ...] = ()):
    """Run the server on a free port for the ``with`` block; yields its Inbox (``.port``)."""
    inbox = Inbox(refuse)
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.port = controller.port
    try:
        yield inbox
    finally:
        controller.stop()


def text_of(message: EmailMessage) -> str:
    """The plain-text body of a message, with the line endings Python writes."""
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
