"""The textbook prints each word's and line's sounds in the reader's script, with a legend."""

from __future__ import annotations

import pytest

from lessons.transcribe import for_item
from textbook import build_html


@pytest.mark.parametrize("lang", ["km", "lo", "my"])
def test_words_and_lines_carry_the_readers_script(course, lang):
    html = build_html(course, lang)
    item = course.lessons[0].vocabulary[0]
    expected = for_item(item, lang).replace("\u200b", "")
    assert expected and f'<span class="script-pron" lang="{lang}">' in html
    assert expected in html.replace("\u200b", "")
    assert 'class="script-legend"' in html


@pytest.mark.parametrize("lang", ["en", "th"])
def test_other_readers_get_the_latin_guide_only(course, lang):
    html = build_html(course, lang)
    assert 'class="script-pron"' not in html and 'class="script-legend"' not in html


def test_the_tone_arrows_have_a_bundled_font():
    from fontTools.ttLib import TTFont

    from textbook.fonts import FONT_DIR

    cmap = TTFont(FONT_DIR / "NotoSansMathArrows-Regular.ttf").getBestCmap()
    assert {ord(arrow) for arrow in "↓↘↑↗"} <= set(cmap)
