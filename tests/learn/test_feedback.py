"""Feedback codes in words: every code has its sentence, Thai marked, nothing unescaped."""

from __future__ import annotations

import pytest

from exercises import Code, Feedback, from_spec
from learn.learner.feedback import SENTENCES, sentences


def test_every_feedback_code_has_a_sentence():
    assert set(SENTENCES) == set(Code)


@pytest.mark.parametrize("code", list(Code))
def test_each_sentence_renders_with_its_data(app, code):
    data = {
        "right": 2,
        "total": 3,
        "count": 2,
        "position": 3,
        "expected": "่",
        "typed": "้",
        "chosen": "high",
        "option": "b",
        "left": "a",
        "gap": "g1",
    }
    with app.test_request_context(headers={"Accept-Language": "my"}):
        out = sentences([Feedback(code, data)])
    assert all(isinstance(s, str) and s.strip() for s in out)


def test_thai_in_feedback_is_marked_and_escaped(app):
    with app.test_request_context(headers={"Accept-Language": "km"}):
        out = sentences([Feedback(Code.THAI_WRONG_VOWEL, {"expected": "<b>า</b>", "typed": "ะ"})])
    html = str(out[0])
    assert '<span lang="th" class="thai">“&lt;b&gt;า&lt;/b&gt;”</span>' in html
    assert "<b>" not in html


def test_missing_tone_mark_is_named_in_the_learners_language(app):
    exercise = from_spec(
        {
            "id": "t",
            "type": "typed_answer",
            "prompt": {"en": "Type 'rice'", "lo": "ພິມ"},
            "answer": "ข้าว",
            "pron": "khâaw",
        }
    )
    result = exercise.grade("ขาว")
    assert not result.correct and result.outcome == "almost"
    with app.test_request_context(headers={"Accept-Language": "en"}):
        (sentence,) = sentences(result.feedback)
    assert "needs its tone mark" in sentence
