"""The shape of each YAML file of a content pack, as `lessons.schema` rules.

docs/content-format.md describes the same format for authors and translators; keep the
two in step.
"""

from __future__ import annotations

import re
from typing import Any

from lessons.model import LANGUAGES, STEP_TYPES
from lessons.schema import (
    FileCheck,
    _localized,
    _show,
    fields,
    ident,
    list_of,
    localized,
    media_id,
    number,
    one_of,
    positive_int,
    pron,
    reference,
    text,
    thai,
    translation,
)
from lessons.yamlsrc import Path


def language(fc: FileCheck, value: Any, path: Path) -> bool:
    if value not in LANGUAGES:
        fc.problem(path, f"unknown language {_show(value)} (known: {', '.join(LANGUAGES)})")
        return False
    return True


def folder_name(fc: FileCheck, value: Any, path: Path) -> bool:
    """A lesson folder right inside the pack (never a path that leaves it)."""
    if not text(fc, value, path):
        return False
    if "/" in value or "\\" in value or value.startswith(".") or value != value.strip():
        fc.problem(path, f"{value!r} is not a folder name inside the pack")
        return False
    return True


VERSION_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,31}$")


def version(fc: FileCheck, value: Any, path: Path) -> bool:
    """A version string that can name a folder: installed packs live in <id>/<version>/."""
    if not text(fc, value, path):
        return False
    if not VERSION_RE.match(value):
        fc.problem(path, f"{value!r} is not a version (use letters, digits, '.', '-', '+')")
        return False
    return True


UNIT = fields({"id": ident, "title": localized, "lessons": list_of(folder_name, 1, unique=True)})
COURSE = fields(
    {
        "id": ident,
        "version": version,
        "title": localized,
        "languages": list_of(language, 1, unique=True),
        "units": list_of(UNIT, 1),
    },
    {"description": localized},
)


def mastery(fc: FileCheck, value: Any, path: Path) -> bool:
    """`all_correct`, `{m_of_n: [m, n]}` or `{streak: n}`."""
    if value == "all_correct":
        return True
    if isinstance(value, dict) and len(value) == 1:
        ((kind, arg),) = value.items()
        if kind == "streak":
            return positive_int(fc, arg, (*path, kind))
        if kind == "m_of_n":
            if (
                isinstance(arg, list)
                and len(arg) == 2
                and all(isinstance(x, int) and not isinstance(x, bool) for x in arg)
                and 1 <= arg[0] <= arg[1]
            ):
                return True
            fc.problem((*path, kind), f"expected [m, n] with 1 <= m <= n, got {_show(arg)}")
            return False
    fc.problem(
        path, f"expected all_correct, {{m_of_n: [m, n]}} or {{streak: n}}, got {_show(value)}"
    )
    return False


_STEP_COMMON = {"id": ident, "type": text}
_STEP_FIELDS = {
    "video": fields(
        {**_STEP_COMMON, "media": media_id},
        {
            "title": localized,
            "start": number,
            "end": number,
            "checkpoints": list_of(reference("exercise"), unique=True),
        },
    ),
    "exercises": fields(
        {
            **_STEP_COMMON,
            "exercises": list_of(reference("exercise"), 1, unique=True),
            "mastery": mastery,
        },
        {"title": localized},
    ),
    "reading": fields(
        {**_STEP_COMMON, "content": one_of("dialogue", "text", "notes")}, {"title": localized}
    ),
    "review": fields(
        _STEP_COMMON,
        {
            "title": localized,
            "vocabulary": list_of(reference("vocabulary"), unique=True),
            "exercises": list_of(reference("exercise"), unique=True),
            "mastery": mastery,
        },
    ),
}
assert set(_STEP_FIELDS) == set(STEP_TYPES)


def step(fc: FileCheck, value: Any, path: Path) -> bool:
    """One step: its `type` decides its other fields."""
    if not isinstance(value, dict):
        fc.problem(path, f"expected a step (a mapping with id and type), got {_show(value)}")
        return False
    kind = value.get("type")
    if not isinstance(kind, str) or kind not in _STEP_FIELDS:  # a list cannot be looked up
        if "type" not in value:
            fc.problem((*path, "type"), "missing required field")
        else:
            fc.problem(
                (*path, "type"),
                f"unknown step type {_show(kind)} (expected: {', '.join(_STEP_FIELDS)})",
            )
        return False
    ok = _STEP_FIELDS[kind](fc, value, path)
    start, end = value.get("start"), value.get("end")
    if ok and start is not None and end is not None and end <= start:
        fc.problem((*path, "end"), f"the clip ends ({end}) before it starts ({start})")
        ok = False
    return ok


LESSON = fields(
    {
        "id": ident,
        "title": localized,
        "objectives": list_of(localized, 1),
        "steps": list_of(step, 1),
    },
    {
        "prerequisites": list_of(reference("lesson"), unique=True),
        "notes": list_of(localized),
    },
)

#: An author's own transcription of the Thai in some learner scripts (none required).
transcription = _localized(lambda fc: ())

VOCABULARY = list_of(
    fields(
        {"id": ident, "thai": thai, "pron": pron, "meaning": translation},
        {"audio": media_id, "image": media_id, "transcription": transcription, "note": localized},
    ),
    1,
)

SPEAKER = fields({"id": ident, "thai": thai, "pron": pron})
LINE = fields(
    {"speaker": ident, "thai": thai, "pron": pron, "translation": translation},
    {"audio": media_id},
)
DIALOGUE = fields(
    {"title": localized, "speakers": list_of(SPEAKER, 1), "lines": list_of(LINE, 1)},
    {"setting": localized},
)
