"""Tone: which of the five Thai tones a syllable has."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from exercises.base import Exercise, KeyPart
from exercises.feedback import Code, Feedback, Result, malformed, right, wrong
from exercises.registry import register
from exercises.spec import Reader, join

TONES: tuple[str, ...] = ("mid", "low", "falling", "high", "rising")


@register
@dataclass(frozen=True, slots=True, kw_only=True)
class Tone(Exercise):
    """`thai` is the syllable (with `pron`, usually with `audio`); `answer` is its tone, one of
    `TONES`. Response: a tone name."""

    TYPE = "tone"
    FIELDS = frozenset({"thai", "pron", "answer"})

    thai: str = ""
    pron: str = ""
    answer: str = ""

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        answer = r.string(spec, "answer", path)
        if answer and answer not in TONES:
            r.fail(join(path, "answer"), f"{answer!r} is not a tone; expected one of {TONES}")
        return {
            "thai": r.thai(spec, "thai", path),
            "pron": r.string(spec, "pron", path, required=False),
            "answer": answer,
        }

    def grade(self, response: object) -> Result:
        if not isinstance(response, str):
            return malformed("tone name")
        chosen = response.strip().lower()
        if not chosen:
            return wrong(Feedback(Code.EMPTY))
        if chosen not in TONES:
            return wrong(Feedback(Code.UNKNOWN_OPTION, {"option": chosen[:64]}))
        if chosen == self.answer:
            return right()
        return wrong(Feedback(Code.WRONG_TONE, {"chosen": chosen}))

    def answer_key(self) -> tuple[KeyPart, ...]:
        return (KeyPart(text=self.thai, pron=self.pron, audio=self.audio, tone=self.answer),)
