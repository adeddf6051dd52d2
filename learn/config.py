"""Configuration read from the environment, with defaults that keep everything in `instance/`."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


class Config:
    """Settings for one app; every value can be set through an environment variable."""

    def __init__(self, instance_path: str) -> None:
        instance = Path(instance_path)
        env = os.environ.get
        self.SECRET_KEY = env("SECRET_KEY")
        self.SQLALCHEMY_DATABASE_URI = env(
            "DATABASE_URL", f"sqlite:///{instance / 'rianthai.sqlite3'}"
        )
        self.MEDIA_ROOT = env("MEDIA_ROOT", str(instance / "media"))
        self.COURSES_DIR = env("COURSES_DIR", str(instance / "courses"))
        self.TEXTBOOK_CACHE = env("TEXTBOOK_CACHE", str(instance / "textbooks"))
        # Set (e.g. "/_media/") when nginx serves MEDIA_ROOT at an internal location.
        self.MEDIA_ACCEL_PREFIX = env("MEDIA_ACCEL_PREFIX")
        # Likewise (e.g. "/_textbooks/") for TEXTBOOK_CACHE: nginx sends the cached PDFs.
        self.TEXTBOOK_ACCEL_PREFIX = env("TEXTBOOK_ACCEL_PREFIX")
        if env("BUNDLED_COURSES_DIR"):  # tests serve a fixed copy instead of lessons/courses
            self.BUNDLED_COURSES_DIR = env("BUNDLED_COURSES_DIR")
        # A learner may leave a form open on a phone for hours; the token is still bound to
        # the session, so it does not need to expire on its own.
        self.WTF_CSRF_TIME_LIMIT = None
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = env("SESSION_COOKIE_SECURE", "") == "1"
        self.REMEMBER_COOKIE_SAMESITE = "Lax"
        self.BABEL_DEFAULT_LOCALE = "en"
        self.BABEL_TRANSLATION_DIRECTORIES = str(Path(__file__).parent / "translations")
        # The largest upload (a course pack): lessons.pack refuses bigger unpacked content.
        self.MAX_CONTENT_LENGTH = int(env("MAX_UPLOAD_MB", "50")) * 1024 * 1024
        self.LOGIN_MAX_FAILURES = int(env("LOGIN_MAX_FAILURES", "5"))
        self.LOGIN_LOCK_MINUTES = int(env("LOGIN_LOCK_MINUTES", "15"))
        # Rate limits (learn/ratelimits.py), in Flask-Limiter's notation; POSTs only.
        self.RATELIMIT_ENABLED = env("RATELIMIT_ENABLED", "1") == "1"
        self.RATELIMIT_STORAGE_URI = env("RATELIMIT_STORAGE_URI", "memory://")
        self.RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
        self.RATELIMIT_HEADERS_ENABLED = True
        self.RATELIMIT_KEY_PREFIX = env("RATELIMIT_KEY_PREFIX", "rianthai")
        self.RATELIMIT_LOGIN = env("RATELIMIT_LOGIN", "60 per minute;600 per hour")
        self.RATELIMIT_LOGIN_NAME = env("RATELIMIT_LOGIN_NAME", "10 per minute;100 per day")
        self.RATELIMIT_REGISTER = env("RATELIMIT_REGISTER", "60 per hour;500 per day")
        # How many proxies (nginx, a load balancer) stand in front and set X-Forwarded-For
        # and -Proto; 0 when gunicorn faces the clients.
        self.PROXY_HOPS = int(env("PROXY_HOPS", "0"))


def normalise_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL whatever driver the URL names (or none)."""
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_secret_key(instance_path: str) -> str:
    """Return the key kept in `instance/secret_key`, creating it once, readable by owner only."""
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    # O_EXCL: when two workers start at once, one writes and the other reads what it wrote.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as f:
        f.write(key)
    return key
