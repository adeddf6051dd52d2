"""The textbook page (prepare, then download) and the PDF download itself."""

from __future__ import annotations

from flask import abort, current_app, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required

from learn.extensions import db
from learn.i18n import current_language
from learn.learner.lookup import course_or_404
from learn.textbooks import bp, jobs, workbook
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


@bp.get("/courses/<course_id>/workbook")
@login_required
def workbook_page(course_id: str):
    """The learner's own workbook: the textbook with their name and progress."""
    course = course_or_404(course_id)
    lang = request.args.get("lang") or current_language()
    if lang not in course.languages:
        lang = "en" if "en" in course.languages else course.languages[0]
    size = request.args.get("size", "A4").upper()
    summary = workbook.summary_for(db.session, current_user, course)
    if size not in SIZES:
        abort(404)
    key = workbook.workbook_key(course, lang, size, summary)
    cache = workbook.workbook_cache(current_app.config["TEXTBOOK_CACHE"], current_user.id)
    ready = cache.info(key)
    failed = None
    if ready is None:
        failed = jobs.failure(cache, key)
        if failed is None:
            jobs.start(cache, key, course.source, workbook.to_json(summary))
    else:
        workbook.prune_older(cache, key)
    return render_template(
        "textbooks/page.html",
        course=course,
        lang=lang,
        size=key.size,
        sizes=SIZES,
        ready=ready,
        failed=failed,
        personal=True,
    )


@bp.get("/courses/<course_id>/workbook.pdf")
@login_required
def workbook_download(course_id: str):
    """The learner's workbook PDF as it stands now (else the page that prepares it)."""
    course = course_or_404(course_id)
    lang = request.args.get("lang", "")
    size = request.args.get("size", "A4").upper()
    if lang not in course.languages or size not in SIZES:
        abort(404)
    summary = workbook.summary_for(db.session, current_user, course)
    key = workbook.workbook_key(course, lang, size, summary)
    cache = workbook.workbook_cache(current_app.config["TEXTBOOK_CACHE"], current_user.id)
    ready = cache.info(key)
    if ready is None:
        return redirect(
            url_for("textbooks.workbook_page", course_id=course_id, lang=lang, size=size)
        )
    return send_file(
        ready.path,
        mimetype="application/pdf",
        as_attachment=True,
        download_name=f"{course.id}-workbook-{lang}-{key.size}.pdf",
        etag=ready.etag,
        conditional=True,
        max_age=0,
    )
