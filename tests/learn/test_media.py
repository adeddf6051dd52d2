"""Serving media: ranges as RFC 9110 says, conditional requests, captions, no way out."""

from __future__ import annotations

import pytest


@pytest.fixture
def media_client(client):
    return client


def test_whole_file_with_validators(media_client, media_library):
    response = media_client.get("/media/mini-hello/original")
    body = (media_library / "mini-hello.mp4").read_bytes()
    assert response.status_code == 200
    assert response.data == body
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["ETag"].startswith('"')
    assert response.headers["Content-Type"] == "video/mp4"
    assert "Last-Modified" in response.headers


@pytest.mark.parametrize(
    "header, start, end",
    [("bytes=0-99", 0, 99), ("bytes=-500", -500, None), ("bytes=1000-", 1000, None)],
)
def test_satisfiable_ranges_get_206(media_client, media_library, header, start, end):
    body = (media_library / "mini-hello.mp4").read_bytes()
    size = len(body)
    response = media_client.get("/media/mini-hello/original", headers={"Range": header})
    expected = body[start : None if end is None else end + 1]
    first = start if start >= 0 else size + start
    assert response.status_code == 206
    assert response.data == expected
    assert response.headers["Content-Range"] == f"bytes {first}-{first + len(expected) - 1}/{size}"
    assert response.headers["Content-Length"] == str(len(expected))


def test_range_beyond_the_end_is_416(media_client, media_library):
    size = (media_library / "mini-hello.mp4").stat().st_size
    response = media_client.get("/media/mini-hello/original", headers={"Range": f"bytes={size}-"})
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{size}"


@pytest.mark.parametrize("header", ["bytes=abc", "items=0-1", "bytes=5-2"])
def test_malformed_range_is_ignored(media_client, header):
    assert (
        media_client.get("/media/mini-hello/original", headers={"Range": header}).status_code == 200
    )


def test_far_apart_ranges_get_the_whole_file(media_client, media_library):
    response = media_client.get(
        "/media/mini-hello/original", headers={"Range": "bytes=0-9,5000-5009"}
    )
    assert response.status_code == 200
    assert len(response.data) == (media_library / "mini-hello.mp4").stat().st_size


def test_if_none_match_gives_304_and_stale_if_range_the_whole_file(media_client):
    etag = media_client.get("/media/mini-hello/original").headers["ETag"]
    assert (
        media_client.get("/media/mini-hello/original", headers={"If-None-Match": etag}).status_code
        == 304
    )
    stale = media_client.get(
        "/media/mini-hello/original", headers={"Range": "bytes=0-9", "If-Range": '"other"'}
    )
    assert stale.status_code == 200
    fresh = media_client.get(
        "/media/mini-hello/original", headers={"Range": "bytes=0-9", "If-Range": etag}
    )
    assert fresh.status_code == 206


def test_captions_as_webvtt(media_client):
    response = media_client.get("/media/mini-hello/captions/my.vtt")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/vtt")
    assert "မင်္ဂလာပါ" in response.get_data(as_text=True)
    assert media_client.get("/media/mini-hello/captions/lo.vtt").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/..%2F..%2Fetc%2Fpasswd/original",
        "/media/mini-hello/..%2F..%2Fsecret",
        "/media/%2Fetc%2Fpasswd/original",
        "/media/mini-hello/captions/..%2Fx.vtt",
        "/media/nope/original",
    ],
)
def test_no_way_out_of_the_library(media_client, path):
    assert media_client.get(path).status_code == 404


def test_accel_redirect_hands_the_bytes_to_nginx(app, media_client):
    app.config["MEDIA_ACCEL_PREFIX"] = "/_media/"
    response = media_client.get("/media/mini-hello/original")
    assert response.headers["X-Accel-Redirect"] == "/_media/mini-hello.mp4"
    assert response.data == b""
