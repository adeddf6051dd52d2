"""Field rules for the pack's YAML files, and the context that turns a broken rule into a
`Problem` with its file, line and dotted field.

A rule is a function `rule(fc, value, path) -> bool` that reports what is wrong through
`fc.problem(...)` and returns whether the value is usable. `fields(...)` combines rules
into a mapping rule that also reports missing and unknown fields.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lessons.model import LANGUAGES, TARGET_LANGUAGE
from lessons.problems import Problem
from lessons.yamlsrc import Path, Source

Rule = Callable[["FileCheck", Any, Path], bool]

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
THAI_RE = re.compile(r"[\u0e00-\u0e7f]")


@dataclass(slots=True)
class Reference:
    """A use of an id that must exist somewhere in the pack (checked once all is read)."""

    kind: str  # "lesson", "exercise", "vocabulary", "media", "speaker"
    target: str
    file: str
    line: int
    field: str


@dataclass(slots=True)
class FileCheck:
    """Checking one YAML file of a pack: where problems and references go."""

    file: str
    source: Source
    languages: tuple[str, ...]
    problems: list[Problem]
    references: list[Reference] = field(default_factory=list)

    def problem(self, path: Path, message: str) -> None:
        self.problems.append(Problem(self.file, self.source.line(path), dotted(path), message))

    def refer(self, kind: str, target: str, path: Path) -> None:
        self.references.append(
            Reference(kind, target, self.file, self.source.line(path), dotted(path))
        )


def dotted(path: Path) -> str:
    return ".".join(str(part) for part in path)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


def fields(required: dict[str, Rule], optional: dict[str, Rule] | None = None) -> Rule:
    """A mapping with these required and optional fields and no others."""
    optional = optional or {}
    known = {**required, **optional}

    def rule(fc: FileCheck, value: Any, path: Path) -> bool:
        if not isinstance(value, dict):
            fc.problem(path, f"expected a mapping of fields, got {_show(value)}")
            return False
        ok = True
        for name in required:
            if name not in value:
                fc.problem((*path, name), "missing required field")
                ok = False
        for name, item in value.items():
            check = known.get(name)
            if check is None:
                close = difflib.get_close_matches(str(name), list(known), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                fc.problem((*path, name), f"unknown field{hint}; expected: {', '.join(known)}")
                ok = False
            elif not check(fc, item, (*path, name)):
                ok = False
        return ok

    return rule


def list_of(item_rule: Rule, min_items: int = 0, unique: bool = False) -> Rule:
    """A list of values that each follow `item_rule`."""

    def rule(fc: FileCheck, value: Any, path: Path) -> bool:
        if not isinstance(value, list):
            fc.problem(path, f"expected a list, got {_show(value)}")
            return False
        if len(value) < min_items:
            fc.problem(path, f"needs at least {min_items} item(s), has {len(value)}")
            return False
        ok = all([item_rule(fc, item, (*path, i)) for i, item in enumerate(value)])
        if unique:
            seen: set[Any] = set()
            for i, item in enumerate(value):
                if isinstance(item, str) and item in seen:
                    fc.problem((*path, i), f"{item!r} is listed twice")
                    ok = False
                seen.add(item if isinstance(item, str) else None)
        return ok

    return rule


def text(fc: FileCheck, value: Any, path: Path) -> bool:
    """Non-empty text (quote values YAML would read as numbers, dates or yes/no)."""
    if not isinstance(value, str):
        fc.problem(path, f"expected text, got {_show(value)} (put it in quotes)")
        return False
    if not value.strip():
        fc.problem(path, "is empty")
        return False
    return True


def ident(fc: FileCheck, value: Any, path: Path) -> bool:
    """A stable id: lowercase ASCII letters, digits, `-` and `_`, at most 64 characters."""
    if not isinstance(value, str):
        fc.problem(path, f"expected an id, got {_show(value)} (put it in quotes)")
        return False
    if not ID_RE.match(value):
        fc.problem(path, f"{value!r} is not a valid id (use a-z, 0-9, '-', '_' and '.')")
        return False
    return True


def thai(fc: FileCheck, value: Any, path: Path) -> bool:
    """Text in Thai script."""
    if not text(fc, value, path):
        return False
    if not THAI_RE.search(value):
        fc.problem(path, f"{value!r} has no Thai letters")
        return False
    return True


def pron(fc: FileCheck, value: Any, path: Path) -> bool:
    """A pronunciation guide in Latin letters with tone marks (no Thai letters)."""
    if not text(fc, value, path):
        return False
    if THAI_RE.search(value):
        fc.problem(path, f"{value!r} is Thai script; the guide is in Latin letters")
        return False
    bare = unicodedata.normalize("NFD", value)
    if not any("a" <= ch.lower() <= "z" for ch in bare):
        fc.problem(path, f"{value!r} has no Latin letters")
        return False
    return True


#: A clip's start and end: no training video lasts a day (and not-a-number or infinity,
#: which YAML reads from .nan and .inf, is no time at all).
MAX_SECONDS = 24 * 60 * 60


def number(fc: FileCheck, value: Any, path: Path) -> bool:
    """A number of seconds, from zero to `MAX_SECONDS`."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not 0 <= value <= MAX_SECONDS
    ):
        fc.problem(path, f"expected a number of seconds (0 to {MAX_SECONDS}), got {_show(value)}")
        return False
    return True


def positive_int(fc: FileCheck, value: Any, path: Path) -> bool:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        fc.problem(path, f"expected a whole number of 1 or more, got {_show(value)}")
        return False
    return True


def one_of(*choices: str) -> Rule:
    def rule(fc: FileCheck, value: Any, path: Path) -> bool:
        if value not in choices:
            fc.problem(path, f"expected one of {', '.join(choices)}, got {_show(value)}")
            return False
        return True

    return rule


def _localized(required_languages: Callable[[FileCheck], tuple[str, ...]]) -> Rule:
    def rule(fc: FileCheck, value: Any, path: Path) -> bool:
        if not isinstance(value, dict):
            fc.problem(
                path, f"expected texts per language ({', '.join(fc.languages)}), got {_show(value)}"
            )
            return False
        ok = True
        for lang in required_languages(fc):
            if lang not in value:
                fc.problem((*path, lang), "missing translation for an offered language")
                ok = False
        for lang, item in value.items():
            if lang not in LANGUAGES:
                fc.problem((*path, lang), f"unknown language code (known: {', '.join(LANGUAGES)})")
                ok = False
            elif not text(fc, item, (*path, lang)):
                ok = False
        return ok

    return rule


#: A learner-facing text (title, objective, note): every offered language, Thai included.
localized = _localized(lambda fc: fc.languages)
#: A translation of Thai (a meaning, a dialogue line): every offered language but Thai.
translation = _localized(lambda fc: tuple(x for x in fc.languages if x != TARGET_LANGUAGE))


def reference(kind: str, check: Rule = ident) -> Rule:
    """An id of something else in the pack (or in the media library, for `media`)."""

    def rule(fc: FileCheck, value: Any, path: Path) -> bool:
        if not check(fc, value, path):
            return False
        fc.refer(kind, value, path)
        return True

    return rule


def media_id(fc: FileCheck, value: Any, path: Path) -> bool:
    """A media library id (a video, an audio clip or an image)."""
    return reference("media", text)(fc, value, path)
