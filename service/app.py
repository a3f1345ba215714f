"""The web app factory: ``create_app`` builds Front Door from its settings, extensions, rules
and views. Gunicorn serves ``service.app:create_app()``; the CLI and the worker build it so too."""

import os
from datetime import timedelta
from pathlib import Path

from flask import Blueprint, Flask
from flask_login import current_user
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from forms.error_summary import error_summary
from record.lifecycle import STAGE_TITLES
from record.titles import (
    COMPLEX_NEED_TITLES,
    INITIAL_ASSESSMENT_TITLES,
    LEAD_CHOICE_TITLES,
    OUTCOME_TITLES,
    PATHWAY_TITLES,
)
from service import api, auth, permissions, security
from service.clocks.calendar import local
from service.clocks.policy import DEFAULT_POLICY, load_policy
from service.config import (
    ConfigurationError,
    database_url,
    environment_name,
    instance_secret_key,
    load_settings,
)
from service.documents import render
from service.extensions import csrf, db, limiter, migrate
from service.jobs.celery_app import celery_init_app
from service.rules.engine import DEFAULT_RULES_DIR, load_rulebook
from service.views import (
    api_tokens,
    assessments,
    audit_trail,
    child_protection,
    dashboard,
    decisions,
    documents,
    drafts,
    errors,
    feedback,
    imports,
    lead_professional,
    plans,
    referrals,
    sharing,
    sign_in,
    specialist_requests,
    templates,
)

MIGRATIONS_DIR = Path(__file__).parent / "db" / "migrations"
#: the largest id a table's integer key holds (PostgreSQL's integer; SQLite refuses past 2**63)
MAX_ID = 2**31 - 1


class RowId(IntegerConverter):
    """``<int:…>`` in every address: an id beyond any a table holds is no page (404), not a
    query the database refuses (a server error; schemathesis found it)."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


GOVUK_ASSETS_DIR = Path(__file__).parent / "static" / "govuk" / "assets"


def create_app(config: dict | None = None) -> Flask:
    """Build the app; ``config`` overrides settings (tests use it), else the environment decides."""
    app = Flask(
        "service",  # the app's name: its logger's, its Celery app's and where it finds templates
        instance_relative_config=True,
        instance_path=os.environ.get("FRONTDOOR_INSTANCE_PATH") or None,
    )
    app.url_map.converters["int"] = RowId  # before any route is added
    environment = environment_name()
    app.config.update(load_settings(environment, config))
    _resolve_settings(app, environment)
    if hops := int(app.config["PROXY_HOPS"]):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    app.extensions["rules"] = load_rulebook(app.config["RULES_DIR"] or DEFAULT_RULES_DIR)
    app.extensions["clocks"] = load_policy(app.config["CLOCKS_POLICY"] or DEFAULT_POLICY)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    celery_init_app(app)
    _init_templates(app)

    auth.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    api.init_app(app)
    app.register_blueprint(sign_in.bp)
    app.register_blueprint(referrals.bp)
    app.register_blueprint(drafts.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(imports.bp)
    app.register_blueprint(decisions.bp)
    app.register_blueprint(assessments.bp)
    app.register_blueprint(specialist_requests.bp)
    app.register_blueprint(plans.bp)
    app.register_blueprint(audit_trail.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(child_protection.bp)
    app.register_blueprint(lead_professional.bp)
    app.register_blueprint(sharing.bp)
    app.register_blueprint(feedback.bp)
    app.register_blueprint(templates.bp)
    app.register_blueprint(api_tokens.bp)
    app.register_blueprint(
        Blueprint(
            "govuk_assets", __name__, static_folder=GOVUK_ASSETS_DIR, static_url_path="/assets"
        )
    )
    return app


def _resolve_settings(app: Flask, environment: str) -> None:
    """Fill in what the embedded default derives, and refuse a production app missing a service."""
    instance = Path(app.instance_path)
    if environment == "production":
        missing = [
            name
            for name in ("DATABASE_URL", "BROKER_URL", "SECRET_KEY", "EXTERNAL_URL")
            if not app.config[name]
        ]
        if missing:
            names = ", ".join(f"FRONTDOOR_{name}" for name in missing)
            raise ConfigurationError(f"production needs {names} set")
    instance.mkdir(parents=True, exist_ok=True)
    app.config["SECRET_KEY"] = app.config["SECRET_KEY"] or instance_secret_key(instance)
    broker = app.config["BROKER_URL"] or ""
    shared = broker if broker.startswith(("redis://", "rediss://")) else "memory://"
    app.config["RATELIMIT_STORAGE_URI"] = app.config["RATELIMIT_STORAGE_URI"] or shared
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url(app.config["DATABASE_URL"], instance)
    app.config["STORAGE_DIR"] = app.config["STORAGE_DIR"] or str(instance / "files")
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(minutes=int(app.config["SESSION_MINUTES"]))
    broker = app.config["BROKER_URL"]
    app.config["CELERY"] = {
        **app.config["CELERY"],
        "broker_url": broker or "memory://",
        "task_always_eager": not broker,
    }


def _init_templates(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            app.jinja_loader,
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.globals.update(
        service_name="Front Door",
        error_summary=error_summary,
        may_make_referrals=permissions.may_make_referrals,
        sees_dashboard=permissions.may_decide,
        administers=permissions.administers,
        # for the links table, a macro imported without the page's context
        may_send_again=lambda link: (
            bool(current_user) and permissions.may_send_again(link, current_user)
        ),
    )
    app.jinja_env.filters.update(
        long_date=render.long_date,
        answer=render.answer,
        attachment_label=render.attachment_label,
        pathway_title=lambda code: PATHWAY_TITLES.get(code, code),
        document_title=lambda kind: render.DOCUMENTS[kind].title,
        outcome_title=lambda code: OUTCOME_TITLES.get(code, code),
        stage_title=lambda code: STAGE_TITLES.get(code, code),
        local_date=lambda moment: local(moment).date(),
        assessment_title=lambda code: INITIAL_ASSESSMENT_TITLES.get(code, code),
        complex_need_title=lambda code: COMPLEX_NEED_TITLES.get(code, code),
        lead_choice_title=lambda code: LEAD_CHOICE_TITLES.get(code, code),
    )
