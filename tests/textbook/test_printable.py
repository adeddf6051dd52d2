"""Printable forms of every exercise type, and their answer keys, in the learner's language."""

import pytest

import exercises
from textbook.printable import printable
from textbook.text import Span

EN_KM = {"en": "Pick one", "km": "ជ្រើសរើសមួយ"}


def make(spec):
    return exercises.from_spec({"prompt": EN_KM, **spec})


def test_single_choice_has_lettered_circles_and_its_letter_in_the_key():
    ex = make(
        {
            "id": "s",
            "type": "single_choice",
            "thai": "น้ำ",
            "pron": "náam",
            "options": [
                {"id": "a", "text": {"en": "water", "km": "ទឹក"}},
                {"id": "b", "text": {"en": "rice", "km": "បាយ"}},
            ],
            "answer": "a",
        }
    )
    form = printable(ex, 1, "km")
    assert form.prompt == Span("ជ្រើសរើសមួយ", "km")
    assert [(o.label, o.text) for o in form.options] == [
        ("a", Span("ទឹក", "km")),
        ("b", Span("បាយ", "km")),
    ]
    assert not form.many and form.lines == 0 and form.note is None
    assert [(p.label, p.text) for p in form.answer] == [("a)", Span("ទឹក", "km"))]


def test_multiple_select_has_boxes():
    ex = make(
        {
            "id": "m",
            "type": "multiple_select",
            "options": [
                {"id": "a", "text": "ข้าว"},
                {"id": "b", "text": "รถ"},
                {"id": "c", "text": "ปลา"},
            ],
            "answer": ["a", "c"],
        }
    )
    form = printable(ex, 2, "km")
    assert form.many
    assert [p.label for p in form.answer] == ["a)", "c)"]
    assert form.answer[0].text == Span("ข้าว", "th")


def test_typed_answer_gets_lines_to_write_on():
    ex = make({"id": "t", "type": "typed_answer", "answer": "ขอบคุณ", "pron": "khàawp-khun"})
    form = printable(ex, 3, "km")
    assert form.lines == 2 and not form.options
    assert form.answer[0].text == Span("ขอบคุณ", "th")


def test_matching_numbers_left_letters_right_and_keys_pairs():
    ex = make(
        {
            "id": "match",
            "type": "matching",
            "left": [{"id": "x", "text": "สวัสดี"}, {"id": "y", "text": "ขอบคุณ"}],
            "right": [
                {"id": "m1", "text": {"en": "hello", "km": "សួស្ដី"}},
                {"id": "m2", "text": {"en": "thank you", "km": "អរគុណ"}},
            ],
            "answer": {"x": "m1", "y": "m2"},
        }
    )
    form = printable(ex, 4, "km")
    assert [o.label for o in form.left] == ["1", "2"]
    letter = {o.text.text: o.label for o in form.right}
    assert [p.label for p in form.answer] == [f"1 – {letter['សួស្ដី']}", f"2 – {letter['អរគុណ']}"]
    assert form.answer[0].match == Span("សួស្ដី", "km")


def test_word_order_shuffles_tiles_and_keys_the_sentence():
    ex = make(
        {
            "id": "w",
            "type": "word_order",
            "tiles": [
                {"id": "t1", "text": "ฉัน", "pron": "chǎn"},
                {"id": "t2", "text": "ทำงาน", "pron": "tham-ngaan"},
            ],
            "answer": ["t1", "t2"],
        }
    )
    form = printable(ex, 5, "lo")
    assert [tile.text for tile in form.tiles] == ["ทำงาน", "ฉัน"]  # never the answer order
    assert form.lines == 2
    assert [(p.text, p.pron) for p in form.answer] == [(Span("ฉันทำงาน", "th"), "chǎn tham-ngaan")]


def test_tone_lists_the_five_tones_and_keys_the_tone_by_name():
    ex = make({"id": "tone", "type": "tone", "thai": "ม้า", "pron": "máa", "answer": "high"})
    form = printable(ex, 6, "my")
    assert len(form.tones) == 5 and form.thai == "ม้า"
    assert form.answer[0].text == Span("မြင့်သံ", "my")


def test_gap_fill_numbers_its_gaps():
    ex = make(
        {
            "id": "g",
            "type": "gap_fill",
            "lines": [
                {"speaker": "A", "text": "{me}ชื่อมาลีค่ะ"},
                {"speaker": "B", "text": "ยินดีที่ได้รู้จัก{polite}"},
            ],
            "gaps": [
                {"id": "me", "answer": "ฉัน"},
                {
                    "id": "polite",
                    "options": [{"id": "a", "text": "ครับ"}, {"id": "b", "text": "ค่ะ"}],
                    "answer": "a",
                },
            ],
        }
    )
    form = printable(ex, 7, "en")
    assert form.gap_lines[0].pieces == (("gap", "1"), ("text", "ชื่อมาลีค่ะ"))
    assert form.gap_lines[1].pieces == (("text", "ยินดีที่ได้รู้จัก"), ("gap", "2"))
    assert [n for n, _ in form.gap_options] == ["2"]
    assert [p.label for p in form.answer] == ["(1)", "(2)"]


@pytest.mark.parametrize(
    ("spec", "note"),
    [
        (
            {
                "id": "v",
                "type": "video_checkpoint",
                "media": "m",
                "at": 3,
                "question": {
                    "prompt": EN_KM,
                    "options": [{"id": "a", "text": "ก"}, {"id": "b", "text": "ข"}],
                    "answer": "a",
                },
            },
            "Watch the video in the app, then answer.",
        ),
        (
            {
                "id": "l",
                "type": "listening",
                "audio": "clip",
                "options": [{"id": "a", "text": "ข้าว"}, {"id": "b", "text": "ขาว"}],
                "answer": "a",
            },
            "Listen to the audio in the app, then answer.",
        ),
        (
            {
                "id": "p",
                "type": "picture_choice",
                "thai": "แมว",
                "options": [{"id": "a", "image": "img-cat"}, {"id": "b", "image": "img-dog"}],
                "answer": "a",
            },
            "See the picture in the app.",
        ),
    ],
)
def test_exercises_that_need_the_app_say_so(spec, note):
    form = printable(make(spec), 8, "en")
    assert form.note == Span(note, "en")
    assert form.prompt == Span("Pick one", "en")
    assert form.answer and form.answer[0].label == "a)"


def test_a_checkpoint_of_a_video_step_says_so_too():
    ex = make(
        {
            "id": "s",
            "type": "single_choice",
            "options": [{"id": "a", "text": "ก"}, {"id": "b", "text": "ข"}],
            "answer": "a",
        }
    )
    assert printable(ex, 1, "km", in_video=True).note.lang == "km"
