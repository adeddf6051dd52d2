"""Conditional GET for a learner's own pages: a phone that already has the page gets
"304 Not Modified" and no body, and the server renders nothing.

A learner goes back to the course map after every lesson and reloads a step when the network
stalls; on prepaid data every page not sent again counts, and a 304 costs the server one small
query instead of a page. The ETag names everything such a page is made of: this release of
the code, templates and catalogues; the learner, their language and role; the session's CSRF
token (in the page's forms); the course and its content; the address; and the latest change
to the learner's records in the course (every answer and finished step updates a lesson
summary). Anything else a page shows must not use this: the home page shows reviews falling
due as time passes, a video step where the learner left off.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from flask import Response, request, session
from flask_login import current_user
from sqlalchemy import bindparam, func, select

from learn.extensions import db
from learn.i18n import current_language
from learn.models import LessonSummary
from lessons import Course

ROOT = Path(__file__).resolve().parents[1]
# What a page is made of, besides the data: the code, the templates, the catalogues and the
# static files (whose hashes are in the page's links).
SOURCES = ("learn", "lessons", "exercises", "media_index")
SUFFIXES = {".py", ".html", ".mo", ".css", ".js", ".svg", ".woff2"}
# The bundled courses are data: their content hash is in every ETag already.
BUNDLED_COURSES = Path("lessons") / "courses"
# The latest change to a learner's records in a course: built once, as this is all a 304 asks
# of the database.
LATEST_CHANGE = select(func.max(LessonSummary.updated_at), func.count()).where(
    LessonSummary.user_id == bindparam("user_id"),
    LessonSummary.course_id == bindparam("course_id"),
)


@cache
def release() -> str:
    """A digest of the files pages are made from: the same on every host running the same
    release, different after any change to them (a deploy restarts the processes)."""
    digest = hashlib.sha256()
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*")):
            relative = path.relative_to(ROOT)
            if relative.is_relative_to(BUNDLED_COURSES) or path.suffix not in SUFFIXES:
                continue
            if path.is_file():
                digest.update(str(relative).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def learner_etag(course: Course) -> str | None:
    """The ETag of the current learner's page about `course` at this address, or None when
    the page must be made afresh (a message waits to be shown once)."""
    user = current_user._get_current_object()
    if not user.is_authenticated or session.get("_flashes"):
        return None
    latest, count = (
        db.session.connection()
        .execute(LATEST_CHANGE, {"user_id": user.id, "course_id": course.id})
        .one()
    )
    parts = (
        release(),
        user.id,
        current_language(),
        str(user.role),
        session.get("csrf_token"),
        course.id,
        course.version,
        course.content_hash,
        request.full_path,
        str(latest),
        count,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def not_modified(etag: str | None) -> Response | None:
    """A 304 when the browser's copy carries `etag`, else None: make the page."""
    if etag is None or not request.if_none_match.contains_weak(etag):
        return None
    return revalidate(Response(status=304), etag)


def revalidate(response: Response, etag: str | None) -> Response:
    """Mark a learner's page: kept by this browser only, asked for again each time with
    its ETag."""
    if etag is not None:
        response.set_etag(etag, weak=True)  # the same page, gzipped or not
        response.cache_control.private = True
        response.cache_control.no_cache = True
    return response
