"""What load.py runs under gunicorn: the real app, plus a bare Flask app at /bare.

The bare route returns a constant from a Flask app with nothing installed (no database, no
session, no templates): the ceiling of what gunicorn + Flask can serve on this machine, so
each page's figure can be read as a share of it. It lives here, never in the product.
"""

from flask import Flask
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from learn import create_app

bare = Flask("bare")


@bare.get("/")
def constant() -> str:
    """The same few bytes every time."""
    return "ok"


product = create_app()
app = DispatcherMiddleware(product, {"/bare": bare})
