"""Error pages (400, 403, 404, 405, 413, 429, 500) in the reader's language."""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from learn.extensions import db


def _messages() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Something in the request was wrong"), _("Please go back and try again.")),
        403: (_("You may not open this page"), _("Your account does not have access to it.")),
        404: (_("Page not found"), _("The address may be wrong, or the page was removed.")),
        405: (_("Something in the request was wrong"), _("Please go back and try again.")),
        413: (_("The file is too big"), _("Please choose a smaller file and try again.")),
        429: (
            _("Too many tries from this network"),
            _("Please wait a few minutes, then try again."),
        ),
        500: (
            _("Something went wrong on our side"),
            _("Nothing you did caused this. Please try again in a minute."),
        ),
    }


def render_error(code: int, title: str | None = None, detail: str | None = None):
    default_title, default_detail = _messages().get(code, _messages()[500])
    body = render_template(
        "error.html", code=code, title=title or default_title, detail=detail or default_detail
    )
    return body, code


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        return render_error(
            400,
            _("This form has expired"),
            _("Please open the page again and send the form once more."),
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code in (400, 403, 404, 405, 413):
            return render_error(error.code)
        if error.code == 429:
            # Flask-Limiter adds Retry-After to the response on its way out.
            return render_error(429)
        return error

    @app.errorhandler(500)
    def server_error(_error):
        db.session.rollback()
        return render_error(500)
