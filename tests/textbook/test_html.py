"""The textbook's HTML before rendering: languages marked, every lesson, item and meaning there."""

import re
from html.parser import HTMLParser

import pytest

import textbook
from textbook.linebreak import ZWSP
from textbook.text import pick

from .conftest import LANGS

SCRIPT_OF = {
    "th": re.compile("[\u0e01-\u0e5b]"),
    "km": re.compile("[\u1780-\u17ff]"),
    "lo": re.compile("[\u0e80-\u0eff]"),
    "my": re.compile("[\u1000-\u109f]"),
}
VOID = {"br", "meta", "img", "hr", "link", "input", "col", "wbr"}


class Texts(HTMLParser):
    """Every text node of a document with the language in force where it stands."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.nodes = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag in VOID:
            return
        lang = attrs.get("lang") or (self.stack[-1][1] if self.stack else "")
        self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and self.stack and self.stack[-1][0] not in ("style", "title"):
            self.nodes.append((data, self.stack[-1][1]))


@pytest.fixture(scope="module")
def htmls(course):
    return {lang: textbook.build_html(course, lang) for lang in LANGS}


@pytest.fixture(scope="module")
def parsed(htmls):
    out = {}
    for lang, html in htmls.items():
        parser = Texts()
        parser.feed(html)
        out[lang] = parser
    return out


def plain(html):
    return html.replace(ZWSP, "")


@pytest.mark.parametrize("lang", LANGS)
def test_document_language_and_every_script_marked(lang, htmls, parsed):
    assert f'<html lang="{lang}">' in htmls[lang]
    for text, where in parsed[lang].nodes:
        primary = where.split("-")[0]
        for script, pattern in SCRIPT_OF.items():
            if pattern.search(text):
                assert primary == script, f"{script} text {text!r} is marked {where!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_lesson_and_vocabulary_item_present(lang, course, htmls, parsed):
    html = plain(htmls[lang])
    for lesson in course.lessons:
        assert f"lesson-{lesson.id}" in parsed[lang].ids
        assert f'href="#lesson-{lesson.id}"' in html
        for item in lesson.vocabulary:
            assert f"v-{item.id}" in parsed[lang].ids
            assert f'<td class="thai" lang="th">{item.thai}</td>' in html
            assert item.pron in html


@pytest.mark.parametrize("lang", LANGS)
def test_every_meaning_in_the_chosen_language(lang, course, htmls):
    html = plain(htmls[lang])
    for lesson in course.lessons:
        for item in lesson.vocabulary:
            meaning = pick(item.meaning, lang)
            assert meaning.lang == lang
            assert meaning.text.replace("(", "").split(";")[0] in html.replace("(", "")
        for objective in lesson.objectives:
            assert objective[lang].rstrip("។.။") in html
        for line in lesson.dialogue.lines if lesson.dialogue and lang != "th" else ():
            assert line.translation[lang] in html


@pytest.mark.parametrize("lang", ["km", "lo", "my"])
def test_interface_strings_are_in_the_learner_language(lang, htmls):
    from textbook.strings import t

    html = plain(htmls[lang])
    for key in ("contents", "vocabulary", "answer_key", "alphabet", "consonants", "tone_rules"):
        assert t(key, lang) in html
    assert t("lesson_n", lang, n=2) in html
    assert "Vocabulary" not in html and "Answer key" not in html


@pytest.mark.parametrize("lang", ["km", "lo", "my"])
def test_segmented_scripts_carry_zero_width_spaces(lang, htmls):
    assert ZWSP in htmls[lang]


def test_thai_and_english_get_no_zero_width_spaces(htmls):
    assert ZWSP not in htmls["th"] and ZWSP not in htmls["en"]


def test_missing_translation_falls_back_with_its_language(course):
    # The pack has no Lao text for some option? Use the minimal English-only course shape.
    from pathlib import Path

    import lessons

    mini = lessons.load_course(Path(__file__).parents[1] / "lessons" / "packs" / "minimal")
    html = textbook.build_html(mini, "km")
    assert '<td class="meaning"><span lang="en">hello; goodbye</span>' in html


def test_workbook_adds_name_and_progress(course):
    learner = textbook.LearnerSummary("Sokha", {"hello"}, {"hello": 0.9})
    html = plain(textbook.build_html(course, "km", learner=learner))
    assert "Sokha" in html and 'id="progress"' in html
    assert "90 %" in html
    assert "បានបញ្ចប់ 1 ក្នុងចំណោម 2 មេរៀន" in html


def test_bad_language_or_size_is_named(course):
    with pytest.raises(textbook.TextbookError, match="'fr'"):
        textbook.build_html(course, "fr")
    with pytest.raises(textbook.TextbookError, match="'A3'"):
        textbook.build_html(course, "en", "A3")


def test_content_is_escaped_and_markdown_sanitised(course):
    import dataclasses

    from lessons import LocalizedText

    lesson = course.lesson("work")
    item = dataclasses.replace(
        lesson.vocabulary[0], meaning=LocalizedText.of({"en": "<b>bold</b> & co"})
    )
    reading = LocalizedText.of({"en": "Hi <script>alert(1)</script> [x](javascript:alert(1))"})
    lesson = dataclasses.replace(lesson, vocabulary=(item,), reading=reading)
    unit = dataclasses.replace(course.units[0], lessons=(lesson,))
    html = textbook.build_html(dataclasses.replace(course, units=(unit,)), "en")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in html
    assert "<script" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html  # shown as text, never run
