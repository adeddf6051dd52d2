"""The bundled course "Thai for Work": it passes its own check, is complete in every language,
every exercise accepts its own answer, and a learner can walk from lesson 1 into lesson 2."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from lessons import (
    LANGUAGES,
    ExercisesStep,
    LessonState,
    ReviewStep,
    StepRecord,
    VideoStep,
    check_course,
    load_course,
    progress,
)

BUNDLED = Path(__file__).parents[2] / "lessons" / "courses" / "thai-for-work"
# Each lesson's video is named after its folder (`rianthai media samples` makes it when the
# library has none); sounds are made for every audio id the course names.
VIDEOS = {
    yaml.safe_load((folder / "lesson.yaml").read_text(encoding="utf-8"))["id"]: f"tfw-{folder.name}"
    for folder in sorted(BUNDLED.glob("[0-9][0-9]-*"))
}
SOUNDS = set(
    re.findall(
        r"^\s*audio: *([\w-]+)",
        "".join(path.read_text(encoding="utf-8") for path in BUNDLED.glob("*/*.yaml")),
        re.MULTILINE,
    )
)
# Pictures come with the pack itself (media/): each one named must be there.
PICTURES = {path.stem for path in (BUNDLED / "media").glob("*")}
KNOWN_MEDIA = set(VIDEOS.values()) | SOUNDS | PICTURES


@pytest.fixture(scope="module")
def course():
    return load_course(BUNDLED, known_media=KNOWN_MEDIA)


def test_the_bundled_course_passes_its_own_check():
    assert check_course(BUNDLED, known_media=KNOWN_MEDIA) == []


def test_it_is_offered_in_every_learner_language(course):
    assert set(course.languages) == set(LANGUAGES)


@pytest.mark.parametrize("lesson_id", list(VIDEOS))
def test_each_lesson_is_complete(course, lesson_id):
    lesson = course.lesson(lesson_id)
    assert lesson.objectives and lesson.notes and lesson.dialogue
    assert len(lesson.vocabulary) >= 15
    assert len(lesson.exercises) >= 12
    types = {exercise.type for exercise in lesson.exercises}
    assert {"single_choice", "typed_answer", "tone", "video_checkpoint"} <= types
    assert len(types) >= 7
    video = lesson.steps[0]
    assert isinstance(video, VideoStep) and video.media == VIDEOS[lesson_id]
    assert video.checkpoints
    assert isinstance(lesson.steps[-1], ReviewStep)
    assert any(isinstance(step, ExercisesStep) for step in lesson.steps)


def _responses(spec: dict) -> list[object]:
    """Every response the spec itself lists as right (docs/exercise-types.md)."""
    kind = spec["type"]
    if kind == "video_checkpoint":
        return [spec["question"]["answer"]]
    if kind == "gap_fill":
        return [{gap["id"]: gap["answer"] for gap in spec["gaps"]}]
    if kind == "word_order":
        return [spec["answer"], *spec.get("accept", [])]
    if kind in ("typed_answer", "listening") and "options" not in spec:
        return [spec["answer"], *spec.get("accept", [])]
    return [spec["answer"]]


def _specs():
    for path in sorted(BUNDLED.glob("*/exercises.yaml")):
        for spec in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(spec, id=spec["id"])


@pytest.mark.parametrize("spec", list(_specs()))
def test_every_exercise_accepts_its_own_answer(course, spec):
    exercise = course.exercise(spec["id"])
    for response in _responses(spec):
        result = exercise.grade(response)
        assert result.correct, (response, result)


# The guide: Latin letters, tone marks à â á ǎ on vowels, syllables joined by "-" or " ".
PRON_RE = re.compile(
    r"^[a-zàâáǎèêéěìîíǐòôóǒùûúǔ]+(?:[- ]|, )?(?:[a-zàâáǎèêéěìîíǐòôóǒùûúǔ]+(?:[- ]|, )?)*$"
)
TONE_MARKS = {"\u0300", "\u0302", "\u0301", "\u030c"}  # low, falling, high, rising


def _prons(course):
    for lesson in course.lessons:
        for item in lesson.vocabulary:
            yield item.pron
        for line in lesson.dialogue.lines:
            yield line.pron
        for speaker in lesson.dialogue.speakers:
            yield speaker.pron


def test_the_pronunciation_guide_follows_one_system(course):
    for pron in _prons(course):
        assert PRON_RE.match(pron), pron
        for syllable in re.split(r"[- ,]+", pron):
            marks = [c for c in unicodedata.normalize("NFD", syllable) if c in TONE_MARKS]
            assert len(marks) <= 1, f"{syllable!r} in {pron!r} has {len(marks)} tone marks"


def test_a_learner_finishing_lesson_1_lands_on_lesson_2(course):
    greetings = course.lesson("greetings")
    records = [StepRecord("greetings", step.id) for step in greetings.steps]
    state = progress(course, records)
    assert state.state("greetings") is LessonState.DONE
    assert state.state("introductions") is LessonState.AVAILABLE
    assert state.continue_at == ("introductions", "introductions-video")
    fresh = progress(course)
    assert fresh.state("introductions") is LessonState.LOCKED
    assert fresh.continue_at == ("greetings", "greetings-video")


def test_every_word_and_dialogue_line_has_a_sound(course):
    for lesson in course.lessons:
        assert all(item.audio for item in lesson.vocabulary), lesson.id
        assert all(line.audio for line in lesson.dialogue.lines), lesson.id


def _distractors(spec: dict) -> list[object]:
    """Responses the spec offers that must not be graded right."""
    kind = spec["type"]
    if kind == "video_checkpoint":
        question = spec["question"]
        return [o["id"] for o in question["options"] if o["id"] != question["answer"]]
    if kind == "tone":
        tones = ("mid", "low", "falling", "high", "rising")
        return [tone for tone in tones if tone != spec["answer"]]
    if kind == "multiple_select":
        return [[o["id"]] for o in spec["options"] if o["id"] not in spec["answer"]]
    if kind in ("single_choice", "picture_choice") or (kind == "listening" and "options" in spec):
        return [o["id"] for o in spec["options"] if o["id"] != spec["answer"]]
    return []


@pytest.mark.parametrize("spec", list(_specs()))
def test_every_distractor_is_graded_wrong(course, spec):
    exercise = course.exercise(spec["id"])
    for response in _distractors(spec):
        assert not exercise.grade(response).correct, response
