"""`rianthai users ...`: accounts from the command line."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from learn.auth.accounts import AccountError, register
from learn.extensions import db
from learn.models import LANGUAGE_CODES, Role


@click.group()
def users() -> None:
    """Manage accounts."""


@users.command("create-admin")
@click.argument("login")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--language", type=click.Choice(LANGUAGE_CODES), default="en", show_default=True)
@click.option("--name", default="", help="Display name.")
@with_appcontext
def create_admin(login: str, password: str, language: str, name: str) -> None:
    """Create a platform admin with LOGIN (a username or phone number)."""
    try:
        user = register(db.session, login, password, language, name, role=Role.ADMIN)
    except AccountError as error:
        db.session.rollback()
        raise click.ClickException(_describe(error)) from None
    db.session.commit()
    click.echo(f"Created platform admin {user.username!r}.")


def _describe(error: AccountError) -> str:
    return {
        "login_invalid": "the login must be 3-32 letters, digits, . _ - or a phone number",
        "login_taken": "this login is already used",
        "password_short": f"the password needs at least {error.data.get('min')} characters",
        "password_is_login": "the password must not be the login",
    }.get(error.code, error.code)
