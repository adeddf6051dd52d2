"""The organisation admin's pages: organisations, members, bulk worker accounts, reports."""

from flask import Blueprint

bp = Blueprint("org", __name__, template_folder="templates")

from learn.org import import_views, report_views, views  # noqa: E402,F401  (attach to bp)
