"""API tokens (``ApiToken``): made for a user and shown once, found again only by their hash,
revoked by their owner. A token's user must still be active: a user switched off loses their
tokens with their login."""

import hashlib
import secrets
from datetime import UTC, datetime

from sqlalchemy import select

from service.clocks.calendar import as_utc
from service.db.models import ApiToken, User
from service.extensions import db

#: every token starts so: a leaked one is recognisable in a log or a repository scan
TOKEN_PREFIX = "fd_"  # noqa: S105 - a prefix, not a secret
#: how much of a token its owner sees again, to tell their tokens apart
SHOWN_CHARACTERS = 10
#: last_used_at is written at most this often for a token, not on every call
USE_RECORDED_EVERY_SECONDS = 60


def _sha256(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``, and its secret: the only time the secret exists in full."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name.strip(),
        token_sha256=_sha256(secret),
        prefix=secret[:SHOWN_CHARACTERS],
    )
    db.session.add(token)
    db.session.flush()
    return token, secret


def user_for(secret: str) -> User | None:
    """The active user whose unrevoked token ``secret`` is, else None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = db.session.scalar(
        select(ApiToken).where(
            ApiToken.token_sha256 == _sha256(secret), ApiToken.revoked_at.is_(None)
        )
    )
    if token is None or not token.user.is_active:
        return None
    now = datetime.now(UTC)
    last = token.last_used_at
    if last is None or (now - as_utc(last)).total_seconds() > USE_RECORDED_EVERY_SECONDS:
        token.last_used_at = now
    return token.user


def tokens_of(user: User) -> list[ApiToken]:
    """``user``'s tokens, newest first, revoked ones included (their history)."""
    query = select(ApiToken).where(ApiToken.user_id == user.id)
    return list(db.session.scalars(query.order_by(ApiToken.id.desc())))


def get(token_id: int) -> ApiToken | None:
    return db.session.get(ApiToken, token_id)


def own_token(token_id: int, user: User) -> ApiToken | None:
    token = get(token_id)
    return token if token is not None and token.user_id == user.id else None


def revoke(token: ApiToken) -> None:
    token.revoked_at = token.revoked_at or datetime.now(UTC)
