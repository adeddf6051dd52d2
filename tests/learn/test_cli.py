"""The `rianthai` command."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import select

from learn.cli import main
from learn.extensions import db
from learn.models import Role, User


def test_help_lists_the_project_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("db", "users", "run"):
        assert f"  {command} " in result.output


def test_create_admin(app, runner):
    result = runner.invoke(args=["users", "create-admin", "Admin", "--password", "long enough"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User))
        assert (user.username, user.role) == ("admin", Role.ADMIN)


def test_create_admin_refuses_a_taken_login(app, runner):
    runner.invoke(args=["users", "create-admin", "admin", "--password", "long enough"])
    result = runner.invoke(args=["users", "create-admin", "ADMIN", "--password", "long enough"])
    assert result.exit_code == 1
    assert "already used" in result.output
