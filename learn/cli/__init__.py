"""The `rianthai` command: Flask's CLI with every command of the project.

Commands only parse arguments and call package code.
"""

from __future__ import annotations

import click
from flask.cli import FlaskGroup


def _create_app():
    from learn import create_app

    return create_app()


def _add_commands(group: click.Group) -> None:
    from learn.cli import users

    group.add_command(users.users)


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """Rian Thai: serve the app and manage its database, accounts and content."""


_add_commands(main)
