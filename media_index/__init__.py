"""Rian Thai's video and audio library: scan a folder into a manifest, captions, low-data
renditions, byte ranges and safe paths for serving, and sample media for the bundled course.

Plain Python (never imports Flask or ``learn``); external work is done by ffmpeg, ffprobe and
espeak-ng.
"""

from .library import media_id_for, prune, scan
from .model import MANIFEST_NAME, Manifest, ManifestError, MediaItem, Problem, Rendition

__all__ = ["MANIFEST_NAME", "Manifest", "ManifestError", "MediaItem", "Problem", "Rendition",
           "media_id_for", "prune", "scan"]
