"""What the web layer needs to serve a media file: where it is, its type, ETag and caching.

The HTTP view in ``learn/`` turns a ``ServedFile`` into headers; Range handling is in
``media_index.ranges``. Everything here is resolved through ``safe_join``, so no id, rendition
name or manifest entry can point outside the media folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .model import Manifest
from .paths import safe_join

CONTENT_TYPES = {
    ".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg",
    ".mov": "video/quicktime", ".m4a": "audio/mp4", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
    ".oga": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav", ".flac": "audio/flac",
    ".aac": "audio/aac", ".weba": "audio/webm", ".vtt": "text/vtt; charset=utf-8",
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp",
    ".svg": "image/svg+xml",
}
YEAR = 365 * 24 * 3600
# Originals and captions can be replaced under the same name: revalidate with the ETag.
REVALIDATE = "public, max-age=300, must-revalidate"
IMMUTABLE = f"public, max-age={YEAR}, immutable"


class NotFound(LookupError):
    """No such media id, rendition, caption language, or the file is gone from disk."""


@dataclass(frozen=True, slots=True)
class ServedFile:
    """A file to send: absolute path, its path in the folder, and the headers that describe it."""

    path: Path
    relpath: str
    size: int
    mtime: float
    content_type: str
    etag: str  # with quotes, as the header carries it
    cache_control: str

    def accel_redirect(self, prefix: str = "/_media/") -> str:
        """The ``X-Accel-Redirect`` value for an nginx ``internal`` location at ``prefix``."""
        return prefix.rstrip("/") + "/" + quote(self.relpath)


def _served(folder: Path, relpath: str, etag_tag: str | None, immutable: bool) -> ServedFile:
    path = safe_join(folder, relpath)
    try:
        st = path.stat()
    except OSError as exc:
        raise NotFound(f"{relpath}: not on disk ({exc.strerror or exc}); scan again") from exc
    if not path.is_file():
        raise NotFound(f"{relpath}: not a file")
    # A strong ETag from the checksum when the manifest vouches for the bytes; otherwise (the
    # file changed since the scan, or it is a caption) one from size and time, marked weak.
    etag = f'"{etag_tag}"' if etag_tag else f'W/"{st.st_size:x}-{st.st_mtime_ns:x}"'
    return ServedFile(path, relpath, st.st_size, st.st_mtime,
                      CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream"), etag,
                      IMMUTABLE if immutable else REVALIDATE)


def media_file(manifest: Manifest, media_id: str, rendition: str = "original") -> ServedFile:
    """The file of ``rendition`` (``original``, ``360p``, ``240p``, ``audio``) of an item."""
    item = manifest.get(media_id)
    if item is None:
        raise NotFound(f"no media item {media_id!r}")
    try:
        r = item.rendition(rendition)
    except KeyError:
        raise NotFound(f"{media_id!r} has no rendition {rendition!r}") from None
    folder = Path(manifest.folder)
    if rendition == "original":
        try:
            st = os.stat(safe_join(folder, item.path))
        except OSError:
            st = None
        unchanged = st is not None and (st.st_size, st.st_mtime_ns) == (item.size, item.mtime_ns)
        return _served(folder, r.path, item.sha256[:32] if unchanged else None, False)
    # Content-addressed: the name carries a hash of source and settings, it never changes.
    return _served(folder, r.path, f"{item.sha256[:16]}-{Path(r.path).stem}", True)


def caption_file(manifest: Manifest, media_id: str, lang: str) -> ServedFile:
    """The WebVTT captions of an item in ``lang``."""
    item = manifest.get(media_id)
    if item is None:
        raise NotFound(f"no media item {media_id!r}")
    if lang not in item.captions:
        raise NotFound(f"{media_id!r} has no {lang!r} captions")
    return _served(Path(manifest.folder), item.captions[lang], None, False)


def thumbnail_file(manifest: Manifest, media_id: str) -> ServedFile:
    """The poster JPEG of a video (content-addressed: cached for a year)."""
    item = manifest.get(media_id)
    if item is None or item.thumbnail is None:
        raise NotFound(f"no thumbnail for {media_id!r}")
    return _served(Path(manifest.folder), item.thumbnail, None, True)
