"""Accounts through the pages: register, log in, log out, change password, refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from learn.auth.accounts import AccountError, normalise_login
from learn.extensions import db
from learn.models import Role, User


def test_register_logs_in_and_greets_in_chosen_language(client, auth):
    response = auth.register(login="Somchai", language="my", name="Ko Aung")
    assert response.status_code == 302
    home = client.get("/").get_data(as_text=True)
    assert 'lang="my"' in home
    assert "မင်္ဂလာပါ Ko Aung!" in home


def test_register_stores_hash_and_normalised_login(app, auth):
    auth.register(login="  SomChai ", password="correct horse", language="km")
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.username == "somchai"
        assert user.language == "km"
        assert user.role is Role.LEARNER
        assert "correct horse" not in user.password_hash
        assert user.password_hash.startswith("$argon2")


@pytest.mark.parametrize(
    "first, second",
    [("somchai", "SOMCHAI"), ("081-234-5678", "+66 81 234 5678"), ("0812345678", "081 234 5678")],
)
def test_duplicate_login_refused_in_any_spelling(client, auth, first, second):
    auth.register(login=first)
    auth.logout()
    response = auth.register(login=second)
    assert response.status_code == 422
    assert "already used" in response.get_data(as_text=True)


def test_register_errors_are_translated(client):
    client.submit("/language", {"language": "lo"})
    response = client.submit(
        "/register",
        {"login": "x", "password": "short", "confirm": "other", "language": "lo"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "ລະຫັດຜ່ານທັງສອງບໍ່ຄືກັນ." in html  # the two passwords differ


def test_short_password_refused(client, auth):
    response = auth.register(password="1234567")
    assert response.status_code == 422
    assert "at least 8 characters" in response.get_data(as_text=True)


def test_login_logout_round_trip(client, auth):
    auth.register()
    auth.logout()
    assert "Log in" in client.get("/").get_data(as_text=True)
    response = auth.login()
    assert response.status_code == 302
    assert "Hello, somchai!" in client.get("/").get_data(as_text=True)


def test_wrong_password_and_unknown_login_get_the_same_answer(client, auth):
    auth.register()
    auth.logout()
    wrong = auth.login(password="wrong password")
    unknown = auth.login(login="nobody")
    for response in (wrong, unknown):
        assert response.status_code == 422
        assert "Wrong username or password" in response.get_data(as_text=True)


def test_too_many_tries_locks_the_account_even_for_the_right_password(app, client, auth):
    app.config["LOGIN_MAX_FAILURES"] = 3
    auth.register()
    auth.logout()
    for _ in range(3):
        auth.login(password="wrong password")
    response = auth.login()
    assert response.status_code == 422
    assert "Too many wrong tries. Wait 15 minutes" in response.get_data(as_text=True)


def test_post_without_csrf_token_is_refused(client):
    response = client.post(
        "/register",
        data={"login": "mallory", "password": "x" * 10, "confirm": "x" * 10, "language": "en"},
    )
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)
    with client.application.app_context():
        assert db.session.scalar(select(User)) is None


def test_logout_needs_a_post_with_token(client, auth):
    auth.register()
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400
    assert "Hello" in client.get("/").get_data(as_text=True)


def test_change_password(client, auth):
    auth.register()
    response = client.submit(
        "/account/password",
        {"current": "correct horse", "password": "battery staple", "confirm": "battery staple"},
    )
    assert response.status_code == 302
    auth.logout()
    assert auth.login(password="correct horse").status_code == 422
    assert auth.login(password="battery staple").status_code == 302


def test_change_password_needs_the_current_one(client, auth):
    auth.register()
    response = client.submit(
        "/account/password",
        {"current": "not it at all", "password": "battery staple", "confirm": "battery staple"},
    )
    assert response.status_code == 422
    assert "current password is not right" in response.get_data(as_text=True)


def test_pages_for_members_redirect_visitors_to_login(client):
    response = client.get("/account/password")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_login_never_redirects_off_site(client, auth, target):
    auth.register()
    auth.logout()
    response = client.submit(
        f"/login?next={target}", {"login": "somchai", "password": "correct horse"}
    )
    assert response.headers["Location"] == "/"


def test_first_login_of_a_bulk_account_asks_for_a_new_password(app, client, auth):
    auth.register()
    auth.logout()
    with app.app_context():
        db.session.scalar(select(User)).must_change_password = True
        db.session.commit()
    assert auth.login().headers["Location"] == "/account/password"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Somchai", "somchai"),
        ("+66 81 234 5678", "0812345678"),
        ("081-234-5678", "0812345678"),
        ("+855 12 345 678", "+85512345678"),
        ("ស៊ុនលី", "ស៊ុនលី"),
    ],
)
def test_normalise_login(raw, expected):
    assert normalise_login(raw) == expected


@pytest.mark.parametrize("raw", ["ab", "a b c", "x" * 40, "<script>", ""])
def test_normalise_login_refuses(raw):
    with pytest.raises(AccountError) as error:
        normalise_login(raw)
    assert error.value.code == "login_invalid"


def test_logging_in_starts_a_fresh_session(client, auth):
    auth.register()
    auth.logout()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    auth.login()
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"]


@pytest.mark.parametrize(
    "password",
    ["password1", "12345678", "87654321", "qwertyuiop", "11111111", "abababab", "0812345678"],
)
def test_passwords_guessed_first_are_refused(client, auth, password):
    response = auth.register(login="0812345678", password=password)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "too easy to guess" in page or "must not be your username" in page


@pytest.mark.parametrize(
    "password", ["ngapyaw thee 25", "สวัสดีครับ ผม", "ម្ដាយខ្ញុំ 1978", "correct horse"]
)
def test_phrases_in_any_script_with_spaces_are_welcome(client, auth, password):
    assert auth.register(login="somchai", password=password).status_code == 302


def test_a_password_longer_than_128_is_refused_with_the_limit(client, auth):
    response = auth.register(password="a phrase " * 15)
    assert response.status_code == 422
    assert "at most 128 characters" in response.get_data(as_text=True)
