"""The pages everyone sees first: home and the health check."""

from flask import Blueprint

bp = Blueprint("main", __name__, template_folder="templates")

from learn.main import views  # noqa: E402,F401  (views attach themselves to bp)
