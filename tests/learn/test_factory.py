"""The app factory: configuration, the secret key, health check and error pages."""

from __future__ import annotations

import stat

import pytest

from learn import create_app
from learn.config import normalise_database_url


def test_config_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    monkeypatch.setenv("MEDIA_ROOT", str(tmp_path / "videos"))
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'x.db'}"
    assert app.config["MEDIA_ROOT"] == str(tmp_path / "videos")


def test_mapping_overrides_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    assert create_app({"SECRET_KEY": "given"}).config["SECRET_KEY"] == "given"


def test_without_secret_key_one_is_made_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(tmp_path))
    first = create_app().config["SECRET_KEY"]
    second = create_app().config["SECRET_KEY"]
    assert first == second and len(first) >= 64
    key_file = tmp_path / "secret_key"
    assert key_file.read_text() == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "url, expected",
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_database_url_uses_psycopg3(url, expected):
    assert normalise_database_url(url) == expected


def test_healthz_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_healthz_when_database_is_gone(tmp_path):
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/x.db"}
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unavailable"
    with app.app_context():
        from learn.extensions import db

        db.engine.dispose()


def test_404_in_the_readers_language(client):
    response = client.get("/no/such/page", headers={"Accept-Language": "my"})
    assert response.status_code == 404
    assert "စာမျက်နှာ မတွေ့ပါ" in response.get_data(as_text=True)


def test_403_page(app, client):
    from flask import abort

    app.add_url_rule("/forbidden", "forbidden", lambda: abort(403))
    response = client.get("/forbidden", headers={"Accept-Language": "km"})
    assert response.status_code == 403
    assert "អ្នកមិនអាចបើកទំព័រនេះបានទេ" in response.get_data(as_text=True)


def test_500_page_and_nothing_half_written(app, client):
    def broken():
        raise RuntimeError("boom")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.add_url_rule("/broken", "broken", broken)
    response = client.get("/broken", headers={"Accept-Language": "lo"})
    assert response.status_code == 500
    assert "ມີບັນຫາເກີດຂຶ້ນຢູ່ຝັ່ງຂອງພວກເຮົາ" in response.get_data(as_text=True)
