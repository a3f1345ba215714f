from sqlalchemy import select

from service.db.models import Role, User
from service.extensions import db


def get_active_user(user_id: str) -> User | None:
    user = db.session.get(User, int(user_id))
    return user if user and user.active else None


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email.strip().lower()))


def save_user(email: str, full_name: str, role: Role, password: str, **profile: str | None) -> User:
    """Create the user, or update the one with this e-mail address (password included)."""
    user = find_by_email(email) or User(email=email.strip().lower())
    user.full_name = full_name
    user.role = Role(role)
    for name, value in profile.items():
        setattr(user, name, value)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def first_admin() -> User | None:
    """The longest-standing active admin: who a command-line import is recorded against."""
    return db.session.scalar(
        select(User).where(User.role == Role.ADMIN, User.active.is_(True)).order_by(User.id)
    )
