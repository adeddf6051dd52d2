"""The trainer's pages: groups, join codes and QR codes, assignments, the group dashboard."""

from flask import Blueprint

bp = Blueprint("trainer", __name__, template_folder="templates")

from learn.trainer import dashboard_views, views  # noqa: E402,F401  (they attach to bp)
