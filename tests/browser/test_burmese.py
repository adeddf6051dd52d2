"""Burmese on phones whose system font is Zawgyi: the app brings its own Unicode font, and
Zawgyi typed into a form arrives as Unicode."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FONT = "NotoSansMyanmar-Regular.woff2"


def fonts_fetched(page, path: str, language: str) -> list[str]:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.context.set_extra_http_headers({"Accept-Language": language})
    page.goto(path)
    page.evaluate("document.fonts.ready.then(() => true)")
    return [url for url in fetched if url.split("?")[0].endswith(".woff2")]


def test_the_burmese_font_is_fetched_where_burmese_is_shown(phone):
    fetched = fonts_fetched(phone, "/login", "my")
    assert [url.split("?")[0].rsplit("/", 1)[-1] for url in fetched] == [FONT]
    assert phone.evaluate("document.fonts.check('17px \"Noto Sans Myanmar\"', 'မြန်မာ')")
    used = phone.evaluate(
        "[...document.fonts].filter(f => f.family.includes('Myanmar')).map(f => f.status)"
    )
    assert used == ["loaded"]


def test_no_font_is_fetched_for_a_page_without_burmese(phone):
    assert fonts_fetched(phone, "/login", "en") == []
