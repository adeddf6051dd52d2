"""What a deployment on several hosts relies on (docs/deploy.md): the nginx site in deploy/
agrees with the app's settings, nginx is handed textbooks as it is handed media, and hosts
that share one textbook cache render each textbook once. No nginx is needed."""

from __future__ import annotations

import inspect
import os
import re
import runpy
import time
from pathlib import Path

import pytest

from learn.catalog import catalog
from learn.config import Config
from learn.textbooks import jobs
from media_index.serving import ServedFile
from textbook import TextbookCache, key_for

ROOT = Path(__file__).parents[2]
DEPLOY = ROOT / "deploy"
SITE = (DEPLOY / "nginx" / "rianthai.conf").read_text()
ENV = dict(
    line.split("=", 1)
    for line in (DEPLOY / "rianthai.env.example").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)
PDF = b"%PDF-1.7\n a textbook \n%%EOF"


def location(prefix: str) -> str:
    """The body of nginx's `location <prefix> { ... }` block."""
    match = re.search(r"location\s+" + re.escape(prefix) + r"\s*\{([^}]*)\}", SITE)
    assert match, f"deploy/nginx/rianthai.conf has no location {prefix}"
    return match.group(1)


def directive(name: str, block: str = SITE) -> str:
    match = re.search(r"^\s*" + name + r"\s+([^;]+);", block, re.MULTILINE)
    assert match, f"no {name} in {block[:60]!r}"
    return match.group(1)


@pytest.mark.parametrize(
    "prefix_setting, folder_setting",
    [("MEDIA_ACCEL_PREFIX", "MEDIA_ROOT"), ("TEXTBOOK_ACCEL_PREFIX", "TEXTBOOK_CACHE")],
)
def test_nginx_sends_from_the_folder_the_app_redirects_into(prefix_setting, folder_setting):
    block = location(ENV[prefix_setting])
    assert re.search(r"^\s*internal;", block, re.MULTILINE), "a client could fetch it directly"
    assert directive("alias", block) == ENV[folder_setting].rstrip("/") + "/"


def test_the_media_prefix_is_the_one_media_index_suggests():
    default = inspect.signature(ServedFile.accel_redirect).parameters["prefix"].default
    assert ENV["MEDIA_ACCEL_PREFIX"] == default


def test_nginx_takes_the_uploads_the_app_takes_and_waits_as_long_as_gunicorn(monkeypatch, tmp_path):
    monkeypatch.delenv("MAX_UPLOAD_MB", raising=False)
    default_bytes = Config(str(tmp_path)).MAX_CONTENT_LENGTH
    assert default_bytes == int(ENV["MAX_UPLOAD_MB"]) * 1024 * 1024
    assert directive("client_max_body_size") == f"{ENV['MAX_UPLOAD_MB']}m"
    gunicorn = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert directive("proxy_read_timeout", location("/")) == f"{gunicorn['timeout']}s"


def test_every_setting_the_app_reads_is_explained_in_the_deploy_doc():
    names = re.findall(r'env\(\s*"([A-Z_]+)"', (ROOT / "learn" / "config.py").read_text())
    doc = (ROOT / "docs" / "deploy.md").read_text()
    assert names and [name for name in names if f"`{name}`" not in doc] == []


def test_a_cached_textbook_is_handed_to_nginx(app, client):
    app.config["TEXTBOOK_ACCEL_PREFIX"] = ENV["TEXTBOOK_ACCEL_PREFIX"]
    with app.app_context():
        key = key_for(catalog().get("mini"), "en", "A5")
        TextbookCache(app.config["TEXTBOOK_CACHE"]).put(key, PDF, pages=1)
    response = client.get("/textbooks/mini/en.pdf?size=A5")
    assert response.status_code == 200 and response.data == b""
    assert response.headers["X-Accel-Redirect"] == f"/_textbooks/mini/{key.filename}"
    assert response.headers["Content-Disposition"] == "attachment; filename=mini-en-A5.pdf"
    assert response.headers["Content-Type"] == "application/pdf"
    # What nginx opens: the alias plus the rest of the path.
    folder = Path(app.config["TEXTBOOK_CACHE"])
    assert (folder / "mini" / key.filename).read_bytes() == PDF


@pytest.fixture
def textbook(app):
    with app.app_context():
        course = catalog().get("mini")
        cache = TextbookCache(app.config["TEXTBOOK_CACHE"])
        yield course, cache, key_for(course, "en", "A4")


class Worker:
    """A render worker that is still running."""

    pid = 4242

    @staticmethod
    def poll():
        return None


def test_a_render_running_on_another_host_is_not_started_again(textbook, monkeypatch):
    course, cache, key = textbook
    started = []
    monkeypatch.setattr(jobs, "_children", [])
    monkeypatch.setattr(jobs.subprocess, "Popen", lambda *a, **k: started.append(a) or Worker)
    monkeypatch.setattr(jobs, "HOST", "host-a")
    assert jobs.start(cache, key, course.source)
    monkeypatch.setattr(jobs, "HOST", "host-b")  # the next request lands on another host,
    monkeypatch.setattr(jobs, "_alive", lambda pid: False)  # where no process has that PID
    assert jobs.running(cache, key)
    assert not jobs.start(cache, key, course.source)
    assert len(started) == 1
    # A lock left by a host that went down is taken over once it is stale.
    lock = jobs.lock_path(cache, key)
    old = time.time() - jobs.STALE_SECONDS - 1
    os.utime(lock, (old, old))
    assert not jobs.running(cache, key)


def test_this_hosts_dead_worker_does_not_hold_its_textbook(textbook, monkeypatch):
    course, cache, key = textbook
    lock = jobs.lock_path(cache, key)
    lock.parent.mkdir(parents=True)
    lock.write_text(f"{jobs.HOST} 4242")
    monkeypatch.setattr(jobs, "_alive", lambda pid: False)
    assert not jobs.running(cache, key)


def test_a_worker_that_cannot_start_leaves_a_reason_not_a_lock(app, client, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/srv/rianthai/venv/bin/python3")

    monkeypatch.setattr(jobs.subprocess, "Popen", refuse)
    page = "/courses/mini/textbook?lang=en&size=A4"
    assert client.get(page).status_code == 200
    html = client.get(page).get_data(as_text=True)
    assert "could not be prepared" in html
    with app.app_context():
        key = key_for(catalog().get("mini"), "en", "A4")
        assert not jobs.lock_path(TextbookCache(app.config["TEXTBOOK_CACHE"]), key).exists()
