"""The bundled fonts: present, licensed, in the CSS, first in every stack, covering our text."""

import re
from functools import cache

import pytest
from fontTools.ttLib import TTFont

from textbook import alphabet, strings
from textbook.fonts import (
    FONT_DIR,
    LICENCE,
    font_face_css,
    font_files,
    font_stack,
    fonts_version,
    lang_css,
)

SCRIPT_FONT = {
    "th": "NotoSansThai",
    "km": "NotoSansKhmer",
    "lo": "NotoSansLao",
    "my": "NotoSansMyanmar",
    "en": "NotoSans",
}


@cache
def cmap(stem: str) -> frozenset[int]:
    return frozenset(TTFont(FONT_DIR / f"{stem}-Regular.ttf").getBestCmap())


def test_every_font_file_is_bundled_with_its_licence():
    names = {path.name for path in font_files()}
    for stem in ("NotoSans", "NotoSansThai", "NotoSansKhmer", "NotoSansLao", "NotoSansMyanmar"):
        assert {f"{stem}-Regular.ttf", f"{stem}-Bold.ttf"} <= names
    assert "SIL OPEN FONT LICENSE Version 1.1" in LICENCE.read_text()
    total = sum(path.stat().st_size for path in font_files())
    assert total < 1_500_000, "keep the bundled fonts lean"


def test_font_face_css_points_under_base_url():
    css = font_face_css("https://example.org/static/fonts/")
    urls = re.findall(r'url\("([^"]+)"\)', css)
    assert len(urls) == 24  # 6 families (5 scripts + tone arrows) x regular/bold x upright/italic
    assert all(url.startswith("https://example.org/static/fonts/Noto") for url in urls)
    assert "file://" in font_face_css()


@pytest.mark.parametrize("lang", ["th", "km", "lo", "my", "en"])
def test_each_script_font_comes_first_and_dejavu_never(lang):
    stack = font_stack(lang)
    first = stack.split(",")[0].strip().strip('"')
    expected = {"en": "Rian Thai Noto Sans"}.get(
        lang,
        "Rian Thai Noto Sans "
        + {"th": "Thai", "km": "Khmer", "lo": "Lao", "my": "Myanmar"}.get(lang, ""),
    )
    assert first == expected
    assert "dejavu" not in stack.lower()
    assert f":lang({lang})" in lang_css()


@pytest.mark.parametrize("lang", ["th", "km", "lo", "my", "en"])
def test_fonts_cover_every_interface_string(lang):
    """No tofu: each character of each string is in the language's font or in Noto Sans."""
    covered = cmap(SCRIPT_FONT[lang]) | cmap("NotoSans")
    missing = {
        char
        for text in strings.catalogue().values()
        for char in text[lang].format(name="", n="", done="", total="", version="", date="")
        if ord(char) not in covered and not char.isspace()
    }
    assert not missing, f"{lang}: no glyph for {sorted(missing)}"


def test_thai_font_covers_the_alphabet_appendix():
    thai = cmap("NotoSansThai")
    texts = [c.letter + c.name for c in alphabet.CONSONANTS] + [v.form for v in alphabet.VOWELS]
    texts += list(alphabet.TONE_MARK_NAMES.values()) + [alphabet.LIVE_FINALS, alphabet.DEAD_FINALS]
    assert {ch for text in texts for ch in text if ord(ch) not in thai and ch != " "} == set()


def test_latin_subset_keeps_pronunciation_tone_marks():
    latin = cmap("NotoSans")
    assert all(ord(ch) in latin for ch in "sà-wàt-dii khráp khâ khǎaw-thôot ʉ ɔ ɛ ŋ –…")


def test_fonts_version_is_stable():
    assert fonts_version() == fonts_version()
    assert len(fonts_version()) == 16
