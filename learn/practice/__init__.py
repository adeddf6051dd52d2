"""Spaced review of the words a learner has met (`/review`)."""

from flask import Blueprint

bp = Blueprint("practice", __name__, template_folder="templates")

from learn.practice import views  # noqa: E402,F401  (views attach themselves to bp)
