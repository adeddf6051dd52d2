"""The `rianthai` command: Flask's CLI with every command of the project.

Commands only parse arguments and call package code. They are registered on the app (so
`flask --app wsgi` has them too); `main` is the console script.
"""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import FlaskGroup


def init_app(app: Flask) -> None:
    from learn.cli import courses, media, textbooks, users

    app.cli.add_command(users.users)
    app.cli.add_command(courses.course)
    app.cli.add_command(media.media)
    app.cli.add_command(textbooks.textbook)


def _create_app() -> Flask:
    from learn import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """Rian Thai: serve the app and manage its database, accounts and content."""
