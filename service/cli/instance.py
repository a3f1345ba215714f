"""Commands on this instance's database and jobs (users, API tokens, imports, the sweeper),
run inside the web app's context as Flask's own are."""

import secrets
import sys
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from service import storage
from service.actions import work
from service.cli import fail
from service.db import audit, imports, tokens, users
from service.db.models import Role
from service.exports import cin_census
from service.extensions import db
from service.imports import pipeline, report, unpack
from service.jobs import queues, sweeper

DEMO_USERS = [
    (
        "practitioner@frontdoor.example",
        "Priya Shah",
        Role.PRACTITIONER,
        "School Nurse",
        "Chiltern Community Health",
    ),
    (
        "admin@frontdoor.example",
        "Alex Morgan",
        Role.ADMIN,
        "Business Support Officer",
        "Children's Services",
    ),
    (
        "manager@frontdoor.example",
        "Sam Patel",
        Role.MANAGER,
        "Team Manager, MASH",
        "Children's Services",
    ),
]


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--name", "full_name", required=True, help="Full name as staff know it")
@click.option("--role", type=click.Choice([role.value for role in Role]), required=True)
@click.option("--job-title")
@click.option("--agency")
@click.option("--phone")
@click.option("--team", help="For a manager: the team whose referrals they see")
@click.password_option(help="Asked for twice if not given")
@with_appcontext
def create_user(email, full_name, role, job_title, agency, phone, team, password):
    """Create a user, or reset an existing one's details and password."""
    if role == Role.MANAGER:
        team = team or current_app.config["DEFAULT_TEAM"]
    user = users.save_user(
        email,
        full_name,
        Role(role),
        password,
        job_title=job_title,
        agency=agency,
        phone=phone,
        team=team,
    )
    click.echo(f"Saved {user.role} {user.email}")


@click.command("seed-demo")
@with_appcontext
def seed_demo():
    """Create one demo user per role with a fresh random password, and print the logins."""
    click.echo("Demo logins (passwords are new each time this runs):")
    for email, full_name, role, job_title, agency in DEMO_USERS:
        password = secrets.token_urlsafe(9)
        users.save_user(
            email,
            full_name,
            role,
            password,
            job_title=job_title,
            agency=agency,
            phone="01494 586000",
            team=current_app.config["DEFAULT_TEAM"] if role == Role.MANAGER else None,
        )
        click.echo(f"  {role.value:<13} {email:<32} {password}")


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--as", "as_email", metavar="EMAIL", help="Admin to record it against [first admin]")
@click.option("--wait", default=600, show_default=True, help="Seconds to wait for the workers")
@with_appcontext
def import_forms(paths, as_email, wait):
    """Import legacy forms (PDF, Word or scans, folders of them, or zips) for review.

    Each form becomes an import job, as if uploaded: its original is stored and it is read.
    Prints a summary table; exits 1 if any file failed, else 0.
    """
    user = users.find_by_email(as_email) if as_email else users.first_admin()
    if user is None:
        fail(
            f"no user {as_email}"
            if as_email
            else "no admin user to record the import against: "
            "create one with `frontdoor create-user --role admin` or give --as EMAIL"
        )
    batch = imports.create_batch(user, ", ".join(str(path) for path in paths))
    jobs = []
    for name, path in unpack.files_under(list(paths)):
        jobs += pipeline.add_entries(batch, unpack.entries_of_path(name, path))
    to_read = pipeline.queued(jobs)
    audit.record_event("upload", "import_batch", batch.id, user_id=user.id)
    db.session.commit()
    click.echo(f"Batch {batch.id}: {len(jobs)} forms, {len(to_read)} to read", err=True)
    with click.progressbar(length=len(to_read), label="Reading forms", file=sys.stderr) as bar:
        for job_id in to_read:
            queues.enqueue_imports([job_id])
            bar.update(1 if imports.count_unfinished([job_id]) == 0 else 0)
        done = bar.pos
        for finished in pipeline.wait_for(to_read, timeout=wait):
            bar.update(finished - done)
            done = max(done, finished)
    finished_jobs = imports.jobs_in(batch.id)
    click.echo(report.summary_table(finished_jobs))
    sys.exit(1 if any(report.is_failure(job) for job in finished_jobs) else 0)


@click.command("sweep")
@with_appcontext
def sweep():
    """Take back jobs a lost worker or a lost message left behind (beat runs this in production).

    Documents and import jobs queued or running for longer than FRONTDOOR_JOB_STUCK_MINUTES are
    queued again by id, or failed for a person to retry once started FRONTDOOR_JOB_MAX_ATTEMPTS
    times. Prints what it did, one line each.
    """
    done = sweeper.sweep()
    for label, names in (("queued again", done.requeued), ("failed", done.failed)):
        click.echo(f"{label}: {', '.join(names) or 'none'}")
    for queue in done.left:
        click.echo(f"left to the {queue} queue: it still holds messages, or could not be reached")


@click.group("api-token")
def api_token():
    """API tokens, for another system to call the JSON API as one user (/api/v1)."""


@api_token.command("create")
@click.option("--email", required=True, help="The user the token acts as")
@click.option("--name", required=True, help="What it is for, e.g. the calling system")
@with_appcontext
def create_api_token(email, name):
    """Make a token and print it: it is shown this once and kept only as a hash."""
    user = users.find_by_email(email)
    if user is None or not user.is_active:
        fail(f"no active user {email}")
    token, secret = tokens.issue(user, name)
    work.done("create", "api_token", token.id, user_id=user.id)
    click.echo(secret)
    click.echo(f"Token {token.id} for {user.email}: keep it safe, it is not shown again", err=True)


@api_token.command("revoke")
@click.argument("token_id", type=int)
@with_appcontext
def revoke_api_token(token_id):
    """Revoke a token: calls with it are refused from now on."""
    token = tokens.get(token_id) or fail(f"no API token {token_id}")
    tokens.revoke(token)
    work.done("revoke", "api_token", token.id, user_id=token.user_id)
    click.echo(f"Token {token.id} ({token.prefix}…, {token.name}) revoked")


@click.group("export")
def export():
    """Returns the council makes from Front Door's records."""


@export.command("cin-census")
@click.option("--year", required=True, help="The collection year, like 2026-27")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def export_cin_census(year, output):
    """Write the CIN census XML for the referrals and assessments of YEAR (1 April to 31
    March) to OUTPUT, for the DfE's collection."""
    la_code = current_app.config["LA_CODE"]
    if not la_code:
        fail("set FRONTDOOR_LA_CODE to the council's three-digit DfE local authority code")
    try:
        collection = cin_census.CollectionYear.named(year)
    except cin_census.CensusYearError as error:
        fail(str(error))
    content = cin_census.census_xml(collection, la_code, datetime.now(UTC))
    storage.write_atomically(output, content)
    work.done("export", "cin_census")
    click.echo(f"Wrote the CIN census {year} to {output}")
