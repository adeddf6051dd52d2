"""`rianthai course ...`: check and install content packs."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from learn.catalog import catalog
from learn.course_install import install_pack
from lessons import CourseError, check_course


@click.group("course")
def course() -> None:
    """Check and install course content packs."""


@course.command("check")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
def check(path: Path) -> None:
    """Check the pack folder PATH; print every problem as file:line: field: message."""
    problems = check_course(path)
    for problem in problems:
        click.echo(f"{path / problem.file}:{problem.line}: {problem.field}: {problem.message}")
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s); the pack would be refused")
    click.echo(f"{path}: no problems")


@course.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@with_appcontext
def import_(source: Path) -> None:
    """Install the pack SOURCE (a folder or a zip) into the instance; refused whole on error."""
    try:
        installed, changes = install_pack(
            source, Path(current_app.config["COURSES_DIR"]), catalog().get
        )
    except CourseError as error:
        for problem in error.problems:
            click.echo(
                f"{problem.file}:{problem.line}: {problem.field}: {problem.message}", err=True
            )
        raise click.ClickException("the pack was refused; nothing was installed") from None
    catalog().refresh(force=True)
    click.echo(f"Installed course {installed.id} version {installed.version}.")
    if changes and changes.removes_anything:
        for kind, ids in changes.removed.items():
            if ids:
                click.echo(f"  removed {kind}: {', '.join(ids)}")
        click.echo("Learners keep their records; removed items no longer count.")
