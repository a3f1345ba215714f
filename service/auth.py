"""Sign-in is required for every page but sign-in itself; roles narrow it further."""

from functools import wraps

from flask import Flask, abort, redirect, request, url_for
from flask_login import current_user

from service.db import users
from service.extensions import login_manager

PUBLIC_ENDPOINTS = {"sign_in.sign_in", "static", "govuk_assets.static"}
# referrers have no login: their pages need the e-mailed token and address (views/feedback.py)
PUBLIC_ENDPOINTS |= {"feedback.confirm", "feedback.letter", "feedback.download"}


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "sign_in.sign_in"
    login_manager.login_message = "Sign in to continue"
    login_manager.session_protection = "strong"
    login_manager.user_loader(users.get_active_user)
    app.before_request(_require_sign_in)


def _require_sign_in():
    if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
        return None
    return redirect(url_for("sign_in.sign_in", next=request.full_path.rstrip("?")))


def role_required(*roles: str):
    """Refuse (403) a signed-in user whose role is not one of ``roles``."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator
