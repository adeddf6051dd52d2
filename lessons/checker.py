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
from lessons.model import LANGUAGES, TARGET_LANGUAGE
from lessons.problems import Problem
from lessons.reader import RawLesson, RawPack, read_pack
from lessons.schema import FileCheck, Reference, dotted
from lessons.textcheck import text_problem
from lessons.yamlsrc import Path, Source

ID_KINDS = ("unit", "lesson", "step", "vocabulary", "exercise")


class _Pack:
    """The state of one check: problems, ids defined so far, references to resolve."""

    def __init__(self, raw: RawPack) -> None:
        self.raw = raw
        self.problems: list[Problem] = list(raw.problems)
        self.references: list[Reference] = []
        self.defined: dict[str, dict[str, tuple[str, int]]] = {k: {} for k in ID_KINDS}
        self.languages: tuple[str, ...] = LANGUAGES
        self.specs: dict[str, dict[str, Any]] = {}
        self.checkpoints: list[tuple[FileCheck, Path, str, dict[str, Any]]] = []

    def file(self, name: str, source: Source) -> FileCheck:
        fc = FileCheck(name, source, self.languages, self.problems)
        fc.references = self.references
        return fc

    def define(self, kind: str, value: Any, fc: FileCheck, path: Path) -> None:
        if not isinstance(value, str):
            return
        line = fc.source.line(path)
        first = self.defined[kind].get(value)
        if first is not None:
            fc.problem(path, f"duplicate {kind} id {value!r} (first in {first[0]}:{first[1]})")
        else:
            self.defined[kind][value] = (fc.file, line)


def check_course(
    path: str | os.PathLike[str], known_media: Collection[str] | None = None
) -> list[Problem]:
    """Every problem of the pack at `path`; empty when the pack can be loaded."""
    return check_pack(read_pack(path), known_media)


def check_pack(raw: RawPack, known_media: Collection[str] | None = None) -> list[Problem]:
    """Every problem of an already read pack (see `check_course`)."""
    pack = _Pack(raw)
    if raw.course is not None:
        _check_course_file(pack, raw.course)
    for source_name, source in _all_sources(raw):
        _check_texts(pack, source_name, source)
    for folder, lesson in raw.folders.items():
        for lang, text in lesson.readings.items():
            for number, line in enumerate(text.splitlines(), 1):
                message = text_problem(line)
                if message:
                    pack.problems.append(
                        Problem(f"{folder}/reading.{lang}.md", number, "", message)
                    )
    _resolve(pack, known_media)
    return _without_repeats(pack.problems)


def _without_repeats(problems: list[Problem]) -> list[Problem]:
    """Sorted, each problem once: exercises.check_spec also reports Zawgyi in its texts."""
    seen: set[tuple[str, int, str, bool]] = set()
    kept = []
    for problem in sorted(set(problems)):
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


def _check_course_file(pack: _Pack, source: Source) -> None:
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


def _check_lesson(pack: _Pack, lesson: RawLesson) -> None:
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
        _check_exercises(pack, pack.file(f"{folder}/exercises.yaml", sources["exercises.yaml"]))
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


def _check_dialogue(pack: _Pack, fc: FileCheck) -> None:
    data = fc.source.data
    rules.DIALOGUE(fc, data, ())
    if not isinstance(data, dict):
        return
    speakers = {s.get("id") for s in _list(data.get("speakers")) if isinstance(s, dict)}
    for i, line in enumerate(_list(data.get("lines"))):
        if isinstance(line, dict) and isinstance(line.get("speaker"), str):
            if line["speaker"] not in speakers:
                fc.problem(
                    ("lines", i, "speaker"),
                    f"unknown speaker {line['speaker']!r} (not in this file's speakers)",
                )


def _check_exercises(pack: _Pack, fc: FileCheck) -> None:
    from exercises import check_spec  # lessons -> exercises, the one allowed direction

    data = fc.source.data
    if not isinstance(data, list):
        fc.problem((), "expected a list of exercises")
        return
    for i, spec in enumerate(data):
        if not isinstance(spec, dict):
            fc.problem((i,), "expected an exercise (a mapping with id and type)")
            continue
        pack.define("exercise", spec.get("id"), fc, (i, "id"))
        if isinstance(spec.get("id"), str):
            pack.specs.setdefault(spec["id"], spec)
        try:
            errors = check_spec(spec)
        except Exception as error:  # a checker crash must still name the exercise
            fc.problem((i,), f"exercise spec could not be checked: {error!r}")
            continue
        for error in errors:
            fc.problem((i, *_split(error.field)), error.message)
        _check_spec_texts(fc, spec, (i,))


