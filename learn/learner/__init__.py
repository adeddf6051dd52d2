"""The learner's pages: the course catalogue, the course map and the lesson player."""

from flask import Blueprint

bp = Blueprint("learner", __name__, template_folder="templates")

from learn.learner import video, views  # noqa: E402,F401  (views attach themselves to bp)
