"""The headers every response carries, and the session cookie's flags."""

from __future__ import annotations

import re

from learn import create_app
from learn.extensions import db


def test_every_page_forbids_inline_code_framing_and_sniffing(client, auth):
    auth.register()
    for path in ["/", "/courses", "/login", "/no-such-page"]:
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, path
        assert "script-src 'self'" in csp and "style-src 'self'" in csp, path
        assert "frame-ancestors 'none'" in csp, path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "same-origin", path


def test_pages_need_no_style_attribute(client, auth):
    """A style attribute would be refused by the CSP: the progress bars are <progress>."""
    auth.register()
    for path in ["/", "/courses", "/courses/mini"]:
        html = client.get(path).get_data(as_text=True)
        assert not re.search(r"<[^>]+\sstyle=", html), path
        assert "<progress" in html or path == "/", path


def test_session_cookie_is_httponly_and_samesite(client, auth):
    response = auth.register()
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain HTTP on 127.0.0.1 must still work
    assert "Strict-Transport-Security" not in response.headers


def test_behind_https_the_cookie_is_secure_and_hsts_is_sent(app, database_url, monkeypatch):
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "1")
    secure = create_app(
        {"TESTING": True, "SECRET_KEY": "test-secret", "SQLALCHEMY_DATABASE_URI": database_url}
    )
    response = secure.test_client().get("/language", base_url="https://localhost")
    with secure.app_context():
        db.session.remove()
        db.engine.dispose()
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_static_files_do_not_vary_with_the_session_cookie(client, auth):
    """A stylesheet is the same for everyone: a phone keeps it however the cookie changes."""
    auth.register()
    page = client.get("/")
    assert "Cookie" in page.headers["Vary"]  # pages differ per learner
    css = client.get("/static/css/app.css")
    css.close()
    assert css.status_code == 200
    assert "Cookie" not in css.headers.get("Vary", "")
    assert "Set-Cookie" not in css.headers