#: Keys of exercise specs whose texts are instructions, needed in every offered language
#: (Thai included); other localized texts in specs translate Thai, like meanings.
INSTRUCTION_KEYS = frozenset({"prompt", "hint", "feedback", "explanation", "title"})
MEDIA_KEYS = frozenset({"audio", "image", "video", "media"})


def _check_spec_texts(fc: FileCheck, value: Any, path: Path) -> None:
    """Offered languages present in a spec's localized texts; its media ids recorded.

    `exercises.check_spec` checks the texts themselves but cannot know which languages
    this course offers.
    """
    if isinstance(value, list):
        for index, item in enumerate(value):
            _check_spec_texts(fc, item, (*path, index))
        return
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        where = (*path, key)
        if key in MEDIA_KEYS and isinstance(item, str) and item:
            fc.refer("media", item, where)
        elif isinstance(item, dict) and item and all(k in LANGUAGES for k in item):
            needed = fc.languages if key in INSTRUCTION_KEYS else tuple(
                lang for lang in fc.languages if lang != TARGET_LANGUAGE
            )
            for lang in needed:
                if lang not in item:
                    fc.problem((*where, lang), "missing translation for an offered language")
        else:
            _check_spec_texts(fc, item, where)


def _split(field: str | None) -> tuple[str | int, ...]:
    if not field:
        return ()
    return tuple(int(part) if part.isdigit() else part for part in field.split("."))


def _check_texts(pack: _Pack, name: str, source: Source) -> None:
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


#: The file that defines each kind of id: when one of them could not be parsed, its
#: ids are unknown, and "no such id" for them would only bury the real problem.
DEFINED_IN = {"lesson": "lesson.yaml", "exercise": "exercises.yaml",
              "vocabulary": "vocabulary.yaml"}


def _resolve(pack: _Pack, known_media: Collection[str] | None) -> None:
    media = set(known_media) if known_media is not None else None
    unreadable = {
        kind
        for kind, name in DEFINED_IN.items()
        if any(p.file.endswith("/" + name) for p in pack.raw.problems)
    }
    for ref in pack.references:
        if ref.kind in unreadable:
            continue
        if ref.kind == "media":
            if media is not None and ref.target not in media:
                message = f"media id {ref.target!r} is not in the media library"
                pack.problems.append(Problem(ref.file, ref.line, ref.field, message))
        elif ref.target not in pack.defined[ref.kind]:
            message = f"no {ref.kind} with id {ref.target!r} in the course"
            pack.problems.append(Problem(ref.file, ref.line, ref.field, message))
    _check_prerequisites(pack)
    _check_checkpoints(pack)


def _check_checkpoints(pack: _Pack) -> None:
    """A video step's checkpoints are video_checkpoint exercises on its video and clip."""
    for fc, where, exercise_id, step in pack.checkpoints:
        spec = pack.specs.get(exercise_id)
        if spec is None:
            continue  # reported as a dangling reference
        if spec.get("type") != "video_checkpoint":
            fc.problem(where, f"exercise {exercise_id!r} is not a video_checkpoint")
            continue
        if spec.get("media") != step.get("media"):
            fc.problem(
                where,
                f"checkpoint {exercise_id!r} is on video {spec.get('media')!r}, "
                f"not on this step's {step.get('media')!r}",
            )
        at, start, end = spec.get("at"), step.get("start"), step.get("end")
        if not all(isinstance(x, int | float) or x is None for x in (at, start, end)):
            continue  # wrong types are reported where they are
        if at is not None and (
            (start is not None and at < start) or (end is not None and at > end)
        ):
            fc.problem(
                where,
                f"checkpoint {exercise_id!r} at {at} s is outside the clip "
                f"{start or 0}-{end if end is not None else 'end'} s",
            )


def _check_prerequisites(pack: _Pack) -> None:
    """A lesson may not need itself, directly or through others."""
    needs: dict[str, list[Reference]] = {}
    for ref in pack.references:
        if ref.kind == "lesson":
            owner = _lesson_of_file(pack, ref.file)
            if owner is not None:
                needs.setdefault(owner, []).append(ref)
    reported: set[str] = set()
    for start in needs:
        stack = [(start, ref) for ref in needs[start]]
        seen: set[str] = set()
        while stack:
            origin, ref = stack.pop()
            if ref.target == start and start not in reported:
                reported.add(start)
                first = needs[start][0]
                pack.problems.append(
                    Problem(
                        first.file,
                        first.line,
                        "prerequisites",
                        f"lesson {start!r} needs itself through its prerequisites",
                    )
                )
                break
            if ref.target in seen:
                continue
            seen.add(ref.target)
            stack.extend((ref.target, r) for r in needs.get(ref.target, ()))


def _lesson_of_file(pack: _Pack, file: str) -> str | None:
    for lesson_id, (where, _) in pack.defined["lesson"].items():
        if where == file:
            return lesson_id
    return None
