"""Serving the media library: videos, audio, renditions, thumbnails and captions."""

from flask import Blueprint

bp = Blueprint("media", __name__)

from learn.media import views  # noqa: E402,F401  (views attach themselves to bp)
