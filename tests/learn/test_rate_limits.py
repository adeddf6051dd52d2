"""Login and registration rate limits (learn/ratelimits.py): per network address, per login
name, shared through Redis when RATELIMIT_STORAGE_URI names it."""

from __future__ import annotations

import socket
import uuid

import pytest

from learn import create_app
from learn.extensions import db
from tests.conftest import FormClient

REDIS = ("127.0.0.1", 6379)


@pytest.fixture
def host(database_url):
    """`host(**settings)`: another app on the test database, a second worker or host; its
    connections are closed at the end."""
    made = []

    def make(**settings):
        app = create_app(
            {"TESTING": True, "SECRET_KEY": "test-secret", "SQLALCHEMY_DATABASE_URI": database_url}
            | settings
        )
        app.test_client_class = FormClient
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def limited(app, **limits):
    app.config.update(limits)
    return app.test_client()


def login(client, name="somchai", password="wrong password", address="203.0.113.7"):
    return client.submit(
        "/login",
        {"login": name, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_logins_from_one_address_get_429_past_the_limit(app):
    client = limited(app, RATELIMIT_LOGIN="3 per minute", RATELIMIT_LOGIN_NAME="100 per minute")
    statuses = [login(client, name=f"user{i}").status_code for i in range(4)]
    assert statuses == [422, 422, 422, 429]


def test_the_429_page_says_what_to_do_in_the_readers_language(app):
    client = limited(app, RATELIMIT_LOGIN="1 per minute")
    login(client)
    response = client.submit(
        "/login",
        {"login": "somchai", "password": "x"},
        headers={"Accept-Language": "my"},
        environ_base={"REMOTE_ADDR": "203.0.113.7"},
    )
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    page = response.get_data(as_text=True)
    assert "Traceback" not in page
    assert 'lang="my"' in page


def test_another_address_is_not_held_back(app):
    client = limited(app, RATELIMIT_LOGIN="2 per minute")
    for _ in range(3):
        login(client, address="203.0.113.7")
    assert login(client, address="198.51.100.20").status_code == 422


def test_showing_the_login_page_is_not_counted(app):
    client = limited(app, RATELIMIT_LOGIN="2 per minute")
    for _ in range(5):
        assert client.get("/login", environ_base={"REMOTE_ADDR": "203.0.113.7"}).status_code == 200
    assert login(client).status_code == 422


def test_one_name_guessed_from_many_addresses_is_limited(app):
    client = limited(app, RATELIMIT_LOGIN="100 per minute", RATELIMIT_LOGIN_NAME="3 per minute")
    statuses = [
        login(client, name="Somchai", address=f"203.0.113.{i}").status_code for i in range(4)
    ]
    assert statuses == [422, 422, 422, 429]
    # Spelt another way, it is the same account: +66 and 0 forms of a phone number too.
    assert login(client, name="SOMCHAI", address="203.0.113.99").status_code == 429
    assert login(client, name="somsak", address="203.0.113.99").status_code == 422


def test_a_right_password_counts_like_a_wrong_one(app, auth):
    auth.register()
    auth.logout()
    client = limited(app, RATELIMIT_LOGIN="2 per minute")
    for _ in range(2):
        assert login(client, password="correct horse").status_code == 302
        client.submit("/logout", {}, page="/", environ_base={"REMOTE_ADDR": "203.0.113.7"})
    assert login(client, password="correct horse").status_code == 429


def test_registrations_from_one_address_are_limited(app):
    client = limited(app, RATELIMIT_REGISTER="2 per hour")
    statuses = []
    for i in range(3):
        response = client.submit(
            "/register",
            {
                "login": f"worker{i}",
                "password": "ngapyaw-thee-25",
                "confirm": "ngapyaw-thee-25",
                "language": "km",
            },
            environ_base={"REMOTE_ADDR": "203.0.113.7"},
        )
        statuses.append(response.status_code)
        client.submit("/logout", {}, page="/", environ_base={"REMOTE_ADDR": "203.0.113.7"})
    assert statuses == [302, 302, 429]


def test_limits_can_be_switched_off(app):
    client = limited(app, RATELIMIT_LOGIN="1 per minute")
    app.extensions["rianthai_limiter"].enabled = False
    assert [login(client).status_code for _ in range(3)] == [422] * 3


def test_behind_a_proxy_the_forwarded_address_counts(app, host):
    client = host(PROXY_HOPS=1, RATELIMIT_LOGIN="1 per minute").test_client()

    def via_proxy(client_address):
        return client.submit(
            "/login",
            {"login": "somchai", "password": "x"},
            environ_base={"REMOTE_ADDR": "10.0.0.2"},
            # Over HTTPS, Flask-WTF also wants the form to come from this site.
            headers={
                "X-Forwarded-For": client_address,
                "X-Forwarded-Proto": "https",
                "Referer": "https://localhost/login",
            },
        )

    assert via_proxy("203.0.113.7").status_code == 422
    assert via_proxy("198.51.100.20").status_code == 422
    assert via_proxy("203.0.113.7").status_code == 429


def _redis_up() -> bool:
    try:
        socket.create_connection(REDIS, timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_up(), reason="no Redis server at 127.0.0.1:6379")
def test_with_redis_two_app_hosts_share_the_count(app, host):
    settings = {
        "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0",
        # Each run its own keys: runs in parallel or after each other do not meet.
        "RATELIMIT_KEY_PREFIX": f"rianthai-test-{uuid.uuid4()}",
        "RATELIMIT_LOGIN": "2 per minute",
    }
    first, second = (host(**settings).test_client() for _ in range(2))
    assert login(first).status_code == 422
    assert login(second).status_code == 422
    assert login(first).status_code == 429
    assert login(second).status_code == 429
