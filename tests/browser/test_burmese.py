"""Burmese on phones whose system font is Zawgyi: the app brings its own Unicode font, and
Zawgyi typed into a form arrives as Unicode."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FONTS = ["NotoSansMyanmar-Bold.woff2", "NotoSansMyanmar-Regular.woff2"]


def fonts_fetched(page, path: str, language: str) -> list[str]:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.context.set_extra_http_headers({"Accept-Language": language})
    page.goto(path)
    page.evaluate("document.fonts.ready.then(() => true)")
    return [url for url in fetched if url.split("?")[0].endswith(".woff2")]


def test_the_burmese_font_is_fetched_where_burmese_is_shown(phone):
    fetched = fonts_fetched(phone, "/login", "my")
    assert sorted(url.split("?")[0].rsplit("/", 1)[-1] for url in fetched) == FONTS
    assert phone.evaluate("document.fonts.check('17px \"Noto Sans Myanmar\"', 'မြန်မာ')")
    used = phone.evaluate(
        "[...document.fonts].filter(f => f.family.includes('Myanmar')).map(f => f.status)"
    )
    assert used == ["loaded", "loaded"]


def faces_drawing(page, selector: str) -> set[str]:
    """The PostScript names of the fonts Chromium drew an element's text with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["postScriptName"] for font in fonts}


def test_bold_burmese_is_drawn_with_the_bold_face_not_a_smeared_regular(phone):
    fonts_fetched(phone, "/login", "my")
    # Spaces and Latin punctuation fall outside the font's unicode-range: only Burmese counts.
    burmese = {"NotoSansMyanmar-Bold", "NotoSansMyanmar-Regular"}
    assert faces_drawing(phone, "main h1") & burmese == {"NotoSansMyanmar-Bold"}
    assert faces_drawing(phone, "main p") & burmese == {"NotoSansMyanmar-Regular"}


def test_no_font_is_fetched_for_a_page_without_burmese(phone):
    assert fonts_fetched(phone, "/login", "en") == []
