"""What goes over a phone's data plan, seen by Chromium from the real server: pages and
static files gzipped, static files cached for good, so the next page costs only its HTML."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
# Whether the service worker has taken a file into its cache (asked again for up to 10 s).
TAKEN = """async url => {
  for (let i = 0; i < 200 && !(await caches.match(url)); i++) {
    await new Promise(wait => setTimeout(wait, 50));
  }
  return !!(await caches.match(url));
}"""


def test_pages_are_gzipped_and_static_files_fetched_once(phone, live_server, course):
    page = phone
    with page.expect_response(lambda r: "/static/css/app.css?v=" in r.url) as stylesheet:
        document = page.goto("/login")
    assert document.headers.get("content-encoding") == "gzip"
    css = stylesheet.value
    assert css.headers.get("content-encoding") == "gzip"
    assert "immutable" in css.headers["cache-control"]
    line = f"GET {css.url.removeprefix(live_server.url)} HTTP/1.1"
    for _ in range(50):  # the server logs a request once it has sent the answer
        if line in live_server.requests():
            break
        page.wait_for_timeout(100)
    asked = live_server.requests().count(line)
    assert asked >= 1
    # The service worker (static/js/sw.js) takes the page's files into its cache: the next
    # pages get them from there.
    assert page.evaluate(TAKEN, css.url), "the service worker keeps app.css"
    page.goto(f"/courses/{course.id}")
    page.goto("/login")
    assert live_server.requests().count(line) == asked, (
        "the second and third pages take app.css from the phone's cache"
    )
