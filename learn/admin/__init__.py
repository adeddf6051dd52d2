"""Platform administration: installing course packs from the browser."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")

from learn.admin import views  # noqa: E402,F401  (views attach themselves to bp)
