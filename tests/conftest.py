"""Fixtures for the web tests: an app on a clean database, a client that sends CSRF tokens.

The suite runs on SQLite unless TEST_DATABASE_URL names another database (CI: PostgreSQL).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from flask.testing import FlaskClient
from hypothesis import settings

import media_index
from learn import create_app
from learn.auth import accounts
from learn.extensions import db

PACKS = Path(__file__).parent / "lessons" / "packs"

# Hypothesis: the usual run keeps each property test to its 100 examples (no deadline: a
# shared 2-core machine is slow at times); HYPOTHESIS_PROFILE=thorough runs 20 times more.
settings.register_profile("rianthai", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "rianthai"))

_CSRF_INPUT = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')
_VALUE = re.compile(r'value="([^"]+)"')


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


class FormClient(FlaskClient):
    """A test client that fills in the CSRF token the way a browser does: from the page."""

    def submit(self, path: str, data: dict, page: str | None = None, **kwargs):
        """GET `page` (default: `path`), take its CSRF token, POST `data` to `path`."""
        html = self.get(page or path, **kwargs).get_data(as_text=True)
        tag = _CSRF_INPUT.search(html)
        assert tag, f"no CSRF token on {page or path}"
        token = _VALUE.search(tag.group(0)).group(1)
        return self.post(path, data={"csrf_token": token, **data}, **kwargs)


@pytest.fixture(scope="session")
def media_library(tmp_path_factory) -> Path:
    """A scanned media folder with what the test pack uses: lesson 'hello''s video (14 s, tiny)
    with captions in en, my and th, and the audio of one word. Shared: tests must not change it."""
    folder = tmp_path_factory.mktemp("media")
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "color=c=navy:s=160x90:d=14:r=5",
            "-f",
            "lavfi",
            "-i",
            "sine=d=14",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-c:a",
            "aac",
            "-b:a",
            "16k",
            "-shortest",
            str(folder / "mini-hello.mp4"),
        ],
        check=True,
    )
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "sine=d=1",
            "-c:a",
            "aac",
            "-b:a",
            "16k",
            str(folder / "mini-sawatdii.m4a"),
        ],
        check=True,
    )
    cue = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n{}\n"
    for lang, text in {"en": "Hello", "my": "မင်္ဂလာပါ", "th": "สวัสดีครับ"}.items():
        (folder / f"mini-hello.{lang}.vtt").write_text(cue.format(text), encoding="utf-8")
    media_index.scan(folder)
    return folder


@pytest.fixture
def app(database_url, tmp_path, media_library):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "MEDIA_ROOT": str(media_library),
            "COURSES_DIR": str(tmp_path / "courses"),
            # The small packs the lessons tests use: web tests must not change with the
            # bundled course's content.
            "BUNDLED_COURSES_DIR": str(PACKS),
            "TEXTBOOK_CACHE": str(tmp_path / "textbooks"),
        }
    )
    app.test_client_class = FormClient
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
        db.engine.dispose()


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """Argon2 at its lowest cost: the tests check the accounts, not the hash's strength
    (production keeps argon2-cffi's defaults, 64 MiB and 3 passes)."""
    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


@pytest.fixture
def client(app) -> FormClient:
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    """Register and log in through the real pages, as a person would."""

    def __init__(self, client: FormClient) -> None:
        self._client = client

    def register(self, login="somchai", password="correct horse", language="en", name=""):
        return self._client.submit(
            "/register",
            {
                "login": login,
                "display_name": name,
                "password": password,
                "confirm": password,
                "language": language,
            },
        )

    def login(self, login="somchai", password="correct horse"):
        return self._client.submit("/login", {"login": login, "password": password})

    def logout(self):
        return self._client.submit("/logout", {}, page="/")


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)
