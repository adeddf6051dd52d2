"""Picture choice: pick the picture that shows the Thai word (options are image ids)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from exercises.base import Exercise, KeyPart, Option, key_of, read_choice, read_options
from exercises.feedback import Result
from exercises.grading import grade_choice
from exercises.registry import register
from exercises.spec import Reader


@register
@dataclass(frozen=True, slots=True, kw_only=True)
class PictureChoice(Exercise):
    """Options are pictures `{id, image, text?}`; the word to find is usually the common
    `thai`/`pron`/`audio` stimulus. Response: an option id."""

    TYPE = "picture_choice"
    FIELDS = frozenset({"options", "answer", "thai", "pron"})

    options: tuple[Option, ...] = ()
    answer: str = ""
    thai: str = ""  # the Thai word or phrase the question is about, if any
    pron: str = ""

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        options = read_options(r, spec, path, pictures=True)
        return {
            "options": options,
            "answer": read_choice(r, spec, path, options),
            "thai": r.thai(spec, "thai", path, required=False),
            "pron": r.string(spec, "pron", path, required=False),
        }

    def grade(self, response: object) -> Result:
        return grade_choice([o.id for o in self.options], self.answer, response)

    def answer_key(self) -> tuple[KeyPart, ...]:
        """The right picture, captioned with the word it shows (and its sound)."""
        return tuple(
            replace(
                key_of(o),
                text=o.text or self.thai,
                pron=o.pron or self.pron,
                audio=o.audio or self.audio,
            )
            for o in self.options
            if o.id == self.answer
        )
