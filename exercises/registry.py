"""The registry of exercise types, keyed by the `type` string of a spec (as CTFd keys its
challenge types), and the two entry points that build exercises from specs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from exercises.base import Exercise
from exercises.errors import SpecError
from exercises.spec import Reader

TYPES: dict[str, type[Exercise]] = {}

E = TypeVar("E", bound=type[Exercise])


def register(cls: E) -> E:
    """Class decorator: make `cls` the exercise type for specs whose `type` is `cls.TYPE`."""
    if not cls.TYPE:
        raise ValueError(f"{cls.__name__} has no TYPE")
    if TYPES.get(cls.TYPE, cls) is not cls:
        raise ValueError(f"exercise type {cls.TYPE!r} is already registered")
    TYPES[cls.TYPE] = cls
    return cls


def _parse(r: Reader, spec: object) -> Exercise | None:
    if not isinstance(spec, Mapping):
        r.fail("", f"an exercise spec must be a mapping, got {type(spec).__name__}")
        return None
    kind = spec.get("type")
    if not isinstance(kind, str) or kind not in TYPES:
        r.fail(
            "type", f"unknown exercise type {kind!r}; expected one of {', '.join(sorted(TYPES))}"
        )
        return None
    return TYPES[kind].parse(r, spec)


def check_spec(spec: Mapping[str, Any]) -> list[SpecError]:
    """Every problem in `spec`, in the order they occur (empty if the spec is good)."""
    r = Reader()
    _parse(r, spec)
    return r.errors


def from_spec(spec: Mapping[str, Any]) -> Exercise:
    """The exercise that `spec` describes; raises `SpecError` for the first problem in it."""
    r = Reader()
    exercise = _parse(r, spec)
    if r.errors:
        raise r.errors[0]
    assert exercise is not None
    return exercise
