"""The text rules of the content checker, as a table of cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons.textcheck import is_zawgyi, text_problem


@pytest.mark.parametrize(
    ("text", "lang", "problem"),
    [
        ("sà-wàt-dii", None, None),
        ("sa\u0300-wa\u0300t-dii", None, "NFC"),  # combining graves
        ("สวัสดี", "th", None),
        ("น้ำ", None, None),
        ("น\u0e49\u0e4d\u0e32", None, "ำ typed as"),  # น + ้ + ํ + า looks like น้ำ
        ("ที่", None, None),
        ("ท\u0e48\u0e35", None, "tone mark typed before its vowel"),  # ท + ่ + ี
        ("ก\u0e48\u0e48", None, "two Thai tone marks"),
        ("ကျောင်းသား", "my", None),
        ("ဒီစကားလုံးက ဘာအဓိပ္ပာယ်လဲ။", "my", None),  # the detector alone says 0.97 Zawgyi
        ("မင်္ဂလာပါ", "my", None),  # kinzi: a virama before a consonant is Unicode
        ("ေက်ာင္းသား", "my", "Zawgyi"),
        ("ေနေကာင္းလား", "my", "Zawgyi"),
        ("ဘာအဓိပ္ပာ\u1799်လဲ", "my", "Khmer letters"),  # Khmer YO for Burmese YA
        ("សួស្តី", "km", None),
        ("សួស្តី ສະບາຍດີ", "km", "Lao letters"),
        ("ພິມເປັນພາສາໄທ: สวัสดี", "lo", None),  # Thai quoted in any language is fine
        ("hello မင်္ဂလာပါ", "en", "Burmese letters"),
    ],
)
def test_text_rules(text, lang, problem):
    found = text_problem(text, lang)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


@given(st.text(alphabet=st.characters(min_codepoint=0x1000, max_codepoint=0x109F), max_size=30))
def test_the_zawgyi_check_never_crashes_on_burmese_code_points(text):
    assert is_zawgyi(text) in (True, False)


@given(st.text(max_size=50), st.sampled_from([None, "th", "km", "lo", "my", "en"]))
def test_text_rules_never_crash(text, lang):
    result = text_problem(text, lang)
    assert result is None or isinstance(result, str)
