"""The textbook's interface strings: complete, NFC, in the right script, same placeholders."""

import re
import string
import unicodedata

import pytest

from exercises.burmese import is_zawgyi
from textbook.strings import LANGUAGES, UnknownString, catalogue, keys, t

SCRIPTS = {
    "km": re.compile("[\u1780-\u17ff]"),
    "lo": re.compile("[\u0e80-\u0eff]"),
    "my": re.compile("[\u1000-\u109f]"),
    "th": re.compile("[\u0e00-\u0e7f]"),
}
_fields = string.Formatter()


def placeholders(text):
    return {name for _, name, _, _ in _fields.parse(text) if name}


@pytest.mark.parametrize("key", sorted(keys()))
def test_every_string_in_every_language(key):
    texts = catalogue()[key]
    assert set(texts) == set(LANGUAGES)
    for lang, text in texts.items():
        assert text.strip(), f"{key} is empty in {lang}"
        assert unicodedata.is_normalized("NFC", text), f"{key} in {lang} is not NFC"
        assert placeholders(text) == placeholders(texts["en"]), f"{key} in {lang}: placeholders"
        if lang in SCRIPTS and key != "not_used":
            assert SCRIPTS[lang].search(text), f"{key} in {lang} is not written in its script"


def test_burmese_strings_are_unicode_not_zawgyi():
    for key, texts in catalogue().items():
        assert not is_zawgyi(texts["my"]), key


def test_fields_are_filled():
    assert t("lesson_n", "km", n=3) == "មេរៀនទី 3"
    assert t("lessons_done", "en", done=2, total=5) == "2 of 5 lessons done"
    assert t("contents", "lo-LA") == "ສາລະບານ"


def test_unknown_key_or_language_is_named():
    with pytest.raises(UnknownString, match="nope"):
        t("nope", "en")
    with pytest.raises(UnknownString, match="'fr'"):
        t("contents", "fr")
