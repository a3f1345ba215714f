"""Entry point for Celery workers: ``celery -A service.worker worker``."""

from service.app import create_app

flask_app = create_app()
celery = flask_app.extensions["celery"]
