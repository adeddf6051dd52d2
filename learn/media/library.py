"""The media library as the web app sees it: its manifest, re-read only when it changes."""

from __future__ import annotations

import threading
from pathlib import Path

from flask import current_app

from media_index import MANIFEST_NAME, Manifest, ManifestError, MediaItem

_lock = threading.Lock()
_cached: dict[str, tuple[int, Manifest]] = {}


def manifest() -> Manifest | None:
    """The library's manifest, read again only when media.json changed; None without one."""
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


def item(media_id: str) -> MediaItem | None:
    library = manifest()
    return library.get(media_id) if library else None


def known_media() -> frozenset[str] | None:
    """The ids in the library, for checking a course's media references; None without one
    (a server whose videos are not scanned yet cannot tell a missing id from a late one)."""
    library = manifest()
    return frozenset(item.id for item in library) if library else None
