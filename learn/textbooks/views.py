"""The textbook page (prepare, then download) and the PDF download itself."""

from __future__ import annotations

from flask import abort, current_app, redirect, render_template, request, send_file, url_for

from learn.i18n import current_language
from learn.learner.lookup import course_or_404
from learn.textbooks import bp, jobs
from textbook import SIZES, TextbookCache, TextbookError, key_for


def _cache() -> TextbookCache:
    return TextbookCache(current_app.config["TEXTBOOK_CACHE"])


def _key(course, lang: str, size: str):
    try:
        return key_for(course, lang, size)
    except TextbookError:
        abort(404)


@bp.get("/courses/<course_id>/textbook")
def page(course_id: str):
    """Choose language and size; see the size and pages; or wait while it is prepared."""
    course = course_or_404(course_id)
    lang = request.args.get("lang") or current_language()
    if lang not in course.languages:
        lang = "en" if "en" in course.languages else course.languages[0]
    size = request.args.get("size", "A4").upper()
    key = _key(course, lang, size)
    cache = _cache()
    ready = cache.info(key)
    failed = None
    if ready is None:
        failed = jobs.failure(cache, key)
        if failed is not None:
            current_app.logger.error("textbook %s failed: %s", key.filename, failed)
        else:
            jobs.start(cache, key, course.source)
    return render_template(
        "textbooks/page.html",
        course=course,
        lang=lang,
        size=key.size,
        sizes=SIZES,
        ready=ready,
        failed=failed,
    )


@bp.get("/textbooks/<course_id>/<lang>.pdf")
def download(course_id: str, lang: str):
    """The PDF, once prepared (else the page that prepares it), with an ETag."""
    course = course_or_404(course_id)
    size = request.args.get("size", "A4")
    key = _key(course, lang, size)
    ready = _cache().info(key)
    if ready is None:
        return redirect(url_for("textbooks.page", course_id=course_id, lang=lang, size=size))
    response = send_file(
        ready.path,
        mimetype="application/pdf",
        as_attachment=True,
        download_name=f"{course.id}-{lang}-{key.size}.pdf",
        etag=ready.etag,
        conditional=True,
        max_age=3600,
    )
    return response
