"""Resolving what one part of a pack says about another, once every file is read:
dangling ids, prerequisites out of order, and video checkpoints that do not fit their video."""

from __future__ import annotations

from collections.abc import Collection

from lessons.checkstate import PackCheck
from lessons.problems import Problem

#: The file that defines each kind of id: when one of them could not be parsed, its
#: ids are unknown, and "no such id" for them would only bury the real problem.
DEFINED_IN = {
    "lesson": "lesson.yaml",
    "exercise": "exercises.yaml",
    "vocabulary": "vocabulary.yaml",
}


def resolve(pack: PackCheck, known_media: Collection[str] | None) -> None:
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


def _check_checkpoints(pack: PackCheck) -> None:
    """A video step's checkpoints are video_checkpoint exercises on its video and clip."""
    for fc, where, exercise_id, step in pack.checkpoints:
        spec = pack.specs.get(exercise_id)
        if spec is None:
            continue  # reported as a dangling reference
        if spec.get("type") != "video_checkpoint":
            fc.problem(where, f"exercise {exercise_id!r} is not a video_checkpoint")
            continue
        media = step.get("media")
        if isinstance(media, str) and spec.get("media") != media:
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


def _check_prerequisites(pack: PackCheck) -> None:
    """A prerequisite comes before its lesson in the course order: the course map reads top
    to bottom, the first lesson is open to a new learner, and no lesson can need itself."""
    order = {lesson_id: i for i, lesson_id in enumerate(pack.defined["lesson"])}
    for ref in pack.references:
        if ref.kind != "lesson" or ref.target not in order:
            continue
        owner = _lesson_of_file(pack, ref.file)
        if owner is None:
            continue
        if ref.target == owner:
            message = "a lesson cannot be its own prerequisite"
        elif order[ref.target] > order[owner]:
            message = (
                f"lesson {ref.target!r} comes after this one in course.yaml; "
                "a prerequisite must come before"
            )
        else:
            continue
        pack.problems.append(Problem(ref.file, ref.line, ref.field, message))


def _lesson_of_file(pack: PackCheck, file: str) -> str | None:
    for lesson_id, (where, _) in pack.defined["lesson"].items():
        if where == file:
            return lesson_id
    return None
