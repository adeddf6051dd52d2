"""Security headers on every response: no framing, no sniffing, scripts and styles from us only;
and the trust placed in the proxies in front (X-Forwarded-For and -Proto)."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

# Scripts and styles come from /static only: no inline code, no style attributes.
CSP = (
    "default-src 'self'; img-src 'self' data:; media-src 'self'; script-src 'self'; "
    "style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


# Sent only when the site is served over HTTPS (SESSION_COOKIE_SECURE=1): a year, as browsers'
# preload lists expect.
HSTS = "max-age=31536000; includeSubDomains"


def init_app(app: Flask) -> None:
    hops = app.config["PROXY_HOPS"]
    if hops:
        # The client's address (rate limits) and scheme (secure cookies, external URLs) as the
        # proxies saw them; headers from further out than `hops` proxies are not believed.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    headers = dict(HEADERS)
    if app.config["SESSION_COOKIE_SECURE"]:
        headers["Strict-Transport-Security"] = HSTS

    @app.after_request
    def secure_headers(response):
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response
