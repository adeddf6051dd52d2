"""The layout checker finds overflowing lines and mid-word breaks in WeasyPrint's boxes."""

import pytest

from textbook.fonts import font_face_css, lang_css
from textbook.layoutcheck import assert_layout_ok, check_layout
from textbook.linebreak import ZWSP, insert_breaks_html

weasyprint = pytest.importorskip("weasyprint")

PHRASES = {
    "km": "ខ្ញុំចង់រៀនភាសាថៃ ខ្ញុំធ្វើការនៅរោងចក្រ។ អរគុណច្រើន",
    "lo": "ຂ້ອຍເຮັດວຽກຢູ່ໂຮງງານ ເຈົ້າສະບາຍດີບໍ? ຂອບໃຈຫຼາຍໆ",
    "my": "ကျွန်တော်စက်ရုံမှာအလုပ်လုပ်တယ်။ ကျေးဇူးတင်ပါတယ်။",
}


@pytest.fixture(scope="module")
def stylesheet():
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return weasyprint.CSS(string=font_face_css() + lang_css(), font_config=fonts), fonts


def render(body: str, lang: str, stylesheet):
    html = f'<html lang="{lang}"><body>{body}</body></html>'
    css, fonts = stylesheet
    return weasyprint.HTML(string=html).render(stylesheets=[css], font_config=fonts)


def narrow(text: str) -> str:
    return f'<div style="width: 90px">{text}</div><p style="width: 120px">{text}</p>'


@pytest.mark.parametrize("lang", sorted(PHRASES))
def test_narrow_box_overflows_without_zero_width_spaces(lang, stylesheet):
    problems = check_layout(render(narrow(PHRASES[lang]), lang, stylesheet))
    assert problems, "a phrase with no spaces must stick out of a 90 px box"
    assert {p.kind for p in problems} == {"overflow"}
    assert all(p.lang == lang and p.page == 1 for p in problems)
    with pytest.raises(AssertionError, match="overflow"):
        assert_layout_ok(render(narrow(PHRASES[lang]), lang, stylesheet))


@pytest.mark.parametrize("lang", sorted(PHRASES))
def test_narrow_box_fits_with_zero_width_spaces(lang, stylesheet):
    html = insert_breaks_html(narrow(PHRASES[lang]), lang)
    document = render(html, lang, stylesheet)
    assert_layout_ok(document)
    lines = [b for b in document.pages[0]._page_box.descendants() if type(b).__name__ == "LineBox"]
    assert len(lines) > 4  # it really wrapped


@pytest.mark.parametrize("lang", sorted(PHRASES))
def test_line_end_inside_a_word_is_reported(lang, stylesheet):
    # A U+200B in the middle of every word forces Pango to end lines where ICU sees no break.
    word = {"km": "រោងចក្រ", "lo": "ໂຮງງານ", "my": "စက်ရုံ"}[lang]
    split = word[: len(word) // 2 + 1] + ZWSP + word[len(word) // 2 + 1 :]
    body = f'<div style="width: 1px">{split}</div>'
    problems = check_layout(render(body, lang, stylesheet), tolerance=1000)
    assert [p.kind for p in problems] == ["word-break"]


def test_block_wider_than_its_container_is_reported(stylesheet):
    body = '<div style="width: 100px"><table style="width: 300px"><tr><td>x</td></tr></table></div>'
    problems = check_layout(render(body, "en", stylesheet))
    assert "box-overflow" in {p.kind for p in problems}


def test_latin_long_word_overflows_but_spaces_do_not(stylesheet):
    assert check_layout(
        render('<div style="width: 40px">Supercalifragilistic</div>', "en", stylesheet)
    )
    assert not check_layout(
        render('<div style="width: 60px">a b c d e f g h</div>', "en", stylesheet)
    )
