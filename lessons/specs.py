"""Checking a lesson's exercises.yaml: each spec through `exercises.check_spec`, then the
course's own rules (offered languages in its texts, media ids, unique ids)."""

from __future__ import annotations

from typing import Any

from lessons.checkstate import PackCheck
from lessons.model import LANGUAGES, TARGET_LANGUAGE
from lessons.schema import FileCheck
from lessons.yamlsrc import Path


def check_exercises(pack: PackCheck, fc: FileCheck) -> None:
    """Record the file's exercise ids and report every problem of every spec in it."""
    # imported when a pack is checked, not when `lessons` is: the model and the engine
    # are usable without the exercise types loaded
    from exercises import check_spec

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
            needed = (
                fc.languages
                if key in INSTRUCTION_KEYS
                else tuple(lang for lang in fc.languages if lang != TARGET_LANGUAGE)
            )
            for lang in needed:
                if lang not in item:
                    fc.problem((*where, lang), "missing translation for an offered language")
        else:
            _check_spec_texts(fc, item, where)


def _split(field: str | None) -> tuple[str | int, ...]:
    if not field:
        return ()
    return tuple(
        int(part) if part.isdecimal() and part.isascii() else part for part in field.split(".")
    )
