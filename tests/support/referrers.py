"""The referrer's side: an outcome letter queued, a link to it offered and e-mailed, and the
address confirmed in a browser."""

import re
from urllib.parse import urlsplit

from service.actions import producing
from service.db import documents
from service.db.models import DocumentStatus, FeedbackLink
from service.delivery import links as feedback
from service.extensions import db
from service.jobs import queues
from tests.smtp import text_of
from tests.support.browser import Browser

REFERRER = "t.reed@cheshampark.example.sch.uk"  # the referrer in tests/data/full-record.json


def queue_letter(
    referral, manager, render: bool = True, pdf: bool = False, kind: str = "outcome_feedback"
):
    letter = producing.queue(referral, kind, manager, wants_pdf=pdf)
    db.session.commit()
    if render:
        queues.enqueue_document(letter.id)  # eager: rendered by the real task, here
        db.session.expire_all()  # the task ran in a session of its own
        assert documents.get_document(letter.id).status == DocumentStatus.READY
    return letter


def offer(referral, letter, manager, address: str = REFERRER) -> FeedbackLink:
    """As the manager's decision page does: offer, commit, then queue the e-mail."""
    link = feedback.offer_feedback(referral, letter, address, manager)
    db.session.commit()
    queues.enqueue_feedback_mail(link.id)
    db.session.expire_all()
    return db.session.get(FeedbackLink, link.id)


#: where a test's links point: the test client's address when a page sent the mail, else the
#: embedded default (service.delivery.links.LOCAL_URL)
TEST_HOSTS = ("localhost", "127.0.0.1:5000")


def link_in(message, hosts=TEST_HOSTS) -> str:
    """The path of the one link in the mail's text, which must be on one of ``hosts``."""
    [url] = re.findall(r"https?://\S+", text_of(message))
    parts = urlsplit(url)
    assert parts.netloc in hosts and parts.path.startswith("/feedback/"), url
    return parts.path


def confirm(browser: Browser, path: str, address: str):
    """Open the link's page and enter ``address``, as the referrer does."""
    return browser.submit(path, {"email": address})
