"""Rate limits on the forms a password guesser or an account factory would hammer.

Flask-Limiter, one limiter per app (tests build many apps; a module-level limiter would carry
one app's storage and switches into the next). Counters live in memory by default, which is
per gunicorn worker: with 2 workers a limit lets through up to twice its number. Set
RATELIMIT_STORAGE_URI (e.g. redis://127.0.0.1:6379/0) to share them between workers and
hosts; should Redis go away, counting goes on in memory rather than locking everyone out.

The limits are per network address, and generous: a class of 30 workers on a factory's Wi-Fi
shares one address and logs in at the same minute. The per-account lockout (LOGIN_MAX_FAILURES)
is what stops guessing one account's password; the per-name limit below also covers names that
have no account.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from learn.auth.accounts import AccountError, normalise_login

LIMITED = {
    # endpoint: the config key of its limit per address
    "auth.login": "RATELIMIT_LOGIN",
    "auth.register_view": "RATELIMIT_REGISTER",
}


def _login_name() -> str:
    """The account a login form is aimed at, spelt as accounts are stored."""
    raw = request.form.get("login", "")
    try:
        return "name:" + normalise_login(raw)
    except AccountError:
        return "name:" + raw.strip().casefold()[:64]


def init_app(app: Flask) -> Limiter:
    limiter = Limiter(get_remote_address, app=app)
    app.extensions["rianthai_limiter"] = limiter
    _only_where_limited(app, limiter)

    def setting(key: str):
        return lambda: current_app.config[key]

    for endpoint, key in LIMITED.items():
        view = limiter.limit(setting(key), methods=["POST"])(app.view_functions[endpoint])
        app.view_functions[endpoint] = view
    app.view_functions["auth.login"] = limiter.limit(
        setting("RATELIMIT_LOGIN_NAME"), key_func=_login_name, methods=["POST"], scope="name"
    )(app.view_functions["auth.login"])
    return limiter


def _only_where_limited(app: Flask, limiter: Limiter) -> None:
    """Take out the check Flask-Limiter runs before every request: with no default limits it
    only does bookkeeping (about 40 µs, a tenth of /healthz), and the decorated views above
    check their own limits. Its after-request hook stays: it sends Retry-After with a 429."""
    hooks = app.before_request_funcs[None]
    hooks[:] = [hook for hook in hooks if getattr(hook, "__self__", None) is not limiter]
