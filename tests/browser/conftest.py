"""Fixtures for the browser tests: the real app under gunicorn, and Chromium as a phone sees it.

The server is what `make run` starts (gunicorn importing `wsgi:app`) on a free port of
127.0.0.1, with its own instance folder: a fresh SQLite file upgraded by `rianthai db upgrade`,
the sample videos and sounds of `rianthai media samples`, and a textbook cache in tmp. It
serves the bundled course cut down to its first lesson: making the samples of the whole
course takes over a minute, and the flows tested here happen in lesson 1. Chromium is
Debian's (/usr/bin/chromium, never a downloaded one), with the flags that work on a machine
with a closed network, at a 360x740 phone viewport.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Muted videos play without a tap; the tests mute them anyway.
    "--autoplay-policy=no-user-gesture-required",
]
PHONE = {"width": 360, "height": 740}
# Ports Chromium refuses to connect to (net/base/port_util.cc) in the range a free port may
# come from; the OS rarely hands out these, but a refusal would look like a broken app.
UNSAFE_PORTS = {5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697, 10080}
SHOTS = Path(os.environ.get("E2E_SHOTS", "/tmp/e2e"))


def _free_port() -> int:
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in UNSAFE_PORTS:
            return port


@dataclass(frozen=True, slots=True)
class LiveServer:
    """The running app: its base URL and the environment its CLI commands need."""

    url: str
    env: dict[str, str]
    instance: Path

    def cli(self, *args: str) -> str:
        """Run `rianthai ARGS` against this server's database and folders; its output."""
        done = subprocess.run(
            [str(BIN / "rianthai"), *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"rianthai {' '.join(args)} failed:\n{done.stderr}"
        return done.stdout

    def requests(self) -> list[str]:
        """The request lines ("GET /path HTTP/1.1") the server has answered so far."""
        log = self.instance / "access.log"
        text = log.read_text(encoding="utf-8") if log.exists() else ""
        return [line.split('"')[1] for line in text.splitlines() if line.count('"') >= 2]


def _wait_until_up(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the app did not answer on {url} within 30 s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def courses_dir(tmp_path_factory) -> Path:
    """A folder of courses holding the bundled course with only its first lesson."""
    source = Path(os.environ.get("BUNDLED_COURSES_DIR", ROOT / "lessons" / "courses"))
    source /= "thai-for-work"
    target = tmp_path_factory.mktemp("courses") / "thai-for-work"
    target.mkdir()
    spec = yaml.safe_load((source / "course.yaml").read_text(encoding="utf-8"))
    first_unit = spec["units"][0]
    spec["units"] = [{**first_unit, "lessons": first_unit["lessons"][:1]}]
    (target / "course.yaml").write_text(
        yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    shutil.copytree(source / first_unit["lessons"][0], target / first_unit["lessons"][0])
    return target.parent


@pytest.fixture(scope="session")
def course(courses_dir):
    """The course the server offers (the bundled one, cut to its first lesson)."""
    from lessons import load_course

    return load_course(courses_dir / "thai-for-work")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, courses_dir) -> Iterator[LiveServer]:
    """The real app under gunicorn on 127.0.0.1, on a fresh instance folder; stopped at the end."""
    if not Path(CHROMIUM).exists() or shutil.which("ffmpeg") is None:
        pytest.skip("the browser tests need Debian's chromium and ffmpeg")
    instance = tmp_path_factory.mktemp("instance")
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        SECRET_KEY="browser-tests",
        DATABASE_URL=f"sqlite:///{instance / 'rianthai.sqlite3'}",
        MEDIA_ROOT=str(instance / "media"),
        COURSES_DIR=str(instance / "courses"),
        TEXTBOOK_CACHE=str(instance / "textbooks"),
        BUNDLED_COURSES_DIR=str(courses_dir),
        # Many wrong answers and logins happen fast here; nobody is guessing passwords.
        LOGIN_MAX_FAILURES="1000",
        # Every test account registers from 127.0.0.1 within minutes.
        RATELIMIT_REGISTER="10000 per hour",
        RATELIMIT_LOGIN="10000 per minute",
    )
    server = LiveServer(url="", env=env, instance=instance)
    server.cli("db", "upgrade")
    server.cli("media", "samples")
    port = _free_port()
    log = instance / "gunicorn.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "--workers", "2",
                "--threads", "4",
                "--bind", f"127.0.0.1:{port}",
                "--access-logfile", str(instance / "access.log"),
                "wsgi:app",
            ],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, log)
        yield LiveServer(url=url, env=env, instance=instance)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser(live_server):
    """Headless Debian Chromium, driven through Playwright's sync API, for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser, live_server):
    """A fresh phone (360x740, no cookies) whose relative URLs go to the live server."""
    context = browser.new_context(
        viewport=PHONE,
        base_url=live_server.url,
        device_scale_factor=1,
        has_touch=True,
        is_mobile=True,
        accept_downloads=True,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def register():
    """`register(page, login, language, password)`: a new account made through /register, in
    the interface language chosen there; the page is then the logged-in learner's home."""

    def make(page, login: str, language: str, password: str = "ngapyaw-thee-25") -> None:
        page.goto("/register")
        page.fill("#login", login)
        page.fill("#password", password)
        page.fill("#confirm", password)
        page.check(f"input[name=language][value={language}]")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()

    return make


@pytest.fixture
def shot(request):
    """`shot(page, name)` saves a full-page screenshot to /tmp/e2e/<test>-<n>-<name>.png."""
    count = iter(range(1, 1000))
    folder = SHOTS
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = folder / f"{request.node.name}-{next(count):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
