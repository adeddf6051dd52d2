"""Checking a whole content pack before anything of it is used.

`check_course(path, known_media=None)` returns every problem of the pack, sorted by file
and line: unreadable files and YAML syntax, the shape of every file (missing, unknown and
wrong-typed fields), unique ids, references that resolve (prerequisites, exercises,
vocabulary, dialogue speakers, and media ids when `known_media` is given), every offered
language present, text in NFC, Burmese in Unicode rather than Zawgyi, and every exercise
spec through `exercises.check_spec`.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from typing import Any

from lessons import rules
from lessons.checkstate import PackCheck
from lessons.crossref import resolve
from lessons.model import LANGUAGES
from lessons.problems import Problem
from lessons.reader import RawLesson, RawPack, read_pack
from lessons.schema import FileCheck, dotted
from lessons.specs import check_exercises
from lessons.textcheck import text_problem
from lessons.yamlsrc import Path, Source


def check_course(
    path: str | os.PathLike[str], known_media: Collection[str] | None = None
) -> list[Problem]:
    """Every problem of the pack at `path`; empty when the pack can be loaded."""
    return check_pack(read_pack(path), known_media)


def check_pack(raw: RawPack, known_media: Collection[str] | None = None) -> list[Problem]:
    """Every problem of an already read pack (see `check_course`)."""
    pack = PackCheck(raw)
    if raw.course is not None:
        _check_course_file(pack, raw.course)
    for source_name, source in _all_sources(raw):
        _check_texts(pack, source_name, source)
    for folder, lesson in raw.folders.items():
        for lang, text in lesson.readings.items():
            # "\n" alone ends a line for an editor; splitlines() also splits at \x1c, \x85...
            for number, line in enumerate(text.split("\n"), 1):
                message = text_problem(line)
                if message:
                    pack.problems.append(
                        Problem(f"{folder}/reading.{lang}.md", number, "", message)
                    )
    resolve(pack, known_media)
    return _without_repeats(pack.problems)


def _order(problem: Problem) -> tuple[bool, str, int, str, str]:
    """course.yaml first (its problems often explain the others), then file by file."""
    return (
        problem.file != "course.yaml",
        problem.file,
        problem.line,
        problem.field,
        problem.message,
    )


def _without_repeats(problems: list[Problem]) -> list[Problem]:
    """Sorted, each problem once: exercises.check_spec also reports Zawgyi in its texts."""
    seen: set[tuple[str, int, str, bool]] = set()
    kept = []
    for problem in sorted(set(problems), key=_order):
        key = (problem.file, problem.line, problem.field, "Zawgyi" in problem.message)
        if key[3] and key in seen:
            continue
        seen.add(key)
        kept.append(problem)
    return kept


def _all_sources(raw: RawPack) -> Iterator[tuple[str, Source]]:
    if raw.course is not None:
        yield "course.yaml", raw.course
    for folder, lesson in raw.folders.items():
        for name, source in lesson.sources.items():
            yield f"{folder}/{name}", source


def _check_course_file(pack: PackCheck, source: Source) -> None:
    data = source.data
    languages = data.get("languages") if isinstance(data, dict) else None
    if isinstance(languages, list) and languages and all(x in LANGUAGES for x in languages):
        pack.languages = tuple(languages)
    fc = pack.file("course.yaml", source)
    rules.COURSE(fc, data, ())
    if not isinstance(data, dict) or not isinstance(data.get("units"), list):
        return
    listed: set[str] = set()
    for u, unit in enumerate(data["units"]):
        if not isinstance(unit, dict):
            continue
        pack.define("unit", unit.get("id"), fc, ("units", u, "id"))
        folders = unit.get("lessons")
        for i, folder in enumerate(folders if isinstance(folders, list) else []):
            path = ("units", u, "lessons", i)
            if not isinstance(folder, str) or "/" in folder or folder.startswith("."):
                continue  # already reported by the rules
            if folder in listed:
                fc.problem(path, f"lesson folder {folder!r} is listed twice")
                continue
            listed.add(folder)
            lesson = pack.raw.folders.get(folder)
            if lesson is None:
                fc.problem(path, f"no lesson folder {folder!r} in the pack")
            else:
                _check_lesson(pack, lesson)
    for folder in sorted(set(pack.raw.folders) - listed):
        pack.problems.append(
            Problem(folder, 0, "", "lesson folder not listed in any unit of course.yaml")
        )


def _check_lesson(pack: PackCheck, lesson: RawLesson) -> None:
    folder = lesson.folder
    sources = lesson.sources
    if "lesson.yaml" not in sources:
        if not any(p.file == f"{folder}/lesson.yaml" for p in pack.problems):
            pack.problems.append(Problem(f"{folder}/lesson.yaml", 0, "", "missing lesson.yaml"))
        return
    fc = pack.file(f"{folder}/lesson.yaml", sources["lesson.yaml"])
    data = fc.source.data
    rules.LESSON(fc, data, ())
    if not isinstance(data, dict):
        return
    pack.define("lesson", data.get("id"), fc, ("id",))
    steps = data.get("steps")
    for s, step in enumerate(steps if isinstance(steps, list) else []):
        if not isinstance(step, dict):
            continue
        pack.define("step", step.get("id"), fc, ("steps", s, "id"))
        if step.get("type") == "video":
            for c, exercise_id in enumerate(_list(step.get("checkpoints"))):
                if isinstance(exercise_id, str):
                    where = ("steps", s, "checkpoints", c)
                    pack.checkpoints.append((fc, where, exercise_id, step))
        content = step.get("content")
        if step.get("type") == "reading" and content == "dialogue":
            if "dialogue.yaml" not in sources:
                fc.problem(("steps", s, "content"), "the lesson has no dialogue.yaml")
        elif step.get("type") == "reading" and content == "text" and not lesson.readings:
            fc.problem(("steps", s, "content"), "the lesson has no reading.<lang>.md files")
        elif step.get("type") == "reading" and content == "notes" and not data.get("notes"):
            fc.problem(("steps", s, "content"), "the lesson has no notes")
    if "vocabulary.yaml" in sources:
        vc = pack.file(f"{folder}/vocabulary.yaml", sources["vocabulary.yaml"])
        rules.VOCABULARY(vc, vc.source.data, ())
        for i, item in enumerate(_list(vc.source.data)):
            if isinstance(item, dict):
                pack.define("vocabulary", item.get("id"), vc, (i, "id"))
    if "dialogue.yaml" in sources:
        _check_dialogue(pack, pack.file(f"{folder}/dialogue.yaml", sources["dialogue.yaml"]))
    if "exercises.yaml" in sources:
        check_exercises(pack, pack.file(f"{folder}/exercises.yaml", sources["exercises.yaml"]))
    if lesson.readings:
        for lang in pack.languages:
            if lang not in lesson.readings:
                pack.problems.append(
                    Problem(
                        f"{folder}/reading.{lang}.md",
                        0,
                        "",
                        "missing: the reading text is needed in every offered language",
                    )
                )
        for lang in sorted(set(lesson.readings) - set(pack.languages)):
            pack.problems.append(
                Problem(f"{folder}/reading.{lang}.md", 0, "", "not an offered language")
            )


def _list(data: Any) -> list[Any]:
    return data if isinstance(data, list) else []


def _check_dialogue(pack: PackCheck, fc: FileCheck) -> None:
    data = fc.source.data
    rules.DIALOGUE(fc, data, ())
    if not isinstance(data, dict):
        return
    speakers = {
        s["id"]
        for s in _list(data.get("speakers"))
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    }
    for i, line in enumerate(_list(data.get("lines"))):
        speaker = line.get("speaker") if isinstance(line, dict) else None
        if isinstance(speaker, str) and speaker not in speakers:
            fc.problem(
                ("lines", i, "speaker"),
                f"unknown speaker {speaker!r} (not in this file's speakers)",
            )


def _check_texts(pack: PackCheck, name: str, source: Source) -> None:
    def walk(value: Any, path: Path) -> None:
        if isinstance(value, str):
            lang = path[-1] if path and path[-1] in LANGUAGES else None
            message = text_problem(value, lang)
            if message:
                pack.problems.append(Problem(name, source.line(path), dotted(path), message))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    walk(source.data, ())
