"""The Rian Thai web app: the application factory and nothing else.

`create_app()` is what `wsgi.py`, the `rianthai` command and the tests call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from learn.config import Config, load_secret_key, normalise_database_url


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: configuration from the environment, then `config` on top (tests)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(Config(app.instance_path))
    if config:
        app.config.update(config)
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        app.config["SQLALCHEMY_DATABASE_URI"]
    )
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_secret_key(app.instance_path)

    from learn import extensions

    extensions.init_app(app)

    from learn import (
        admin,
        assets,
        auth,
        catalog,
        cli,
        content,
        errors,
        learner,
        main,
        media,
        org,
        practice,
        ratelimits,
        security,
        textbooks,
        trainer,
    )

    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(learner.bp)
    app.register_blueprint(media.bp)
    app.register_blueprint(org.bp)
    app.register_blueprint(trainer.bp)
    app.register_blueprint(practice.bp)
    app.register_blueprint(textbooks.bp)
    ratelimits.init_app(app)
    catalog.init_app(app)
    content.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    assets.init_app(app)
    cli.init_app(app)
    return app
