"""The organisation admin's pages: organisations, members, bulk worker accounts, reports."""

from flask import Blueprint

bp = Blueprint("org", __name__, template_folder="templates")

from learn.org import import_views, views  # noqa: E402,F401  (views attach themselves to bp)
