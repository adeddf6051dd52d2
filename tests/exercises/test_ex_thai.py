"""exercises.thai: one spelling for every way of typing Thai, and named near misses."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises.feedback import Code
from exercises.thai import clusters, compare, normalize, same_sound

# (what a keyboard or phone produced, the canonical spelling)
SAME_TEXT = [
    ("น\u0e49\u0e4d\u0e32", "น้ำ"),  # tone, nikhahit, sara aa
    ("น\u0e4d\u0e49\u0e32", "น้ำ"),  # nikhahit, tone, sara aa
    ("น\u0e33\u0e49", "น้ำ"),  # sara am typed before the tone mark
    ("ท\u0e48\u0e35", "ที่"),  # tone mark before the upper vowel
    ("ก\u0e49\u0e38", "กุ้"),  # tone mark before the lower vowel
    ("ไม\u0e48\u0e48", "ไม่"),  # tone mark typed twice
    ("ดี\u0e35", "ดี"),  # upper vowel typed twice
    ("\u0e40\u0e40ก", "แก"),  # sara e typed twice for sara ae
    ("สวัส\u200bดี", "สวัสดี"),  # zero width space
    ("\ufeffสวัสดี\u2060", "สวัสดี"),  # BOM, word joiner
    ("ขอบ\u00adคุณ", "ขอบคุณ"),  # soft hyphen
    ("ขอบ\u200c\u200dคุณ", "ขอบคุณ"),  # ZWNJ, ZWJ
    ("  สวัสดี   ครับ \n", "สวัสดี ครับ"),  # whitespace folded and stripped
    ("\u00a0สวัสดี\u3000ครับ", "สวัสดี ครับ"),  # no-break and ideographic spaces
    ("ไ ม่", "ไม่"),  # a leading vowel typed apart from its consonant
    ("ศักด\u0e4c\u0e34", "ศักดิ์"),  # thanthakhat before the vowel
    ("น\u0e49\u0e33", "น้ำ"),  # already canonical
]


@pytest.mark.parametrize(("typed", "canonical"), SAME_TEXT)
def test_same_text_typed_differently_normalizes_to_one_spelling(typed, canonical):
    assert normalize(typed) == canonical
    assert compare(canonical, typed).correct


# pairs of different words that must stay different
DIFFERENT = [
    ("ไม้", "ไม่"),  # wood / not
    ("ข้าว", "ขาว"),  # rice / white
    ("ใกล้", "ไกล"),  # near / far
    ("น้ำ", "นำ"),  # water / lead
    ("เสือ", "เสื่อ"),  # tiger / mat
    ("หมา", "ม้า"),  # dog / horse
    ("ใส", "ไส"),
    ("ขา", "ข่า"),
    ("ปา", "ป่า"),
    ("กา", "ก้า"),
    ("สวย", "ซวย"),
    ("แก", "เก"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_words_never_normalize_equal(a, b):
    assert normalize(a) != normalize(b)
    assert not compare(a, b).correct


NEAR_MISSES = [
    # expected, typed, code, position, expected cluster, typed cluster
    ("ไม่", "ไม", Code.THAI_MISSING_TONE_MARK, 2, "ม่", "ม"),
    ("ข้าว", "ขาว", Code.THAI_MISSING_TONE_MARK, 1, "ข้", "ข"),
    ("น้ำ", "นำ", Code.THAI_MISSING_TONE_MARK, 1, "น้", "น"),
    ("ไม่", "ไม้", Code.THAI_WRONG_TONE_MARK, 2, "ม่", "ม้"),
    ("ขาว", "ข่าว", Code.THAI_WRONG_TONE_MARK, 1, "ข", "ข่"),  # a tone mark too many
    ("สวัสดี", "สวัสดิ", Code.THAI_WRONG_VOWEL, 4, "ดี", "ดิ"),
    ("น้ำ", "น้า", Code.THAI_WRONG_VOWEL, 2, "ำ", "า"),
    ("แก", "เก", Code.THAI_WRONG_VOWEL, 1, "แ", "เ"),
    ("สวัสดี", "ศวัสดี", Code.THAI_SAME_SOUND_CONSONANT, 1, "ส", "ศ"),
    ("ขอบคุณ", "คอบคุณ", Code.THAI_SAME_SOUND_CONSONANT, 1, "ข", "ค"),
    ("ทหาร", "ธหาร", Code.THAI_SAME_SOUND_CONSONANT, 1, "ท", "ธ"),
    ("ขอบคุณ", "ขอคุณ", Code.THAI_MISSING_CHARACTER, 3, "บ", ""),
    ("ศักดิ์", "ศักดิ", Code.THAI_MISSING_CHARACTER, 3, "ดิ์", "ดิ"),
    ("ขอบคุณ", "ขอบคุณณ", Code.THAI_EXTRA_CHARACTER, 5, "", "ณ"),
]


@pytest.mark.parametrize(("expected", "typed", "code", "position", "e", "t"), NEAR_MISSES)
def test_each_near_miss_is_named_with_its_place(expected, typed, code, position, e, t):
    result = compare(expected, typed)
    assert result.code is code
    assert not result.correct
    assert result.score == 0.5
    (diff,) = result.diffs
    assert (diff.position, diff.expected, diff.typed) == (position, e, t)


@pytest.mark.parametrize(
    ("expected", "typed"),
    [
        ("ใกล้", "ไกล"),  # two differences
        ("สวัสดี", "ขอบคุณ"),
        ("น้ำ", "ไฟ"),
        ("ก", "ม"),  # different sounds
        ("ไม่", "ไ"),  # half the word missing
    ],
)
def test_far_misses_are_wrong_and_score_nothing(expected, typed):
    result = compare(expected, typed)
    assert result.code is Code.THAI_WRONG
    assert result.score == 0.0


def test_only_spacing_differs_is_accepted_with_a_note():
    result = compare("ขอบคุณครับ", "ขอบคุณ ครับ")
    assert result.code is Code.THAI_SPACING
    assert result.correct and result.score == 1.0


def test_clusters_keep_marks_with_their_base_and_sara_am_apart():
    assert clusters("น้ำ") == ["น้", "ำ"]
    assert clusters("ที่นี่") == ["ที่", "นี่"]
    assert clusters("เก่ง") == ["เ", "ก่", "ง"]


def test_sound_groups():
    assert same_sound("ส", "ศ") and same_sound("ท", "ฐ") and same_sound("ข", "ค")
    assert not same_sound("ส", "ส") and not same_sound("ก", "ค") and not same_sound("x", "y")


thai_text = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x0E01, 0x0E5C) if unicodedata.category(chr(c)) != "Cn"]
        + [" ", "\u200b", "\u00ad", "\n", "a"]
    ),
    max_size=30,
)


@settings(deadline=None)  # a loaded CI machine must not make it flaky
@given(thai_text)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    assert once == unicodedata.normalize("NFC", once)


@settings(deadline=None)  # a loaded CI machine must not make it flaky
@given(st.text(max_size=30))
def test_normalize_never_crashes_on_any_text(text):
    assert normalize(normalize(text)) == normalize(text)


@settings(deadline=None)  # a loaded CI machine must not make it flaky
@given(thai_text, thai_text)
def test_compare_never_crashes_and_scores_in_range(expected, typed):
    result = compare(expected, typed)
    assert 0.0 <= result.score <= 1.0
    assert result.correct == (result.score == 1.0)


def test_a_pasted_page_is_graded_wrong_quickly():
    import time

    start = time.perf_counter()
    result = compare("ขอบคุณครับ", "ขอบคุณ" * 20_000)
    assert result.code is Code.THAI_WRONG
    assert time.perf_counter() - start < 1.0
