"""Sign-in is required for every page but sign-in itself; what each role may then do is
``service.permissions``'s to say."""

from flask import Flask, redirect, request, url_for
from flask_login import current_user

from service import problems
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
    # the JSON API signs its callers in by their token (service/api), never by the session
    if problems.is_api_request() or request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if current_user.is_authenticated:
        return None
    return redirect(url_for("sign_in.sign_in", next=request.full_path.rstrip("?")))
