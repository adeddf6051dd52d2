"""What load.py runs under gunicorn: the real app, plus two measuring points never in the product.

`/bare/` returns a constant from a Flask app with nothing installed (no database, no session,
no templates): the ceiling of what gunicorn + Flask can serve on this machine, so each page's
figure can be read as a share of it. `/bench/signed-in` is a route of the real app that only
makes sure a learner is signed in (the session cookie, the account's row) and returns a
constant: the least any signed-in page can cost, before it shows anything.
"""

from flask import Flask
from flask_login import login_required
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from learn import create_app

bare = Flask("bare")


@bare.get("/")
def constant() -> str:
    """The same few bytes every time."""
    return "ok"


product = create_app()


@login_required
def signed_in() -> str:
    return "ok"


product.add_url_rule("/bench/signed-in", "bench_signed_in", signed_in)
app = DispatcherMiddleware(product, {"/bare": bare})
