"""Loading a checked content pack into the model, cached per content hash.

`load_course(path)` reads the pack, checks all of it and raises `CourseError` with every
problem if anything is wrong; otherwise it builds the immutable `Course`. Loading the
same folder again with the same files returns the same object from the cache.
`build_course` turns an accepted `RawPack` into the model.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Collection
from pathlib import Path
from typing import Any

from lessons.checker import check_pack
from lessons.model import (
    Course,
    Dialogue,
    DialogueLine,
    ExercisesStep,
    Lesson,
    LocalizedText,
    MasteryRule,
    ReadingStep,
    ReviewStep,
    Speaker,
    Step,
    Unit,
    VideoStep,
    VocabularyItem,
)
from lessons.problems import CourseError
from lessons.reader import RawLesson, RawPack, read_pack

_CACHE_SIZE = 16
_cache: OrderedDict[tuple[str, str, frozenset[str] | None], Course] = OrderedDict()
_cache_lock = threading.Lock()


def load_course(path: str | os.PathLike[str], known_media: Collection[str] | None = None) -> Course:
    """The course in the pack folder `path`; `CourseError` lists every problem.

    Courses are cached per (folder, content hash, known media): the files are read each
    time to hash them, but an unchanged pack is not checked or built again.
    """
    root = Path(path).resolve()
    raw = read_pack(root)
    media = frozenset(known_media) if known_media is not None else None
    key = (str(root), raw.content_hash, media)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    problems = check_pack(raw, media)
    if problems:
        raise CourseError(problems)
    course = build_course(raw)
    with _cache_lock:
        _cache[key] = course
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return course


def _text(value: Any) -> LocalizedText | None:
    return LocalizedText.of(value) if isinstance(value, dict) else None


def _mastery(value: Any) -> MasteryRule:
    if value is None or value == "all_correct":
        return MasteryRule.all_correct()
    if "streak" in value:
        return MasteryRule.streak(value["streak"])
    m, n = value["m_of_n"]
    return MasteryRule.m_of_n(m, n)


def _step(data: dict[str, Any]) -> Step:
    kind = data["type"]
    title = _text(data.get("title"))
    if kind == "video":
        return VideoStep(
            id=data["id"],
            media=data["media"],
            start=data.get("start"),
            end=data.get("end"),
            checkpoints=tuple(data.get("checkpoints", ())),
            title=title,
        )
    if kind == "exercises":
        return ExercisesStep(
            id=data["id"],
            exercises=tuple(data["exercises"]),
            mastery=_mastery(data["mastery"]),
            title=title,
        )
    if kind == "reading":
        return ReadingStep(id=data["id"], content=data["content"], title=title)
    return ReviewStep(
        id=data["id"],
        vocabulary=tuple(data.get("vocabulary", ())),
        exercises=tuple(data.get("exercises", ())),
        mastery=_mastery(data.get("mastery")),
        title=title,
    )


def _dialogue(data: dict[str, Any]) -> Dialogue:
    speakers = {s["id"]: Speaker(s["id"], s["thai"], s["pron"]) for s in data["speakers"]}
    lines = tuple(
        DialogueLine(
            speaker=speakers[line["speaker"]],
            thai=line["thai"],
            pron=line["pron"],
            translation=LocalizedText.of(line["translation"]),
            audio=line.get("audio"),
        )
        for line in data["lines"]
    )
    return Dialogue(
        title=LocalizedText.of(data["title"]),
        speakers=tuple(speakers.values()),
        lines=lines,
        setting=_text(data.get("setting")),
    )


def _lesson(raw: RawLesson, unit_id: str) -> Lesson:
    from exercises import from_spec

    data = raw.sources["lesson.yaml"].data
    lesson_id = data["id"]
    vocabulary = tuple(
        VocabularyItem(
            id=item["id"],
            lesson_id=lesson_id,
            thai=item["thai"],
            pron=item["pron"],
            meaning=LocalizedText.of(item["meaning"]),
            audio=item.get("audio"),
            image=item.get("image"),
            transcription=_text(item.get("transcription")),
            note=_text(item.get("note")),
        )
        for item in (
            raw.sources["vocabulary.yaml"].data if "vocabulary.yaml" in raw.sources else ()
        )
    )
    exercises = tuple(
        from_spec(spec)
        for spec in (raw.sources["exercises.yaml"].data if "exercises.yaml" in raw.sources else ())
    )
    dialogue = (
        _dialogue(raw.sources["dialogue.yaml"].data) if "dialogue.yaml" in raw.sources else None
    )
    return Lesson(
        id=lesson_id,
        unit_id=unit_id,
        folder=raw.folder,
        title=LocalizedText.of(data["title"]),
        objectives=tuple(LocalizedText.of(o) for o in data["objectives"]),
        prerequisites=tuple(data.get("prerequisites", ())),
        notes=tuple(LocalizedText.of(n) for n in data.get("notes", ())),
        steps=tuple(_step(s) for s in data["steps"]),
        vocabulary=vocabulary,
        exercises=exercises,
        dialogue=dialogue,
        reading=LocalizedText.of(raw.readings) if raw.readings else None,
    )


def build_course(raw: RawPack) -> Course:
    """The model of a pack that `check_pack` accepted (it trusts the data's shape)."""
    assert raw.course is not None
    data = raw.course.data
    units = tuple(
        Unit(
            id=unit["id"],
            title=LocalizedText.of(unit["title"]),
            lessons=tuple(_lesson(raw.folders[f], unit["id"]) for f in unit["lessons"]),
        )
        for unit in data["units"]
    )
    return Course(
        id=data["id"],
        version=data["version"],
        title=LocalizedText.of(data["title"]),
        languages=tuple(data["languages"]),
        units=units,
        content_hash=raw.content_hash,
        description=_text(data.get("description")),
        source=str(raw.root),
    )
