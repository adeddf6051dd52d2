"""Listening: hear a clip, then choose or type what was said."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from exercises.base import Exercise, KeyPart, Option, key_of, read_choice, read_options
from exercises.feedback import Result
from exercises.grading import grade_choice, grade_typed
from exercises.registry import register
from exercises.spec import Reader, join
from exercises.types.typed_answer import read_accepted


@register
@dataclass(frozen=True, slots=True, kw_only=True)
class Listening(Exercise):
    """`audio` (required) is the clip. With `options`, `answer` is the id of what was said
    (response: an option id); without, `answer` is the Thai that was said, with `pron` and
    `accept` alternatives (response: the typed text)."""

    TYPE = "listening"
    FIELDS = frozenset({"options", "answer", "accept", "pron"})

    options: tuple[Option, ...] = ()  # empty: the learner types what was said
    answer: str = ""  # option id, or the Thai said when there are no options
    accepted: tuple[str, ...] = ()
    pron: str = ""

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        if not spec.get("audio"):
            r.fail(join(path, "audio"), "is required: the clip the learner listens to")
        if "options" in spec:
            if "accept" in spec:
                r.fail(join(path, "accept"), "only a typed listening exercise (no options) has it")
            options = read_options(r, spec, path)
            return {"options": options, "answer": read_choice(r, spec, path, options)}
        accepted = read_accepted(r, spec, path)
        return {
            "answer": accepted[0] if accepted else "",
            "accepted": accepted,
            "pron": r.string(spec, "pron", path, required=False),
        }

    @property
    def typed(self) -> bool:
        return not self.options

    def grade(self, response: object) -> Result:
        if self.typed:
            return grade_typed(self.accepted or ("",), response)
        return grade_choice([o.id for o in self.options], self.answer, response)

    def answer_key(self) -> tuple[KeyPart, ...]:
        if self.typed:
            return (KeyPart(text=self.answer, pron=self.pron, audio=self.audio),)
        return tuple(key_of(o) for o in self.options if o.id == self.answer)
