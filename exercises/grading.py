"""Grading steps that several exercise types share: reading a response, choices, typed Thai."""

from __future__ import annotations

from collections.abc import Sequence

from exercises.feedback import Code, Feedback, Result, malformed, right, wrong
from exercises.text import clean_input
from exercises.thai import Comparison, compare, normalize

_MAX_CLUSTER = 16  # a typed "cluster" can be a letter with hundreds of stray marks
#: Typed answers longer than this are wrong unread: the longest answer of the bundled course
#: has 20 characters, and normalising a pasted megabyte takes a second of CPU.
MAX_TYPED = 1000


def as_id(response: object) -> str | None:
    """An option id from a response: a string, or a whole number that a JSON client sent."""
    if isinstance(response, str):
        return response.strip()
    if isinstance(response, int) and not isinstance(response, bool):
        return str(response)
    return None


def as_id_list(response: object) -> list[str] | None:
    """A list of option ids, or None if `response` is not a list of ids."""
    if isinstance(response, str | bytes | dict) or not isinstance(
        response, Sequence | set | frozenset
    ):
        return None
    ids = [as_id(item) for item in response]
    return None if any(i is None for i in ids) else ids  # type: ignore[return-value]


def grade_choice(option_ids: Sequence[str], answer: str, response: object) -> Result:
    """A single choice: right if the response is the id of the right option."""
    chosen = as_id(response)
    if chosen is None:
        return malformed("option id")
    if not chosen:
        return wrong(Feedback(Code.EMPTY))
    if chosen not in option_ids:
        return wrong(Feedback(Code.UNKNOWN_OPTION, {"option": chosen[:64]}))
    if chosen == answer:
        return right()
    return wrong(Feedback(Code.WRONG_OPTION, {"option": chosen}))


def best_comparison(accepted: Sequence[str], typed: str) -> Comparison:
    """The comparison of `typed` with the accepted answer it comes closest to (the first
    accepted answer wins a tie, so feedback names the main answer)."""
    best: Comparison | None = None
    for answer in accepted:
        comparison = compare(answer, typed)
        if comparison.correct:
            return comparison
        if best is None or comparison.score > best.score:
            best = comparison
    assert best is not None, "an exercise always has an answer"
    return best


def typed_feedback(comparison: Comparison, **data: str | int) -> tuple[Feedback, ...]:
    """Feedback for a typed Thai answer: its code, and where the first difference is."""
    if comparison.code is Code.CORRECT:
        return (Feedback(Code.CORRECT, data),)
    if comparison.correct:
        return (Feedback(Code.CORRECT, data), Feedback(comparison.code, data))
    if not comparison.diffs:
        return (Feedback(comparison.code, data),)
    first = comparison.diffs[0]
    return (
        Feedback(
            comparison.code,
            {
                **data,
                "position": first.position,
                "expected": first.expected[:_MAX_CLUSTER],
                "typed": first.typed[:_MAX_CLUSTER],
            },
        ),
    )


def grade_typed(accepted: Sequence[str], response: object, **data: str | int) -> Result:
    """Typed Thai: right if it normalizes to an accepted answer; a named near miss scores
    half (`NEAR_MISS_SCORE`) and is not correct."""
    if not isinstance(response, str):
        return malformed("text")
    if len(response) > MAX_TYPED:
        return Result(False, 0.0, (Feedback(Code.THAI_WRONG, data),))
    typed = clean_input(response, "th")
    if not normalize(typed):
        return Result(False, 0.0, (Feedback(Code.EMPTY, data),))
    comparison = best_comparison(accepted, typed)
    return Result(comparison.correct, comparison.score, typed_feedback(comparison, **data))
