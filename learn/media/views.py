"""Media files by id: originals, renditions, thumbnails and captions.

`media_index.serving` resolves an id to a file inside the library (never outside it) with its
type, ETag and cache policy; `media_index.ranges` reads the Range header as RFC 9110 says.
This module only turns those into a response: 200, 206 with Content-Range, 304, 416, or an
empty response carrying `X-Accel-Redirect` when nginx is configured to send the bytes
(`MEDIA_ACCEL_PREFIX`, an `internal` location aliased to MEDIA_ROOT).
"""

from __future__ import annotations

from pathlib import Path

from flask import Response, abort, current_app, request
from werkzeug.http import http_date, parse_etags, unquote_etag

from learn.media import bp
from learn.media.library import manifest
from media_index.ranges import parse_range
from media_index.serving import NotFound, ServedFile, caption_file, media_file, thumbnail_file

LANGUAGES = {"th", "km", "lo", "my", "en"}


def _resolve(find, *args) -> ServedFile:
    library = manifest()
    if library is None:
        abort(404)
    try:
        return find(library, *args)
    except NotFound:
        abort(404)


def _send(served: ServedFile) -> Response:
    """The response for a file, honouring If-None-Match, If-Range and Range."""
    headers = {
        "ETag": served.etag,
        "Last-Modified": http_date(served.mtime),
        "Cache-Control": served.cache_control,
        "Accept-Ranges": "bytes",
    }
    etag, weak = unquote_etag(served.etag)
    if parse_etags(request.headers.get("If-None-Match")).contains_weak(etag):
        return Response(status=304, headers=headers)
    prefix = current_app.config.get("MEDIA_ACCEL_PREFIX")
    if prefix:  # nginx answers Range and conditional requests itself
        headers["X-Accel-Redirect"] = served.accel_redirect(prefix)
        return Response(status=200, headers=headers, content_type=served.content_type)
    range_header = request.headers.get("Range")
    if_range = request.headers.get("If-Range")
    if if_range is not None and (weak or unquote_etag(if_range) != (etag, False)):
        range_header = None  # the client's copy is another version: send the whole file
    wanted = parse_range(range_header, served.size)
    headers["Content-Length"] = str(wanted.content_length)
    if wanted.status == 416:
        headers["Content-Range"] = wanted.content_range
        return Response(status=416, headers=headers)
    start = 0
    if wanted.status == 206:
        headers["Content-Range"] = wanted.content_range
        start = wanted.range.start
    body = _stream(served.path, start, wanted.content_length)
    return Response(
        body,
        status=wanted.status,
        headers=headers,
        content_type=served.content_type,
        direct_passthrough=True,
    )


def _stream(path: Path, start: int, length: int, chunk: int = 64 * 1024):
    """`length` bytes of the file from `start`; the file is closed however the send ends."""
    with path.open("rb") as file:
        file.seek(start)
        while length > 0:
            data = file.read(min(chunk, length))
            if not data:
                return
            length -= len(data)
            yield data


@bp.get("/media/<media_id>/<rendition>")
def file(media_id: str, rendition: str):
    """A media item's original or one of its renditions (`360p`, `240p`, `audio`)."""
    return _send(_resolve(media_file, media_id, rendition))


@bp.get("/media/<media_id>/thumbnail.jpg")
def thumbnail(media_id: str):
    """A video's poster image."""
    return _send(_resolve(thumbnail_file, media_id))


@bp.get("/media/<media_id>/captions/<lang>.vtt")
def captions(media_id: str, lang: str):
    """A media item's captions in one language, as WebVTT."""
    if lang not in LANGUAGES:
        abort(404)
    return _send(_resolve(caption_file, media_id, lang))
