import io
import time

import docx
from sqlalchemy.orm import undefer

from service.actions import producing
from service.db import referrals, users
from service.db.models import Document, Role
from service.extensions import db
from service.jobs.queues import enqueue_document


def wait_for_document(document_id: int, timeout: float = 90) -> Document:
    deadline = time.monotonic() + timeout
    while True:
        db.session.remove()
        document = db.session.get(Document, document_id, options=[undefer(Document.content)])
        if document.status in ("ready", "failed") or time.monotonic() > deadline:
            return document
        time.sleep(0.25)


def test_a_real_worker_renders_the_letter_for_a_referral_stored_in_postgresql(
    production_app, worker, example_record
):
    user = users.save_user("nurse@example.nhs.uk", "Priya Shah", Role.PRACTITIONER, "pw-123456789")
    referral = referrals.submit_referral(example_record, user)
    document = producing.queue(referral, "referral_letter", user)
    db.session.commit()
    document_id = document.id

    enqueue_document(document_id)
    done = wait_for_document(document_id)

    assert done.status == "ready", f"{done.status}: {done.error}\n{worker.output()[-3000:]}"
    letter = docx.Document(io.BytesIO(done.content))
    text = "\n".join(c.text for t in letter.tables for r in t.rows for c in r.cells)
    assert "Maya Okafor" in text and "Grace Okafor" in text and "Priya Shah" in text
    assert len(done.sha256) == 64 and done.template_version
    assert worker.wait_for_log("render-document", "succeeded"), worker.output()[-3000:]
    log = worker.output()
    assert "Okafor" not in log and "Maya" not in log, "no personal data in the worker's log"


def test_the_task_message_carries_only_the_document_id(production_app, redis_url, example_record):
    import json

    import redis

    user = users.save_user("nurse@example.nhs.uk", "Priya Shah", Role.PRACTITIONER, "pw-123456789")
    referral = referrals.submit_referral(example_record, user)
    document = producing.queue(referral, "referral_letter", user)
    db.session.commit()

    enqueue_document(document.id)  # no worker running: the message waits in Redis
    client = redis.Redis.from_url(redis_url)
    [message] = [json.loads(raw) for raw in client.lrange("documents", 0, -1)]
    client.close()
    assert message["headers"]["task"] == "render-document"
    assert "Okafor" not in json.dumps(message) and "Maya" not in json.dumps(message)
    assert message["headers"]["argsrepr"] == f"[{document.id}]"
