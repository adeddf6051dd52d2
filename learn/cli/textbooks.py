"""`rianthai textbook build` renders textbooks ahead of time, so nobody waits for them;
`rianthai textbook prune` deletes those of earlier course versions."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from learn.catalog import catalog
from textbook import SIZES, TextbookCache


@click.group("textbook")
def textbook() -> None:
    """Render and cache course textbooks."""


@textbook.command("build")
@click.option("--course", "course_id", help="Only this course (default: every course).")
@click.option("--lang", help="Only this language (default: every language of the course).")
@click.option("--all", "every", is_flag=True, help="Every language of the course (the default).")
@click.option("--size", type=click.Choice(list(SIZES)), multiple=True, help="A4, A5 or both.")
@with_appcontext
def build(course_id: str | None, lang: str | None, every: bool, size: tuple[str, ...]) -> None:
    """Render every textbook that is not in the cache yet."""
    if lang and every:
        raise click.UsageError("give --lang or --all, not both")
    courses = catalog().courses()
    if course_id:
        courses = [c for c in courses if c.id == course_id]
        if not courses:
            raise click.ClickException(f"no course {course_id!r} is installed")
    jobs = [
        (course, code, page)
        for course in courses
        for code in ([lang] if lang else course.languages)
        for page in (size or tuple(SIZES))
    ]
    cache = TextbookCache(current_app.config["TEXTBOOK_CACHE"])
    with click.progressbar(jobs, label="Rendering textbooks", item_show_func=_label) as bar:
        for course, code, page in bar:
            cache.build(course, code, page)
    click.echo(f"{len(jobs)} textbook(s) ready in {cache.folder}")


def _label(job) -> str:
    return f"{job[0].id} {job[1]} {job[2]}" if job else ""


@textbook.command("prune")
@with_appcontext
def prune() -> None:
    """Delete cached textbooks that no installed course version can ask for any more."""
    cache = TextbookCache(current_app.config["TEXTBOOK_CACHE"])
    removed = sum(cache.prune(course) for course in catalog().courses())
    click.echo(f"{removed} old textbook(s) removed from {cache.folder}")
