"""Calling the JSON API as a partner system does: with a user's API token, never a session."""

from service.db import tokens
from service.db.models import User
from service.extensions import db


def token_for(user: User, name: str = "Police case system") -> str:
    """A new token of ``user``'s, committed, as its owner would paste it into their system."""
    _, secret = tokens.issue(user, name)
    db.session.commit()
    return secret


class Api:
    """A test client whose every call carries ``secret`` (none: no Authorization header)."""

    def __init__(self, app, secret: str | None):
        self.client = app.test_client()
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def get(self, path: str, **kwargs):
        return self.client.get(path, headers=self.headers, **kwargs)

    def post(self, path: str, **kwargs):
        return self.client.post(path, headers=self.headers, **kwargs)


def api_as(app, user: User) -> Api:
    return Api(app, token_for(user))
