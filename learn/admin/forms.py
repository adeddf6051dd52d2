"""The admin forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired


class CourseUploadForm(FlaskForm):
    pack = FileField(
        _l("Course pack (.zip)"),
        validators=[
            FileRequired(_l("Choose a .zip file.")),
            FileAllowed(["zip"], _l("A course pack is a .zip file.")),
        ],
    )
