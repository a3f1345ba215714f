"""The ``frontdoor`` command: Flask's own commands (``run``, ``db upgrade`` …) plus ours.

Each of ours is loaded by name when it is asked for (click's lazy group): the commands on a
file (``service.cli.files``) then start without the web app, which imports most of Front Door
and took most of their time; the rest (``service.cli.instance``) run in its context.
"""

import importlib
import sys

import click
from flask.cli import FlaskGroup

from service.config import StartupError

COMMANDS = {
    "parse": "service.cli.files:parse",
    "check": "service.cli.files:check",
    "render": "service.cli.files:render",
    "deadlines": "service.cli.files:deadlines",
    "create-user": "service.cli.instance:create_user",
    "api-token": "service.cli.instance:api_token",
    "export": "service.cli.instance:export",
    "seed-demo": "service.cli.instance:seed_demo",
    "import": "service.cli.instance:import_forms",
    "sweep": "service.cli.instance:sweep",
}


def fail(reason: str) -> None:
    """Stop the command: one line on standard error, exit status 2 (cannot do what was asked)."""
    click.echo(f"frontdoor: {reason}", err=True)
    sys.exit(2)


def _load(name: str):
    """``module:attribute``, imported now."""
    module, attribute = name.split(":")
    return getattr(importlib.import_module(module), attribute)


def _create_app():
    try:
        return _load("service.app:create_app")()
    except StartupError as error:
        fail(f"cannot start: {error}")


class _Commands(FlaskGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in COMMANDS:
            return _load(COMMANDS[name])
        return super().get_command(ctx, name)


@click.group(cls=_Commands, create_app=_create_app, add_version_option=False)
def main():
    """Front Door: take in concerns about children, check them and produce documents."""
