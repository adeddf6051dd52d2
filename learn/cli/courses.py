"""`rianthai course ...`: check and install content packs."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from learn.catalog import catalog
from learn.media.library import known_media
from lessons import CourseError, check_course, compare_courses, install_pack, load_course
from lessons.stats import course_stats


@click.group("course")
def course() -> None:
    """Check and install course content packs."""


@course.command("check")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@with_appcontext
def check(path: Path) -> None:
    """Check the pack folder PATH; print every problem as file:line: field: message."""
    problems = check_course(path, known_media())
    for problem in problems:
        click.echo(f"{path / problem.file}:{problem.line}: {problem.field}: {problem.message}")
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s); the pack would be refused")
    click.echo(f"{path}: no problems")


@course.command("stats")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
def stats(path: Path) -> None:
    """Print the counts of the pack PATH as JSON: lessons, words, exercises by type, media,
    and the languages every learner-facing text is in."""
    try:
        counts = course_stats(load_course(path))
    except CourseError as error:
        for problem in error.problems:
            click.echo(f"{path / problem.file}:{problem.line}: {problem.field}: {problem.message}")
        raise click.ClickException("the pack has problems; run `rianthai course check`") from None
    click.echo(json.dumps(counts, ensure_ascii=False, indent=2))


@course.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@with_appcontext
def import_(source: Path) -> None:
    """Install the pack SOURCE (a folder or a zip) into the instance; refused whole on error."""
    in_use = {course.id: course for course in catalog().courses()}
    try:
        installed = install_pack(source, Path(current_app.config["COURSES_DIR"]), known_media())
    except CourseError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        raise click.ClickException("the pack was refused; nothing was installed") from None
    catalog().refresh(force=True)
    course = installed.course
    if installed.already_installed:
        click.echo(f"Course {course.id} version {course.version} was installed already.")
        return
    click.echo(f"Installed course {course.id} version {course.version}.")
    before = installed.previous or in_use.get(course.id)
    changes = compare_courses(before, course) if before is not None else None
    if changes and changes.removes_anything:
        for kind, ids in changes.removed.items():
            if ids:
                click.echo(f"  removed {kind}: {', '.join(ids)}")
        click.echo("Learners keep their records; what was removed no longer counts.")
