"""Loading packs into the model: lookups, the content hash, the cache, version comparison."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from lessons import (
    Course,
    ExercisesStep,
    MasteryRule,
    ReadingStep,
    ReviewStep,
    VideoStep,
    compare_courses,
    load_course,
)
from lessons.reader import read_pack

MINIMAL = Path(__file__).parent / "packs" / "minimal"


def test_the_minimal_pack_loads_into_the_model():
    course = load_course(MINIMAL)
    assert (course.id, course.version, course.languages) == ("mini", "1.0", ("th", "en"))
    assert [lesson.id for lesson in course.lessons] == ["hello", "thanks"]
    hello = course.lesson("hello")
    assert hello.title["th"] == "สวัสดี" and hello.title.best("km") == "Hello"
    assert [type(step) for step in hello.steps] == [
        VideoStep,
        ReadingStep,
        ExercisesStep,
        ReviewStep,
    ]
    video = hello.step("hello-video")
    assert (video.media, video.start, video.end, video.checkpoints) == (
        "mini-hello",
        0,
        30,
        ("hello-check",),
    )
    assert hello.step("hello-practice").mastery == MasteryRule.m_of_n(2, 3)
    assert course.lesson("thanks").step("thanks-practice").mastery == MasteryRule.all_correct()
    assert course.lesson("thanks").prerequisites == ("hello",)
    assert course.vocabulary_item("sawatdii").pron == "sà-wàt-dii"
    assert course.vocabulary_item("sawatdii").audio == "mini-sawatdii"
    assert course.exercise("hello-polite").answer == "kha"
    assert course.lesson_of("thanks-meaning").id == "thanks"
    assert course.unit_of("thanks").id == "first-words"
    assert [line.speaker.thai for line in hello.dialogue.lines] == ["สมชาย", "มาลี"]
    assert course.lesson("thanks").reading["en"].startswith("# Thank you")


def test_lookups_name_what_is_missing():
    course = load_course(MINIMAL)
    with pytest.raises(KeyError, match="no lesson 'nope'"):
        course.lesson("nope")
    assert not course.has("exercise", "nope") and course.has("vocabulary", "khrap")


def test_the_model_is_immutable():
    course = load_course(MINIMAL)
    with pytest.raises(dataclasses.FrozenInstanceError):
        course.id = "other"  # type: ignore[misc]


def test_loading_twice_uses_the_cache_until_a_file_changes(pack):
    first = load_course(pack.root)
    assert load_course(pack.root) is first
    pack.edit("02-thanks/vocabulary.yaml", "thank you", "thanks")
    second = load_course(pack.root)
    assert second is not first and second.content_hash != first.content_hash


def test_the_content_hash_depends_on_content_not_on_place_or_time(pack):
    original = read_pack(MINIMAL).content_hash
    assert read_pack(pack.root).content_hash == original
    (pack.root / "course.yaml").touch()
    assert read_pack(pack.root).content_hash == original
    assert len(original) == 64


def test_compare_courses_lists_what_a_new_version_removed(pack):
    old = load_course(pack.root)
    pack.edit(
        "01-hello/lesson.yaml",
        "  - id: hello-review\n    type: review\n    vocabulary: [sawatdii, khrap]\n",
        "",
    )
    pack.edit("01-hello/vocabulary.yaml", "- id: khrap", "- id: khrap-polite")
    pack.edit("course.yaml", 'version: "1.0"', 'version: "1.1"')
    new = load_course(pack.root)
    changes = compare_courses(old, new)
    assert changes.removed == {
        "lesson": (),
        "step": ("hello-review",),
        "exercise": (),
        "vocabulary": ("khrap",),
    }
    assert changes.added["vocabulary"] == ("khrap-polite",)
    assert changes.removes_anything
    assert not compare_courses(new, new).removes_anything


def test_importing_lessons_does_not_import_flask():
    code = "import sys, lessons, lessons.engine, lessons.pack; print('flask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_course_is_a_plain_dataclass():
    assert dataclasses.is_dataclass(Course)
