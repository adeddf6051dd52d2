"""U+200B insertion at ICU line-break opportunities for Khmer, Lao and Burmese."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textbook.linebreak import (
    NO_BREAK_BEFORE,
    ZWSP,
    break_positions,
    insert_breaks,
    insert_breaks_html,
    jinja_filter,
    strip_breaks,
    utf16_to_index,
)

# "|" marks where a U+200B must appear; nowhere else may one appear.
CASES = [
    # Khmer: no spaces between words, ។ ends a sentence.
    ("km", "ខ្ញុំចង់រៀនភាសាថៃ។", "ខ្ញុំ|ចង់|រៀន|ភាសា|ថៃ។"),
    ("km", "អរគុណច្រើន", "អរគុណ|ច្រើន"),
    ("km", "ខ្ញុំធ្វើការនៅរោងចក្រ។", "ខ្ញុំ|ធ្វើការ|នៅ|រោងចក្រ។"),
    ("km", "តើអ្នកសុខសប្បាយទេ?", "តើ|អ្នកសុខ|សប្បាយ|ទេ?"),
    ("km", "សួស្ដី", "សួស្ដី"),  # one word: never split inside
    ("km", "ថ្ងៃនេះ (ថ្ងៃច័ន្ទ)", "ថ្ងៃនេះ (ថ្ងៃច័ន្ទ)"),  # not after "(" nor before ")"
    ("km", "«ជំរាបសួរ»", "«ជំរាបសួរ»"),
    ("km", "លេខ ១២៣", "លេខ ១២៣"),  # a space is already a break
    # Lao: ໆ repeats the word before it and never starts a line.
    ("lo", "ຂ້ອຍເຮັດວຽກຢູ່ໂຮງງານ", "ຂ້ອຍ|ເຮັດວຽກ|ຢູ່|ໂຮງງານ"),
    ("lo", "ຂອບໃຈຫຼາຍໆ", "ຂອບ|ໃຈ|ຫຼາຍໆ"),
    ("lo", "ເຈົ້າສະບາຍດີບໍ?", "ເຈົ້າ|ສະບາຍດີ|ບໍ?"),
    ("lo", "ປະເທດລາວ", "ປະເທດ|ລາວ"),
    ("lo", "ສະບາຍດີ", "ສະບາຍດີ"),
    # Burmese: ။ and ၊ stay with the word before; kinzi and stacked consonants stay whole.
    ("my", "ကျွန်တော်စက်ရုံမှာအလုပ်လုပ်တယ်။", "ကျွန်တော်|စက်ရုံ|မှာ|အလုပ်|လုပ်|တယ်။"),
    ("my", "ကျေးဇူးတင်ပါတယ်။", "ကျေးဇူးတင်|ပါ|တယ်။"),
    ("my", "မင်္ဂလာပါ", "မင်္ဂလာ|ပါ"),
    ("my", "နေကောင်းလား?", "နေ|ကောင်း|လား?"),
    ("my", "မြန်မာ၊ ထိုင်း", "မြန်မာ၊ ထိုင်း"),
    ("my", "(မြန်မာ)", "(မြန်မာ)"),
    # Thai and Latin are left alone: Pango breaks Thai with libthai, Latin at spaces.
    ("th", "ฉันอยากเรียนภาษาไทย", "ฉันอยากเรียนภาษาไทย"),
    ("en", "I want to learn Thai.", "I want to learn Thai."),
    ("km", "Hello world 123", "Hello world 123"),  # Latin inside a Khmer text: untouched
    ("km-KH", "អរគុណច្រើន", "អរគុណ|ច្រើន"),  # a region subtag is fine
    ("km", "", ""),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_insert_breaks(lang, text, expected):
    assert insert_breaks(text, lang) == expected.replace("|", ZWSP)


def test_non_bmp_characters_shift_icu_offsets_correctly():
    # 𝐀 is two UTF-16 code units: a naive slice would cut ខ្ញុំ in the wrong place.
    text = "𝐀𝐁 ខ្ញុំចង់រៀន"
    assert insert_breaks(text, "km") == "𝐀𝐁 ខ្ញុំ" + ZWSP + "ចង់" + ZWSP + "រៀន"
    assert utf16_to_index("𝐀a") == {0: 0, 2: 1, 3: 2}


def test_break_positions_are_str_indices():
    assert break_positions("ខ្ញុំចង់", "km") == [5]


def test_idempotent_on_real_text():
    for lang, text, _ in CASES:
        once = insert_breaks(text, lang)
        assert insert_breaks(once, lang) == once


def test_html_fragment_follows_lang_of_each_element():
    fragment = (
        '<p class="x">ខ្ញុំចង់រៀន <span lang="th">ภาษาไทย</span> &amp; ភាសាថៃ<br>'
        "<style>p { content: 'ខ្ញុំចង់' }</style><code>ខ្ញុំចង់</code></p><!-- ខ្ញុំចង់ -->"
    )
    out = insert_breaks_html(fragment, "km").replace(ZWSP, "|")
    assert out == (
        '<p class="x">ខ្ញុំ|ចង់|រៀន <span lang="th">ภาษาไทย</span> &amp; ភាសា|ថៃ<br>'
        "<style>p { content: 'ខ្ញុំចង់' }</style><code>ខ្ញុំចង់</code></p><!-- ខ្ញុំចង់ -->"
    )


def test_html_lang_attribute_switches_segmenter():
    out = insert_breaks_html('<div lang="lo">ປະເທດລາວ</div>ខ្ញុំចង់', "en")
    assert out == f'<div lang="lo">ປະເທດ{ZWSP}ລາວ</div>ខ្ញុំចង់'


def test_jinja_filter_escapes_then_breaks():
    out = jinja_filter("<b>ខ្ញុំចង់</b>", "km")
    assert str(out) == f"&lt;b&gt;ខ្ញុំ{ZWSP}ចង់&lt;/b&gt;"


_SCRIPT_TEXT = st.text(
    alphabet=st.sampled_from("ខ្ញុំចង់រៀនភាសាថៃ។៕ៗ ຂ້ອຍເຮັດວຽກໆ ကျွန်တော်မင်္ဂလာ။၊ ()?!.,«»\u200b\u2060𝐀a1ฯๆ"),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(text=_SCRIPT_TEXT, lang=st.sampled_from(["km", "lo", "my", "th", "en"]))
def test_never_breaks_before_forbidden_characters(text, lang):
    text = strip_breaks(text)
    out = insert_breaks(text, lang)
    assert strip_breaks(out) == text
    for i, char in enumerate(out):
        if char == ZWSP:
            assert 0 < i < len(out) - 1
            assert out[i + 1] not in NO_BREAK_BEFORE
            assert not out[i + 1].isspace() and not out[i - 1].isspace()


@settings(max_examples=100, deadline=None)
@given(text=_SCRIPT_TEXT, lang=st.sampled_from(["km", "lo", "my"]))
def test_existing_zero_width_spaces_are_kept_and_never_doubled(text, lang):
    out = insert_breaks(text, lang)
    assert strip_breaks(out) == strip_breaks(text)
    assert out.count(ZWSP) >= text.count(ZWSP)
    if ZWSP * 2 not in text:
        assert ZWSP * 2 not in out


_HTML_PIECES = list("ខ្ញុំចង់រៀនថៃ ຂ້ອຍເຮັດວຽກ ကျွန်တော် <>/&;=\"'abp!-#x1") + [
    "<p>",
    '<span lang="lo">',
    "</span>",
    "<br>",
    "&amp;",
    "<!--",
    "-->",
    "<style>",
    "<pre>",
    "ខ្ញុំចង់រៀនភាសាថៃ",
    "ຂ້ອຍເຮັດວຽກຢູ່ໂຮງງານ",
    "ကျွန်တော်စက်ရုံမှာ",
]
_HTML_TEXT = st.lists(st.sampled_from(_HTML_PIECES), max_size=25).map("".join)


@settings(max_examples=200, deadline=None)
@given(fragment=_HTML_TEXT, lang=st.sampled_from(["km", "lo", "my", "en"]))
def test_html_helper_never_crashes_and_only_adds_zero_width_spaces(fragment, lang):
    assert strip_breaks(insert_breaks_html(fragment, lang)) == fragment
