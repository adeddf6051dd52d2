"""Typed Thai answer: type the Thai; accepted alternatives; near misses named."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from exercises.base import Exercise, KeyPart
from exercises.feedback import Result
from exercises.grading import grade_typed
from exercises.registry import register
from exercises.spec import Reader
from exercises.thai import normalize


def read_accepted(r: Reader, spec: Mapping[str, Any], path: str) -> tuple[str, ...]:
    """`answer` (Thai) then the optional `accept` alternatives, normalized, without repeats."""
    accepted = [r.thai(spec, "answer", path)]
    if "accept" in spec:
        accepted += [r.thai_value(item, where) for where, item in r.items(spec, "accept", path)]
    out: list[str] = []
    for text in accepted:
        if text and normalize(text) not in out:
            out.append(normalize(text))
    return tuple(out)


@register
@dataclass(frozen=True, slots=True, kw_only=True)
class TypedAnswer(Exercise):
    """`answer` is the Thai to type (with its `pron`), `accept` other accepted spellings.
    Response: the typed text."""

    TYPE = "typed_answer"
    FIELDS = frozenset({"answer", "pron", "accept"})
    TRIES = 3

    accepted: tuple[str, ...] = ()  # the main answer first
    pron: str = ""

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        return {
            "accepted": read_accepted(r, spec, path),
            "pron": r.string(spec, "pron", path, required=False),
        }

    def grade(self, response: object) -> Result:
        return grade_typed(self.accepted or ("",), response)

    def answer_key(self) -> tuple[KeyPart, ...]:
        main = self.accepted[0] if self.accepted else ""
        return (KeyPart(text=main, pron=self.pron, audio=self.audio),)
