"""A user's API tokens (service/api): made and named here, shown once, and revoked after a
confirmation. The token is shown in the page that made it, never kept in the session."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from forms.api_tokens import NewTokenForm
from service.actions import work
from service.db import tokens

bp = Blueprint("api_tokens", __name__, url_prefix="/account/api-tokens")


@bp.route("", methods=["GET", "POST"])
def index():
    form = NewTokenForm()
    secret = None
    if form.validate_on_submit():
        token, secret = tokens.issue(current_user, form.name.data.strip())
        work.done("create", "api_token", token.id)
        form = NewTokenForm(formdata=None)
    status = 400 if form.errors else 200
    page = render_template(
        "account/api_tokens.html", form=form, secret=secret, tokens=tokens.tokens_of(current_user)
    )
    return page, status


@bp.route("/<int:token_id>/revoke", methods=["GET", "POST"])
def revoke(token_id: int):
    """Revoking cannot be undone: the page asks first."""
    token = tokens.own_token(token_id, current_user)
    if token is None or token.revoked_at is not None:
        abort(404)
    if request.method == "GET":
        return render_template("account/revoke_api_token.html", token=token)
    tokens.revoke(token)
    work.done("revoke", "api_token", token.id)
    flash(f"The token for {token.name} is revoked: calls with it are refused")
    return redirect(url_for("api_tokens.index"))
