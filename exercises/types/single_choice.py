"""Single choice: pick the one right option."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from exercises.base import Exercise, KeyPart, Option, key_of, read_choice, read_options
from exercises.feedback import Result
from exercises.grading import grade_choice
from exercises.registry import register
from exercises.spec import Reader


@register
@dataclass(frozen=True, slots=True, kw_only=True)
class SingleChoice(Exercise):
    """Options with ids; `answer` is the id of the right one. Response: an option id."""

    TYPE = "single_choice"
    FIELDS = frozenset({"options", "answer", "thai", "pron"})

    options: tuple[Option, ...] = ()
    answer: str = ""
    thai: str = ""  # the Thai word or phrase the question is about, if any
    pron: str = ""

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        options = read_options(r, spec, path)
        return {
            "options": options,
            "answer": read_choice(r, spec, path, options),
            "thai": r.thai(spec, "thai", path, required=False),
            "pron": r.string(spec, "pron", path, required=False),
        }

    def grade(self, response: object) -> Result:
        return grade_choice([o.id for o in self.options], self.answer, response)

    def answer_key(self) -> tuple[KeyPart, ...]:
        return tuple(key_of(o) for o in self.options if o.id == self.answer)
