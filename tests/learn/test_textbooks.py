"""Textbook downloads: prepared off the request, then served as a file with an ETag."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest

from learn.catalog import catalog
from learn.textbooks import jobs
from textbook import TextbookCache, key_for

PAGE = "/courses/mini/textbook?lang=en&size=A5"


@pytest.fixture(autouse=True)
def wait_for_workers():
    """Let every render a test started finish, so none outlives its test's folders."""
    yield
    for child in jobs._children:
        child.wait(timeout=120)
    jobs._children.clear()


def _wait_until_ready(client, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        html = client.get(PAGE).get_data(as_text=True)
        if "Download the PDF" in html:
            return html
        assert "could not be prepared" not in html
        time.sleep(0.5)
    raise AssertionError("the textbook was never ready")


@pytest.mark.slow
def test_first_visit_prepares_in_the_background_then_serves_the_pdf(client):
    first = client.get(PAGE)
    html = first.get_data(as_text=True)
    assert first.status_code == 200  # answered at once, not after the render
    assert "being prepared" in html and 'http-equiv="refresh"' in html
    assert client.get("/textbooks/mini/en.pdf?size=A5").status_code == 302
    html = _wait_until_ready(client)
    assert " pages · " in html
    pdf = client.get("/textbooks/mini/en.pdf?size=A5")
    assert pdf.status_code == 200
    assert pdf.data.startswith(b"%PDF-")
    assert pdf.headers["Content-Disposition"].startswith("attachment; filename=mini-en-A5.pdf")
    etag = pdf.headers["ETag"]
    pdf.close()
    with client.get("/textbooks/mini/en.pdf?size=A5", headers={"If-None-Match": etag}) as again:
        assert again.status_code == 304


def test_one_render_at_a_time_per_textbook(app, monkeypatch):
    started = []

    class FakeProcess:
        pid = 4242

        @staticmethod
        def poll():
            return None

        @staticmethod
        def wait(timeout=None):
            return 0

    monkeypatch.setattr(jobs, "_children", [])
    monkeypatch.setattr(jobs.subprocess, "Popen", lambda *a, **k: started.append(a) or FakeProcess)
    monkeypatch.setattr(jobs, "_alive", lambda pid: pid == 4242)
    with app.app_context():
        course = catalog().get("mini")
        cache = TextbookCache(app.config["TEXTBOOK_CACHE"])
        key = key_for(course, "en", "A4")
        assert jobs.start(cache, key, course.source)
        assert not jobs.start(cache, key, course.source)
        assert jobs.running(cache, key)
        monkeypatch.setattr(jobs, "_alive", lambda pid: False)  # the worker died
        assert jobs.start(cache, key, course.source)
    assert len(started) == 2


def test_a_failed_render_is_reported_not_awaited(app, client):
    with app.app_context():
        course = catalog().get("mini")
        cache = TextbookCache(app.config["TEXTBOOK_CACHE"])
        key = key_for(course, "en", "A4")
        path = jobs.error_path(cache, key)
        path.parent.mkdir(parents=True)
        path.write_text("OSError: disk full")
    html = client.get("/courses/mini/textbook?lang=en&size=A4").get_data(as_text=True)
    assert "could not be prepared" in html
    assert 'http-equiv="refresh"' not in html


@pytest.mark.parametrize(
    "path", ["/textbooks/mini/fr.pdf", "/textbooks/mini/en.pdf?size=A3", "/textbooks/nope/en.pdf"]
)
def test_unknown_language_size_or_course_is_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.slow
def test_a_learners_workbook_has_their_progress_and_follows_it(app, client, auth):
    auth.register(login="noy", name="Noy", language="en")
    video = "/courses/mini/lessons/hello/steps/hello-video"
    client.submit(f"{video}/done", {"uuid": str(uuid.uuid4())}, page=video)
    page = "/courses/mini/workbook?lang=en&size=A5"
    deadline = time.monotonic() + 90
    while "Download the PDF" not in (html := client.get(page).get_data(as_text=True)):
        assert "could not be prepared" not in html and time.monotonic() < deadline
        time.sleep(0.5)
    with client.get("/courses/mini/workbook.pdf?lang=en&size=A5") as pdf:
        assert pdf.data.startswith(b"%PDF-")
        assert "workbook" in pdf.headers["Content-Disposition"]
    # A new score makes a new workbook: the old one is not served as if it were current.
    practice = "/courses/mini/lessons/hello/steps/hello-practice"
    answer = {"exercise": "hello-meaning", "choice": "hello", "uuid": str(uuid.uuid4())}
    client.submit(f"{practice}/answer", answer, page=practice)
    assert "being prepared" in client.get(page).get_data(as_text=True)
    auth.logout()
    assert client.get("/courses/mini/workbook.pdf?lang=en&size=A5").status_code == 302


def test_prune_removes_the_textbooks_of_earlier_course_versions(app, runner):
    from dataclasses import replace

    with app.app_context():
        course = catalog().get("mini")
        cache = TextbookCache(app.config["TEXTBOOK_CACHE"])
        current = key_for(course, "en", "A5")
        old = replace(current, version="0.9", content_hash="0" * 64)
        for key in (current, old):
            cache.put(key, b"%PDF-1.7 test", pages=1)
    result = runner.invoke(args=["textbook", "prune"])
    assert result.exit_code == 0, result.output
    assert "1 old textbook(s) removed" in result.output
    with app.app_context():
        assert cache.get(current) is not None
        assert cache.get(old) is None
        assert not cache.path_for(old).with_suffix(".json").exists()


def _lock(app, text: str, touched_ago: float = 0):
    """A lock of the mini course's English A4 textbook, as a worker somewhere left it."""
    course = catalog().get("mini")
    cache = TextbookCache(app.config["TEXTBOOK_CACHE"])
    key = key_for(course, "en", "A4")
    lock = jobs.lock_path(cache, key)
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(text)
    moment = time.time() - touched_ago
    os.utime(lock, (moment, moment))
    return cache, key


def test_another_hosts_render_counts_while_its_worker_touches_the_lock(app):
    """A host that died mid-render stops touching its lock: after a minute the others take
    the render over (it used to be 30 minutes)."""
    now = int(time.time())
    with app.app_context():
        cache, key = _lock(app, f"other-host 4242 {now - 120}", touched_ago=5)
        assert jobs.running(cache, key)
        cache, key = _lock(app, f"other-host 4242 {now - 120}", touched_ago=jobs.QUIET_SECONDS)
        assert not jobs.running(cache, key)


def test_a_render_hung_for_half_an_hour_is_taken_over_though_it_touches_the_lock(app):
    started = int(time.time()) - jobs.STALE_SECONDS
    with app.app_context():
        cache, key = _lock(app, f"other-host 4242 {started}", touched_ago=1)
        assert not jobs.running(cache, key)
        cache, key = _lock(app, f"{jobs.HOST} {os.getpid()} {started + 60}", touched_ago=1)
        assert jobs.running(cache, key)  # this process is alive: a local worker


def test_the_worker_keeps_its_lock_fresh_until_done(tmp_path):
    lock = tmp_path / "book.lock"
    lock.write_text("host 1 1")
    os.utime(lock, (0, 0))
    done = threading.Event()
    beat = threading.Thread(target=jobs.keep_fresh, args=(lock, done, 0.01))
    beat.start()
    time.sleep(0.1)
    done.set()
    beat.join(timeout=5)
    assert not beat.is_alive()
    assert time.time() - lock.stat().st_mtime < 5
