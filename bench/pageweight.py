"""What a learner's phone downloads for each main page: HTML + CSS + JS, raw and gzipped.

    .venv/bin/python bench/pageweight.py                        # starts the app on a fresh instance
    .venv/bin/python bench/pageweight.py --url http://127.0.0.1:5000

A learner (Burmese interface) is registered, then each page is fetched as a browser asks for
it (`Accept-Encoding: gzip`) with the stylesheets and scripts it links to. "gzip" is the bytes
on the wire; fonts, images and media are not counted (fonts are cached for a year and loaded
only where their script appears). Without --url the app runs under gunicorn on a free port with
a temporary instance folder (database upgraded, sample videos made), as the browser tests do.
"""

from __future__ import annotations

import argparse
import gzip
import html
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from lessons import load_course  # noqa: E402  (after the path set-up above)

ASSET = re.compile(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"')
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
BUDGET = 60 * 1024


class Browser:
    """Cookies, gzip, and the bytes of each response as they came over the wire."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[int, int, str]:
        """(wire bytes, raw bytes, text) of GET path."""
        request = urllib.request.Request(self.base + path, headers={"Accept-Encoding": "gzip"})
        with self.opener.open(request) as response:
            wire = response.read()
            encoding = response.headers.get("Content-Encoding")
        raw = gzip.decompress(wire) if encoding == "gzip" else wire
        return len(wire), len(raw), raw.decode("utf-8", "replace")

    def post(self, path: str, fields: dict[str, str], page: str | None = None) -> None:
        _, _, text = self.get(page or path)
        fields = {"csrf_token": html.unescape(TOKEN.search(text).group(1)), **fields}
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base + path, data=data) as response:
            response.read()

    def weigh(self, path: str) -> tuple[int, int]:
        """(gzip, raw) of a page and the stylesheets and scripts it links to."""
        wire, raw, text = self.get(path)
        for url in ASSET.findall(text):
            asset_wire, asset_raw, _ = self.get(html.unescape(url))
            wire += asset_wire
            raw += asset_raw
        return wire, raw


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app():
    """The app under gunicorn on a fresh temporary instance; its base URL."""
    with tempfile.TemporaryDirectory(prefix="pageweight-") as folder:
        instance = Path(folder)
        env = {
            **os.environ,
            "SECRET_KEY": "pageweight",
            "DATABASE_URL": f"sqlite:///{instance / 'rianthai.sqlite3'}",
            "MEDIA_ROOT": str(instance / "media"),
            "COURSES_DIR": str(instance / "courses"),
            "TEXTBOOK_CACHE": str(instance / "textbooks"),
        }
        for command in (["db", "upgrade"], ["media", "samples"]):
            subprocess.run([str(BIN / "rianthai"), *command], env=env, cwd=ROOT, check=True,
                           capture_output=True)  # fmt: skip
        port = _free_port()
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "--workers", "1", "--bind", f"127.0.0.1:{port}", "wsgi:app"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(150):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


def pages(course) -> list[tuple[str, str]]:
    """(name, path) of the main pages: one lesson step of each kind."""
    found = [("home", "/"), ("course map", f"/courses/{course.id}")]
    kinds: set[str] = set()
    for lesson, step in course.iter_steps():
        kind = step.kind if step.kind != "reading" else f"reading ({step.content})"
        if kind not in kinds:
            kinds.add(kind)
            path = f"/courses/{course.id}/lessons/{lesson.id}/steps/{step.id}"
            found.append((f"step: {kind}", path))
    found += [("review", "/review"), ("textbook page", f"/courses/{course.id}/textbook")]
    return found


def measure(base: str, course) -> list[tuple[str, int, int]]:
    browser = Browser(base)
    login = f"pageweight-{int(time.time())}"
    password = "pageweight-password"
    browser.post(
        "/register",
        {"login": login, "display_name": "", "password": password, "confirm": password,
         "language": "my"},
    )  # fmt: skip
    return [(name, *browser.weigh(path)) for name, path in pages(course)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app (default: start one)")
    parser.add_argument(
        "--course", default=str(ROOT / "lessons" / "courses" / "thai-for-work"),
        help="the course folder the app serves (for the page list)",
    )  # fmt: skip
    args = parser.parse_args()
    course = load_course(Path(args.course))
    if args.url:
        rows = measure(args.url, course)
    else:
        with running_app() as base:
            rows = measure(base, course)
    print(f"{'page':<28}{'raw':>10}{'gzip':>10}")
    for name, wire, raw in rows:
        flag = "  over budget" if wire > BUDGET else ""
        print(f"{name:<28}{raw:>10,}{wire:>10,}{flag}")


if __name__ == "__main__":
    main()
