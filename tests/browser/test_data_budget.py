"""What a phone downloads for a lesson page: at most 60 KB of HTML, CSS and JS compressed.

Not driven by Chromium (the test client is enough to count bytes), but beside the browser
tests because it measures what the browser downloads. Fonts and media are not counted.
"""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

import pytest
from flask import url_for

from learn import create_app
from learn.extensions import db
from lessons import load_course

ROOT = Path(__file__).resolve().parents[2]
COURSES = Path(os.environ.get("BUNDLED_COURSES_DIR", ROOT / "lessons" / "courses"))
BUDGET = 60 * 1024
ASSET = re.compile(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"')
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture
def app(app):
    """The test app (its database and client) with the bundled course instead of the test
    packs: its pages are what learners download."""
    budget = create_app({**app.config, "BUNDLED_COURSES_DIR": str(COURSES)})
    budget.test_client_class = app.test_client_class
    yield budget
    with budget.app_context():
        db.session.remove()
        db.engine.dispose()


def one_step_of_each_kind(course):
    """(lesson, step) for the first step of each kind in the course, and of each exercise type."""
    seen = set()
    for lesson, step in course.iter_steps():
        kinds = {step.kind} | {course.exercise(i).type for i in getattr(step, "exercises", ())[:1]}
        if not kinds <= seen:
            seen |= kinds
            yield lesson, step


COURSE = load_course(COURSES / "thai-for-work")
STEPS = list(one_step_of_each_kind(COURSE))


def weight(client, path: str) -> tuple[int, int]:
    """(gzipped bytes, raw bytes) of a page and the CSS and JS it links to."""
    page = client.get(path, headers=GZIP)
    assert page.status_code == 200, path
    assert page.headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(page.data)
    packed, raw = len(page.data), len(html)
    for url in ASSET.findall(html.decode()):
        with client.get(url.replace("&amp;", "&"), headers=GZIP) as asset:  # closes the file
            assert asset.status_code == 200, f"{path} links to {url}, which is missing"
            body = asset.data
            if asset.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(asset.data)
            packed += len(asset.data)
            raw += len(body)
    return packed, raw


@pytest.mark.parametrize(("lesson_id", "step_id"), [(lesson.id, step.id) for lesson, step in STEPS])
def test_a_lesson_step_is_at_most_60_kb_compressed(client, auth, lesson_id, step_id):
    auth.register(login="thida", language="my")
    packed, raw = weight(client, f"/courses/{COURSE.id}/lessons/{lesson_id}/steps/{step_id}")
    assert packed <= BUDGET, f"{step_id}: {packed} bytes gzipped ({raw} raw)"


def test_static_files_are_cached_for_a_year_under_their_content_hash(client):
    html = client.get("/").get_data(as_text=True)
    urls = ASSET.findall(html)
    assert urls and all(re.search(r"\?v=[0-9a-f]{12}$", url) for url in urls), urls
    for url in urls:
        with client.get(url) as response:
            assert response.cache_control.max_age == 365 * 24 * 3600
            assert response.cache_control.immutable


def test_text_is_gzipped_only_for_browsers_that_accept_it(client):
    plain = client.get("/", headers={"Accept-Encoding": "identity"})
    packed = client.get("/", headers=GZIP)
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    token = re.compile(rb"<input[^>]*csrf_token[^>]*>")  # new on every page
    assert token.sub(b"", gzip.decompress(packed.data)) == token.sub(b"", plain.data)
    assert "Accept-Encoding" in packed.headers["Vary"]


@pytest.mark.parametrize(
    ("accept", "gzipped"),
    [
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.8", True),
        ("*", True),
        ("gzip;q=0", False),
        ("gzip;q=0.0", False),
        ("identity", False),
        ("deflate, br", False),
        ("", False),
    ],
)
def test_gzip_follows_the_accept_encoding_header(client, accept, gzipped):
    response = client.get("/login", headers={"Accept-Encoding": accept})
    assert (response.headers.get("Content-Encoding") == "gzip") is gzipped


def test_videos_are_not_gzipped(app, client):
    with app.test_request_context():
        video = url_for("media.file", media_id="mini-hello", rendition="original")
    with client.get(video, headers=GZIP) as response:
        assert response.status_code == 200
        assert response.mimetype.startswith("video/")
        assert "Content-Encoding" not in response.headers


def test_images_load_lazily(client, auth):
    auth.register(login="thida", language="my")
    for lesson, step in STEPS:
        html = client.get(f"/courses/{COURSE.id}/lessons/{lesson.id}/steps/{step.id}").text
        for img in re.findall(r"<img\b[^>]*>", html):
            assert 'loading="lazy"' in img, f"{step.id}: {img}"


def test_the_burmese_font_is_cached_under_its_hash(client):
    css = Path(ROOT / "learn" / "static" / "css" / "app.css").read_text(encoding="utf-8")
    url = re.search(r'url\("\.\./(fonts/NotoSansMyanmar-Regular\.woff2\?v=\w+)"\)', css)
    assert url, "app.css declares the Burmese web font"
    with client.get(f"/static/{url.group(1)}", headers=GZIP) as response:
        assert response.status_code == 200
        assert response.data[:4] == b"wOF2"
        assert response.cache_control.immutable, "the ?v= in app.css is the font file's hash"
        assert "Content-Encoding" not in response.headers  # WOFF2 is compressed already


def test_a_stale_hash_is_not_cached_for_long(client):
    with client.get("/static/css/app.css?v=000000000000") as response:
        assert response.status_code == 200
        assert not response.cache_control.immutable
