"""Delivering e-mail: through a real SMTP server on localhost, or to the mail folder when no
server is configured (the embedded default)."""

import email
import logging
from email import policy

import pytest

from service.delivery import mail
from tests.smtp import free_port, smtp_server, text_of

ADDRESS = "referrer@school.example"


@pytest.fixture
def inbox(app):
    with smtp_server(refuse=("nobody@school.example",)) as inbox:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=inbox.port)
        yield inbox


def test_a_message_reaches_the_smtp_server_with_text_and_html(inbox):
    message = mail.compose(ADDRESS, "Hello", "Plain words\n", "<p>Rich words</p>")
    mail.deliver(message, reference="test 1")
    [received] = inbox.messages
    assert inbox.recipients == [[ADDRESS]]
    assert received["To"] == ADDRESS
    assert received["From"] == "Front Door <frontdoor@localhost>"
    assert received["Subject"] == "Hello"
    assert received["Message-ID"]
    assert text_of(received) == "Plain words\n"
    assert "<p>Rich words</p>" in received.get_body(preferencelist=("html",)).get_content()


def test_the_log_names_the_reference_never_the_address(inbox, caplog):
    with caplog.at_level(logging.INFO, logger="service.delivery.mail"):
        mail.deliver(mail.compose(ADDRESS, "Hello", "Words"), reference="feedback link 7")
    assert "feedback link 7" in caplog.text
    assert ADDRESS not in caplog.text


def test_a_refused_address_is_not_worth_trying_again(inbox):
    with pytest.raises(mail.MailError) as refused:
        mail.deliver(mail.compose("nobody@school.example", "Hello", "Words"), reference="test")
    assert str(refused.value) == "The mail server refused the address"
    assert not refused.value.temporary
    assert inbox.messages == []


def test_a_server_that_cannot_be_reached_is_worth_trying_again(app):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())
    with pytest.raises(mail.MailError) as unreachable:
        mail.deliver(mail.compose(ADDRESS, "Hello", "Words"), reference="test")
    assert str(unreachable.value).startswith("The mail server could not be reached")
    assert unreachable.value.temporary


def test_without_a_server_each_message_is_written_to_the_mail_folder(app, tmp_path, caplog):
    assert not app.config["MAIL_SERVER"]
    with caplog.at_level(logging.INFO, logger="service.delivery.mail"):
        mail.deliver(mail.compose(ADDRESS, "First", "One"), reference="test 1")
        mail.deliver(mail.compose(ADDRESS, "Second", "Two"), reference="test 2")
    folder = tmp_path / "mail"  # the instance folder is tmp_path
    assert mail.mail_folder() == folder
    written = sorted(folder.iterdir())
    assert [path.suffix for path in written] == [".eml", ".eml"]
    subjects = {
        email.message_from_bytes(path.read_bytes(), policy=policy.default)["Subject"]
        for path in written
    }
    assert subjects == {"First", "Second"}
    assert ADDRESS not in caplog.text


def test_the_mail_folder_can_be_configured(app, tmp_path):
    app.config["MAIL_FOLDER"] = str(tmp_path / "outbox")
    mail.deliver(mail.compose(ADDRESS, "Hello", "Words"), reference="test")
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1
