"""Accounts on the web: register, log in and out, change password, choose a language."""

from flask import Blueprint

bp = Blueprint("auth", __name__, template_folder="templates")

from learn.auth import views  # noqa: E402,F401  (views attach themselves to bp)
