"""Grading results and every feedback code an exercise can give.

Feedback is a code plus data, never prose: the web layer and the textbook turn each code into
words in the learner's language. `Code` is the one list of codes, so a test can check that every
code has a translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class Code(StrEnum):
    """Every feedback code. The value is what is stored and translated."""

    # whole-answer outcomes
    CORRECT = "correct"
    WRONG = "wrong"
    PARTLY_CORRECT = "partly_correct"  # data: right, total
    EMPTY = "empty"  # nothing was answered
    MALFORMED = "malformed"  # data: expected (the response shape, e.g. "option id")
    UNKNOWN_OPTION = "unknown_option"  # data: option (the id that is not in the exercise)

    # choice types
    WRONG_OPTION = "wrong_option"  # data: option
    MISSED_OPTIONS = "missed_options"  # data: count (right options not picked)

    # matching
    PAIR_WRONG = "pair_wrong"  # data: left
    PAIR_MISSING = "pair_missing"  # data: left

    # word order
    WRONG_TILES = "wrong_tiles"  # the tiles used are not the sentence's tiles
    WRONG_ORDER = "wrong_order"  # data: position (first tile out of place, 1-based)

    # tone
    WRONG_TONE = "wrong_tone"  # data: chosen

    # gap fill: one per gap, data: gap; typed gaps add their Thai code with the same gap
    GAP_CORRECT = "gap_correct"
    GAP_WRONG = "gap_wrong"

    # typed Thai, from exercises.thai.compare; data: position (1-based cluster), expected, typed
    THAI_SPACING = "thai_spacing"  # right letters, different spaces: accepted
    THAI_MISSING_TONE_MARK = "thai_missing_tone_mark"
    THAI_WRONG_TONE_MARK = "thai_wrong_tone_mark"
    THAI_WRONG_VOWEL = "thai_wrong_vowel"
    THAI_SAME_SOUND_CONSONANT = "thai_same_sound_consonant"
    THAI_MISSING_CHARACTER = "thai_missing_character"
    THAI_EXTRA_CHARACTER = "thai_extra_character"
    THAI_WRONG = "thai_wrong"


CODES: frozenset[str] = frozenset(code.value for code in Code)


@dataclass(frozen=True, slots=True)
class Feedback:
    """One piece of feedback: a code from `Code` and data to fill its translated message."""

    code: Code
    data: Mapping[str, str | int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", Code(self.code))
        object.__setattr__(self, "data", MappingProxyType(dict(self.data)))

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.data.items()))))

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code.value, "data": dict(self.data)}


@dataclass(frozen=True, slots=True)
class Result:
    """The grade of one response: `correct`, a `score` in [0, 1] and feedback codes."""

    correct: bool
    score: float
    feedback: tuple[Feedback, ...] = ()

    def __post_init__(self) -> None:
        score = float(self.score)
        if not 0.0 <= score <= 1.0:
            raise ValueError(f"Result.score must be in [0, 1], got {score!r}")
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "feedback", tuple(self.feedback))

    @property
    def outcome(self) -> str:
        """ "correct", "almost" (wrong but scored at least half) or "wrong"."""
        if self.correct:
            return "correct"
        return "almost" if self.score >= 0.5 else "wrong"

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code.value for f in self.feedback)

    def to_dict(self) -> dict[str, object]:
        return {
            "correct": self.correct,
            "score": self.score,
            "feedback": [f.to_dict() for f in self.feedback],
        }


def right() -> Result:
    return Result(True, 1.0, (Feedback(Code.CORRECT),))


def wrong(*feedback: Feedback) -> Result:
    return Result(False, 0.0, feedback or (Feedback(Code.WRONG),))


def malformed(expected: str) -> Result:
    return Result(False, 0.0, (Feedback(Code.MALFORMED, {"expected": expected}),))
