import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_limiter.errors import RateLimitExceeded
from flask_login import login_user, logout_user

from forms.auth import SignInForm
from service.actions import work
from service.db import audit, users
from service.extensions import limiter

bp = Blueprint("sign_in", __name__)


def _safe_next(target: str | None) -> str:
    """Only follow a ``next`` that stays on this site, and that can be a Location header (a line
    break cannot: a server error after signing in)."""
    if (
        target
        and not urlsplit(target).netloc
        and target.startswith("/")
        and not target.startswith("//")
        and not re.search(r"[\x00-\x1f\x7f]", target)
    ):
        return target
    return url_for("referrals.index")


def _locked_out(user) -> bool:
    """Too many refused sign-ins to this account lately: a password is being guessed."""
    window = timedelta(minutes=current_app.config["LOCKOUT_MINUTES"])
    since = datetime.now(UTC) - window
    return audit.refused_sign_ins_since(user.id, since) >= current_app.config["LOCKOUT_ATTEMPTS"]


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["SIGN_IN_RATE_LIMIT"], methods=["POST"])
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        user = users.find_by_email(form.email.data)
        if user and _locked_out(user):
            work.done("sign_in", "user", user.id, outcome="locked")
            minutes = current_app.config["LOCKOUT_MINUTES"]
            form.email.errors.append(
                f"This account is locked after too many attempts: try again in {minutes} minutes"
            )
            return render_template("sign_in.html", form=form), 429
        if user and user.active and user.check_password(form.password.data):
            login_user(user)
            session.permanent = True  # expires after PERMANENT_SESSION_LIFETIME without use
            work.done("sign_in", "user", user.id, user_id=user.id)
            return redirect(_safe_next(request.args.get("next")))
        work.done("sign_in", "user", user.id if user else None, outcome="refused")
        form.email.errors.append("Enter a correct email address and password")
    return render_template("sign_in.html", form=form)


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    work.done("sign_out")
    logout_user()
    return redirect(url_for("sign_in.sign_in"))


@bp.errorhandler(RateLimitExceeded)
def too_many_attempts(error):
    """Many sign-ins from one address, whichever accounts they name: slow the guessing down."""
    work.done("sign_in", outcome="rate_limited")
    form = SignInForm()
    form.email.errors = [
        "Too many attempts to sign in from your network: wait a minute, then try again"
    ]
    return render_template("sign_in.html", form=form), 429
