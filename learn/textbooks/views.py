"""The textbook and workbook pages (prepare, then download) and their PDFs."""

from __future__ import annotations

from urllib.parse import quote

from flask import (
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user, login_required

from learn.extensions import db
from learn.i18n import current_language
from learn.learner.lookup import course_or_404
from learn.textbooks import bp, jobs, workbook
from textbook import SIZES, TextbookCache, TextbookError, key_for


def _cache() -> TextbookCache:
    return TextbookCache(current_app.config["TEXTBOOK_CACHE"])


def _lang_and_size(course, lang: str | None = None) -> tuple[str, str]:
    """The language asked for (else the reader's, else the course's first) and the size."""
    lang = lang or request.args.get("lang") or current_language()
    if lang not in course.languages:
        lang = "en" if "en" in course.languages else course.languages[0]
    size = request.args.get("size", "A4").upper()
    if size not in SIZES:
        abort(404)
    return lang, size


def _key(course, lang: str, size: str):
    try:
        return key_for(course, lang, size)
    except TextbookError:
        abort(404)


def _prepare(cache: TextbookCache, key, course, learner_json: str | None = None):
    """(facts of the ready PDF, None) or (None, why it failed); starts the render if needed."""
    ready = cache.info(key)
    if ready is not None:
        return ready, None
    failed = jobs.failure(cache, key)
    if failed is not None:
        current_app.logger.error("textbook %s failed: %s", key.filename, failed)
    else:
        jobs.start(cache, key, course.source, learner_json)
    return None, failed


def _page(course, lang, key, ready, failed, personal=False):
    return render_template(
        "textbooks/page.html",
        course=course,
        lang=lang,
        size=key.size,
        sizes=SIZES,
        ready=ready,
        failed=failed,
        personal=personal,
    )


def _send(ready, name: str, max_age: int):
    prefix = current_app.config.get("TEXTBOOK_ACCEL_PREFIX")
    if prefix:
        return _accel(ready, name, max_age, prefix)
    return send_file(
        ready.path,
        mimetype="application/pdf",
        as_attachment=True,
        download_name=name,
        etag=ready.etag,
        conditional=True,
        max_age=max_age,
    )


def _accel(ready, name: str, max_age: int, prefix: str) -> Response:
    """An empty response that has nginx send the PDF from an `internal` location aliased to
    TEXTBOOK_CACHE; nginx answers Range and If-None-Match itself (with its own ETag)."""
    relpath = ready.path.relative_to(current_app.config["TEXTBOOK_CACHE"]).as_posix()
    response = Response(status=200, mimetype="application/pdf")
    response.headers["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(relpath)
    response.headers.set("Content-Disposition", "attachment", filename=name)
    # The same caching as send_file's: public for a textbook, revalidated for a workbook.
    if max_age > 0:
        response.cache_control.public = True
    else:
        response.cache_control.no_cache = True
    response.cache_control.max_age = max_age
    return response


@bp.get("/courses/<course_id>/textbook")
def page(course_id: str):
    """Choose language and size; see the size and pages; or wait while it is prepared."""
    course = course_or_404(course_id)
    lang, size = _lang_and_size(course)
    key = _key(course, lang, size)
    return _page(course, lang, key, *_prepare(_cache(), key, course))


@bp.get("/textbooks/<course_id>/<lang>.pdf")
def download(course_id: str, lang: str):
    """The PDF, once prepared (else the page that prepares it), with an ETag."""
    course = course_or_404(course_id)
    if lang not in course.languages:
        abort(404)
    lang, size = _lang_and_size(course, lang)
    key = _key(course, lang, size)
    ready = _cache().info(key)
    if ready is None:
        return redirect(url_for("textbooks.page", course_id=course_id, lang=lang, size=size))
    return _send(ready, f"{course.id}-{lang}-{key.size}.pdf", max_age=3600)


def _workbook(course, lang: str, size: str):
    summary = workbook.summary_for(db.session, current_user, course)
    key = workbook.workbook_key(course, lang, size, summary)
    cache = workbook.workbook_cache(current_app.config["TEXTBOOK_CACHE"], current_user.id)
    return summary, key, cache


@bp.get("/courses/<course_id>/workbook")
@login_required
def workbook_page(course_id: str):
    """The learner's own workbook: the textbook with their name and progress."""
    course = course_or_404(course_id)
    lang, size = _lang_and_size(course)
    summary, key, cache = _workbook(course, lang, size)
    ready, failed = _prepare(cache, key, course, workbook.to_json(summary))
    if ready is not None:
        workbook.prune_older(cache, key)
    return _page(course, lang, key, ready, failed, personal=True)


@bp.get("/courses/<course_id>/workbook.pdf")
@login_required
def workbook_download(course_id: str):
    """The learner's workbook PDF as it stands now (else the page that prepares it)."""
    course = course_or_404(course_id)
    lang = request.args.get("lang", "")
    if lang not in course.languages:
        abort(404)
    lang, size = _lang_and_size(course, lang)
    _, key, cache = _workbook(course, lang, size)
    ready = cache.info(key)
    if ready is None:
        return redirect(
            url_for("textbooks.workbook_page", course_id=course_id, lang=lang, size=size)
        )
    return _send(ready, f"{course.id}-workbook-{lang}-{key.size}.pdf", max_age=0)
