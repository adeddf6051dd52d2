"""Textbook downloads: the page that prepares a course's PDF, and the PDF itself."""

from flask import Blueprint

bp = Blueprint("textbooks", __name__, template_folder="templates")

from learn.textbooks import views  # noqa: E402,F401  (views attach themselves to bp)
