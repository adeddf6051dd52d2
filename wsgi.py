"""What a WSGI server imports: `gunicorn wsgi:app`."""

from learn import create_app

app = create_app()
