"""Burmese input: Zawgyi is detected and converted to Unicode; Unicode is left alone."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import burmese, clean_input

# (typed in Zawgyi, the same text in Unicode), each checked by converting with ICU's Zawgyi-my
ZAWGYI_TO_UNICODE = [
    ("ေက်ာင္းသား", "ကျောင်းသား"),  # student
    ("ျမန္မာ", "မြန်မာ"),  # Myanmar
    ("ေက်းဇူးတင္ပါတယ္", "ကျေးဇူးတင်ပါတယ်"),  # thank you
    ("ကၽြန္ေတာ္", "ကျွန်တော်"),  # I (a man speaking)
    ("ထမင္းစားၿပီးၿပီလား", "ထမင်းစားပြီးပြီလား"),  # have you eaten?
    (
        "အျပည္ျပည္ဆိုင္ရာ လူ႔အခြင့္အေရး ေၾကညာစာတမ္း",  # Universal Declaration of Human Rights
        "အပြည်ပြည်ဆိုင်ရာ လူ့အခွင့်အရေး ကြေညာစာတမ်း",
    ),
]


@pytest.mark.parametrize(("zawgyi", "unicode"), ZAWGYI_TO_UNICODE)
def test_zawgyi_is_detected_and_converted(zawgyi, unicode):
    assert burmese.is_zawgyi(zawgyi)
    assert burmese.zawgyi_probability(zawgyi) > burmese.ZAWGYI_THRESHOLD
    assert burmese.to_unicode(zawgyi) == unicode
    assert clean_input(f"  {zawgyi} ", "my") == unicode


@pytest.mark.parametrize(
    "unicode",
    [u for _, u in ZAWGYI_TO_UNICODE]
    + [
        "မင်္ဂလာပါ",  # hello
        "ရေ",  # water
        "ဒီစကားလုံးက ဘာအဓိပ္ပာယ်လဲ။",  # the detector alone says 0.97 Zawgyi for this one
    ],
)
def test_unicode_burmese_is_left_unchanged(unicode):
    assert not burmese.is_zawgyi(unicode)
    assert burmese.to_unicode(unicode) == unicode
    assert clean_input(unicode, "my") == unicode


@pytest.mark.parametrize("text", ["", "hello", "สวัสดี", "សួស្តី", "ສະບາຍດີ", "123"])
def test_text_without_burmese_is_not_judged(text):
    assert burmese.zawgyi_probability(text) == 0.0
    assert burmese.to_unicode(text) == text


def test_zawgyi_is_only_converted_for_burmese_answers():
    assert clean_input("ေက်ာင္းသား", "th") == "ေက်ာင္းသား"


@settings(deadline=None)  # a loaded CI machine must not make it flaky
@given(st.text(alphabet=st.characters(min_codepoint=0x1000, max_codepoint=0x109F), max_size=20))
def test_to_unicode_never_crashes(text):
    assert isinstance(burmese.to_unicode(text), str)


@pytest.mark.parametrize(
    ("typed", "lang", "clean"),
    [
        ("  สวัสดี  ครับ\n", "th", "สวัสดี ครับ"),
        ("สวัส\u200bดี\u00ad", "th", "สวัสดี"),
        ("\ufeffhello\u2060", "en", "hello"),
        ("e\u0301", "en", "é"),  # NFC
        ("ស\u200bួស្តី", "km", "សួស្តី"),
    ],
)
def test_clean_input(typed, lang, clean):
    assert clean_input(typed, lang) == clean
    assert unicodedata.is_normalized("NFC", clean_input(typed, lang))
