"""Commands on a record, a form file or a policy: ``frontdoor parse``, ``check``, ``render`` and
``deadlines``. They need no database, so they run on the settings alone, without building the
web app (they start in a fraction of the time: the app imports most of what Front Door has)."""

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from parsers import ParseError, isolation
from record import RecordError, load_record
from service.cli import fail
from service.clocks.policy import DEFAULT_POLICY, EVENTS, load_policy
from service.config import Settings, StartupError, environment_name, load_settings
from service.documents.registry import Sender
from service.documents.render import (
    DOCUMENTS,
    DocumentError,
    convert_to_pdf,
    missing_data,
    render_docx,
)
from service.rules.engine import DEFAULT_RULES_DIR, load_rulebook
from service.storage import write_atomically


@contextlib.contextmanager
def _starting() -> Iterator[None]:
    """Settings or rules files that would stop Front Door starting stop the command, saying so."""
    try:
        yield
    except StartupError as error:
        fail(f"cannot start: {error}")


def _settings() -> Settings:
    with _starting():
        return load_settings(environment_name())


@click.command("render")
@click.argument("document", type=click.Choice(sorted(DOCUMENTS)))
@click.argument("record_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="OUT.docx or OUT.pdf",
)
def render(document, record_file, output):
    """Render DOCUMENT for the record in RECORD_FILE (JSON) into OUTPUT."""
    settings = _settings()
    if output.suffix.lower() not in (".docx", ".pdf"):
        fail("the output must end in .docx or .pdf")
    try:
        record = load_record(record_file.read_bytes())
        if reason := missing_data(document, record):
            fail(f"{record_file}: {reason}")
        content = render_docx(document, record, Sender.from_settings(settings))
        if output.suffix.lower() == ".pdf":
            content = convert_to_pdf(content, settings["SOFFICE_PATH"], warm=False)
    except OSError as error:
        fail(f"cannot read {record_file}: {error.strerror}")
    except RecordError as error:
        fail(f"{record_file} is not a valid record: {error}")
    except DocumentError as error:
        fail(str(error))
    write_atomically(output, content)
    click.echo(json.dumps({"document": document, "output": str(output), "bytes": len(content)}))


@click.command("parse")
@click.argument("form_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--provenance", is_flag=True, help="Also print where each value was read")
def parse(form_file, provenance):
    """Read a legacy CAF or referral form (PDF, Word or a scan) and print its record as JSON."""
    try:
        result = isolation.parse_file(form_file, isolation.Limits.from_settings(_settings()))
    except ParseError as error:
        fail(f"cannot read {form_file}: {error}")
    output = (
        {"record": result.record, "provenance": result.provenance} if provenance else result.record
    )
    click.echo(json.dumps(output, indent=2, ensure_ascii=False))


@click.command("check")
@click.argument("record_file", type=click.Path(dir_okay=False, path_type=Path))
def check(record_file):
    """Check the record in RECORD_FILE against its pathway's rules.

    Prints {"pathway", "complete", "missing": [{"field", "message"}], "warnings"}; exits 0 when
    complete, 1 when something is missing, 2 when the file is not a record.
    """
    with _starting():
        rules = load_rulebook(_settings()["RULES_DIR"] or DEFAULT_RULES_DIR)
    try:
        record = load_record(record_file.read_bytes())
    except OSError as error:
        fail(f"cannot read {record_file}: {error.strerror}")
    except RecordError as error:
        fail(f"{record_file} is not a valid record: {error}")
    result = rules.check(record)
    click.echo(json.dumps(result.as_dict(), indent=2))
    sys.exit(0 if result.complete else 1)


@click.command("deadlines")
@click.option(
    "--received",
    required=True,
    type=click.DateTime(["%Y-%m-%dT%H:%M", "%Y-%m-%d"]),
    help="When the referral was received, local time: YYYY-MM-DDTHH:MM",
)
@click.option(
    "--event",
    "events",
    multiple=True,
    metavar="EVENT=YYYY-MM-DDTHH:MM",
    help=f"When another event happened, for the clocks it starts: {', '.join(EVENTS)}",
)
def deadlines(received, events):
    """Print when each statutory clock runs out under the active policy (FRONTDOOR_CLOCKS_POLICY)
    as JSON: {"decision_due": "YYYY-MM-DD", "assessment_due": …}; clocks counted in hours give
    a time as well."""
    happened = {"received": received}
    for given in events:
        name, _, when = given.partition("=")
        if name not in EVENTS:
            fail(f"--event {given}: '{name}' is not an event; events: {', '.join(EVENTS)}")
        try:
            happened[name] = dt.datetime.fromisoformat(when)
        except ValueError:
            fail(f"--event {given}: give the time as YYYY-MM-DDTHH:MM")
    with _starting():
        policy = load_policy(_settings()["CLOCKS_POLICY"] or DEFAULT_POLICY)
    due = policy.deadlines(happened)
    click.echo(json.dumps({name: _day_or_time(when) for name, when in due.items()}, indent=2))


def _day_or_time(when: dt.date | dt.datetime) -> str:
    if isinstance(when, dt.datetime):
        return when.isoformat(timespec="minutes")
    return when.isoformat()
