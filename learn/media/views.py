"""Media files by id, with HTTP ranges, ETags and caching; never a path outside the library.

Werkzeug's conditional `send_file` answers Range requests (206 with Content-Range, 416 when
unsatisfiable) and If-None-Match / If-Modified-Since. The manifest is read again only when
`media.json` changes.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import abort, current_app, send_file

from learn.media import bp
from media_index import MANIFEST_NAME, Manifest, ManifestError
from media_index.paths import UnsafePath, safe_join

_lock = threading.Lock()
_cached: dict[str, tuple[int, Manifest]] = {}
# Media URLs name an id, not a content hash, so a replaced video must reach phones within the
# hour; the ETag makes the revalidation cheap.
MAX_AGE = 3600
LANG = {"th", "km", "lo", "my", "en"}


def manifest() -> Manifest | None:
    """The library's manifest, or None when the media folder has none yet."""
    root = Path(current_app.config["MEDIA_ROOT"])
    try:
        stamp = (root / MANIFEST_NAME).stat().st_mtime_ns
    except FileNotFoundError:
        return None
    with _lock:
        known = _cached.get(str(root))
        if known and known[0] == stamp:
            return known[1]
    try:
        loaded = Manifest.load(root)
    except ManifestError:
        current_app.logger.exception("media manifest %s unreadable", root / MANIFEST_NAME)
        return None
    with _lock:
        _cached[str(root)] = (stamp, loaded)
    return loaded


def _send(relative: str, mimetype: str | None = None):
    try:
        path = safe_join(current_app.config["MEDIA_ROOT"], relative)
    except UnsafePath:
        abort(404)
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype=mimetype, conditional=True, etag=True, max_age=MAX_AGE)
    response.headers["Accept-Ranges"] = "bytes"
    return response


@bp.get("/media/<media_id>/<rendition>")
def file(media_id: str, rendition: str):
    """A media item's original or one of its renditions (`360p`, `240p`, `audio`)."""
    library = manifest()
    item = library.get(media_id) if library else None
    if item is None:
        abort(404)
    try:
        chosen = item.rendition(rendition)
    except KeyError:
        abort(404)
    return _send(chosen.path)


@bp.get("/media/<media_id>/captions/<lang>.vtt")
def captions(media_id: str, lang: str):
    """A media item's captions in one language, as WebVTT."""
    library = manifest()
    item = library.get(media_id) if library else None
    if item is None or lang not in LANG or lang not in item.captions:
        abort(404)
    return _send(item.captions[lang], mimetype="text/vtt")
