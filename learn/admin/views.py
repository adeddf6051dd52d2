"""Views for platform admins: the installed courses and installing a pack from a zip."""

from __future__ import annotations

import tempfile
from functools import wraps
from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from learn.admin import bp
from learn.admin.forms import CourseUploadForm
from learn.catalog import catalog
from learn.media.library import known_media
from learn.models import Role
from lessons import CourseError, compare_courses, install_pack


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if current_user.role is not Role.ADMIN:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


@bp.route("/courses", methods=["GET", "POST"])
@admin_required
def courses():
    """The installed courses, packs refused, and a form to install a pack."""
    form = CourseUploadForm()
    problems = None
    if form.validate_on_submit():
        in_use = {course.id: course for course in catalog().courses()}
        with tempfile.TemporaryDirectory() as folder:
            upload = Path(folder) / "pack.zip"
            form.pack.data.save(upload)
            try:
                installed = install_pack(
                    upload, Path(current_app.config["COURSES_DIR"]), known_media()
                )
            except CourseError as error:
                problems = error.problems
        if problems is None:
            catalog().refresh(force=True)
            course = installed.course
            before = installed.previous or in_use.get(course.id)
            changes = compare_courses(before, course) if before else None
            flash(
                _("Installed %(id)s version %(version)s.", id=course.id, version=course.version),
                "success",
            )
            if changes and changes.removes_anything:
                removed = ", ".join(i for ids in changes.removed.values() for i in ids)
                flash(
                    _(
                        "This version removed: %(ids)s. Learners keep their records of them.",
                        ids=removed,
                    ),
                    "info",
                )
            return redirect(url_for("admin.courses"))
    status = 422 if (form.errors or problems) else 200
    return render_template(
        "admin/courses.html",
        form=form,
        problems=problems,
        courses=catalog().courses(),
        refused=catalog().refused(),
    ), status
