"""The package as a whole: plain Python, one list of feedback codes, a registry of types."""

import subprocess
import sys
from pathlib import Path

import pytest

import exercises
from exercises import Code, Feedback, Result


def test_importing_exercises_loads_no_flask_and_no_web_layer():
    code = (
        "import sys, exercises, exercises.review;"
        "bad = [m for m in ('flask', 'learn', 'sqlalchemy') if m in sys.modules];"
        "print(','.join(bad))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.strip() == ""


def test_every_type_is_registered_under_its_type_string():
    assert set(exercises.TYPES) == {
        "single_choice",
        "multiple_select",
        "typed_answer",
        "matching",
        "word_order",
        "listening",
        "tone",
        "gap_fill",
        "picture_choice",
        "video_checkpoint",
    }
    assert all(name == cls.TYPE for name, cls in exercises.TYPES.items())


def test_a_type_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="already registered"):

        @exercises.register
        class Again(exercises.TYPES["tone"]):  # noqa: F841
            TYPE = "tone"


def test_feedback_codes_are_one_closed_list():
    assert {c.value for c in Code} == exercises.CODES
    assert all(c.value == c.value.lower() and " " not in c.value for c in Code)
    with pytest.raises(ValueError):
        Feedback("not a code")


def test_result_keeps_score_in_range_and_reports_its_outcome():
    with pytest.raises(ValueError):
        Result(False, 1.5)
    assert Result(True, 1.0).outcome == "correct"
    assert Result(False, 0.5).outcome == "almost"
    assert Result(False, 0.25).outcome == "wrong"
    feedback = Feedback(Code.WRONG_OPTION, {"option": "b"})
    assert Result(False, 0.0, (feedback,)).to_dict() == {
        "correct": False,
        "score": 0.0,
        "feedback": [{"code": "wrong_option", "data": {"option": "b"}}],
    }
    assert hash(feedback) == hash(Feedback("wrong_option", {"option": "b"}))
