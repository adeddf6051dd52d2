"""The organisation admin's pages: organisations, members, bulk worker accounts, reports."""

from flask import Blueprint

bp = Blueprint("org", __name__, template_folder="templates")

# The view modules attach their routes to bp.
from learn.org import certificate_views, import_views, report_views, views  # noqa: E402,F401
