"""The learner's pages: the course catalogue, the course map and the lesson player."""

from flask import Blueprint

from learn.learner.feedback import outcome_title

bp = Blueprint("learner", __name__, template_folder="templates")
bp.add_app_template_global(outcome_title)

from learn.learner import offline, sync, video, views  # noqa: E402,F401  (views attach themselves to bp)
