"""The data budget of a page: static files under content-hashed URLs, cached for a year, and
text responses compressed with gzip.

Every `url_for('static', filename=...)` gets `?v=<hash of the file>`, so a phone keeps a file
until it changes and never asks again; a changed file has a new URL. Text (HTML, CSS, JS, JSON,
SVG, captions) is sent gzipped to a browser that accepts it: a lesson page is about a fifth of
its size that way. This is a small hook rather than flask-compress: gzip is all that every
phone browser supports, the hook has no further dependency, and the compressed static files
are kept in memory so a file is compressed once per process, not per request.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

from flask import Flask, Response, current_app, request
from flask.sessions import SecureCookieSessionInterface

YEAR = 365 * 24 * 3600
COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "text/vtt",
    "text/plain",
    "text/csv",
}
MIN_SIZE = 500  # below this, gzip's header and the extra work cost more than they save
LEVEL = 6

_versions: dict[str, tuple[float, str]] = {}  # static path -> (mtime, hash)
_gzipped: dict[tuple[str, float], bytes] = {}  # (static path, mtime) -> gzipped bytes


def file_version(folder: str, filename: str) -> str | None:
    """A short hash of the static file's bytes, or None when there is no such file."""
    path = os.path.join(folder, filename)
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return None
    known = _versions.get(path)
    if known and known[0] == mtime:
        return known[1]
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
    _versions[path] = (mtime, digest)
    return digest


def _add_version(endpoint: str, values: dict) -> None:
    if endpoint == "static" and "filename" in values and "v" not in values:
        version = file_version(current_app.static_folder or "", values["filename"])
        if version:
            values["v"] = version


def _accepts_gzip() -> bool:
    return request.accept_encodings["gzip"] > 0  # "*" counts; "gzip;q=0" refuses


def _static_gzip(response: Response) -> bytes:
    """The gzipped bytes of a static file, compressed once per process and file version."""
    path = os.path.join(current_app.static_folder or "", request.view_args["filename"])
    key = (path, os.stat(path).st_mtime)
    if key not in _gzipped:
        response.direct_passthrough = False
        _gzipped[key] = gzip.compress(response.get_data(), LEVEL, mtime=0)
    return _gzipped[key]


def compress(response: Response) -> Response:
    """Gzip a text response for a client that accepts it (after every request)."""
    response.vary.add("Accept-Encoding")
    if (
        request.method != "GET"
        or response.status_code != 200
        or response.mimetype not in COMPRESSIBLE
        or "Content-Encoding" in response.headers
        or (response.is_streamed and not response.direct_passthrough)  # a generator
        or not _accepts_gzip()
    ):
        return response
    length = response.content_length
    if length is not None and length < MIN_SIZE:
        return response
    source = response.response  # a file for static and send_file responses: closed below
    if request.endpoint == "static":
        body = _static_gzip(response)
        if response.get_etag()[0]:  # not the same bytes as the plain file's
            response.set_etag(response.get_etag()[0] + "-gz")
    else:
        response.direct_passthrough = False
        body = gzip.compress(response.get_data(), LEVEL, mtime=0)
    getattr(source, "close", lambda: None)()
    response.set_data(body)
    response.headers["Content-Encoding"] = "gzip"
    return response


def cache_forever(response: Response) -> Response:
    """A static file asked for by its content hash never changes: keep it a year. (A stale
    hash, from a page cached before a deploy, gets today's file without the long cache.)"""
    if (
        request.endpoint == "static"
        and response.status_code == 200
        and request.args.get("v")
        == file_version(current_app.static_folder or "", request.view_args["filename"])
    ):
        response.cache_control.public = True
        response.cache_control.max_age = YEAR
        response.cache_control.immutable = True
        response.cache_control.no_cache = None
    return response


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, left alone for static files: they are the same for
    everyone, so their responses must not say `Vary: Cookie` (Flask-Login touches the session
    on every response), or phones and proxies fetch them again whenever the cookie changes."""

    def save_session(self, app: Flask, session, response: Response) -> None:
        if request.endpoint == "static" and not session.modified:
            return
        super().save_session(app, session, response)


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
    app.url_defaults(_add_version)
    app.after_request(cache_forever)
    app.after_request(compress)
