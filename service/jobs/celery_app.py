"""Celery bound to the Flask app, so that every task runs inside an app context."""

from celery import Celery, Task
from flask import Flask

import service.jobs.tasks  # noqa: F401  (each task registers itself by name as the module loads)
from service.jobs import queues

# `celery -A service.worker beat`: the sweeper, every five minutes; a sweep not run before the
# next one is due is dropped rather than piled up.
SWEEP_EVERY_SECONDS = 300.0
BEAT_SCHEDULE = {
    queues.SWEEP_STUCK_JOBS: {
        "task": queues.SWEEP_STUCK_JOBS,
        "schedule": SWEEP_EVERY_SECONDS,
        "options": {"queue": queues.DOCUMENTS_QUEUE, "expires": SWEEP_EVERY_SECONDS - 10},
    }
}


def celery_init_app(app: Flask) -> Celery:
    class FlaskTask(Task):
        def __call__(self, *args, **kwargs):
            with app.app_context():
                return self.run(*args, **kwargs)

    celery = Celery(app.name, task_cls=FlaskTask)
    celery.config_from_object(app.config["CELERY"])
    celery.conf.beat_schedule = BEAT_SCHEDULE
    celery.set_default()
    app.extensions["celery"] = celery
    return celery
