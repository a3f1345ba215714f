"""The referrer's e-mail through the real queue: the task message in Redis carries the link's id
only, and a real worker on the ``mail`` queue sends the mail to a real SMTP server."""

import base64
import json
import time

import redis

from record import load_record
from service.actions import producing
from service.db import referrals, users
from service.db.models import FeedbackLink, Role
from service.delivery import links
from service.extensions import db
from service.jobs import queues
from tests.smtp import smtp_server, text_of
from tests.support.services import Worker

REFERRER = "t.reed@cheshampark.example.sch.uk"  # the referrer in tests/data/full-record.json


def offer_link(full_record_data) -> int:
    manager = users.save_user("manager@council.example", "Sam Patel", Role.MANAGER, "pw-12345678")
    referral = referrals.submit_referral(load_record(full_record_data), manager)
    letter = producing.queue(referral, "outcome_feedback", manager)
    link = links.offer_feedback(referral, letter, REFERRER, manager)
    db.session.commit()
    return link.id


def test_the_mail_task_message_carries_only_the_link_id(
    production_app, redis_url, full_record_data
):
    link_id = offer_link(full_record_data)
    queues.enqueue_feedback_mail(link_id)  # no worker running: the message waits in Redis
    client = redis.Redis.from_url(redis_url)
    [raw] = client.lrange("mail", 0, -1)
    client.close()
    message = json.loads(raw)
    assert message["headers"]["task"] == "send-feedback-mail"
    args, kwargs, _ = json.loads(base64.b64decode(message["body"]))
    assert args == [link_id] and kwargs == {}
    assert REFERRER not in raw.decode() and "Brennan" not in raw.decode()


def test_a_real_worker_sends_the_mail_from_the_mail_queue(
    tmp_path, monkeypatch, production_app, postgres_url, redis_url, full_record_data
):
    with smtp_server() as inbox:
        monkeypatch.setenv("FRONTDOOR_MAIL_SERVER", "127.0.0.1")
        monkeypatch.setenv("FRONTDOOR_MAIL_PORT", str(inbox.port))
        worker = Worker.started(tmp_path, postgres_url, redis_url)
        try:
            link_id = offer_link(full_record_data)
            queues.enqueue_feedback_mail(link_id)
            deadline = time.monotonic() + 60
            while not inbox.messages and time.monotonic() < deadline:
                time.sleep(0.2)
            assert inbox.messages, worker.output()[-3000:]
            assert worker.wait_for_log("send-feedback-mail", "succeeded"), worker.output()[-3000:]
            log = worker.output()
        finally:
            worker.stop()
    [message] = inbox.messages
    assert inbox.recipients == [[REFERRER]]
    assert "/feedback/" in text_of(message)
    db.session.remove()
    link = db.session.get(FeedbackLink, link_id)
    assert link.sent_at is not None and link.send_error is None
    assert REFERRER not in log and "Brennan" not in log, "no personal data in the worker's log"
