"""Multiple select: pick every right option, with partial credit.

Score = max(0, (right picked - wrong picked) / number of right options): guessing everything
earns nothing, and each wrong pick cancels one right pick. Correct only if exactly the right
options are picked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from exercises.base import Exercise, KeyPart, Option, key_of, read_options
from exercises.feedback import Code, Feedback, Result, malformed, right
from exercises.grading import as_id_list
from exercises.registry import register
from exercises.spec import Reader, join


@register
@dataclass(frozen=True, slots=True, kw_only=True)
class MultipleSelect(Exercise):
    """Options with ids; `answer` lists the ids of all right ones. Response: a list of ids."""

    TYPE = "multiple_select"
    FIELDS = frozenset({"options", "answer"})

    options: tuple[Option, ...] = ()
    answer: frozenset[str] = frozenset()

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        options = read_options(r, spec, path)
        known = {o.id for o in options}
        answer = []
        for where, item in r.items(spec, "answer", path):
            ident = r.ident_value(item, where)
            if ident and options and ident not in known:
                r.fail(where, f"{ident!r} is not the id of an option")
            answer.append(ident)
        r.unique(answer, join(path, "answer"), field="")
        return {"options": options, "answer": frozenset(answer)}

    def grade(self, response: object) -> Result:
        picked = as_id_list(response)
        if picked is None:
            return malformed("list of option ids")
        chosen = set(picked)
        if not chosen:
            return Result(False, 0.0, (Feedback(Code.EMPTY),))
        known = {o.id for o in self.options}
        unknown = sorted(chosen - known)
        if unknown:
            return Result(False, 0.0, (Feedback(Code.UNKNOWN_OPTION, {"option": unknown[0][:64]}),))
        if chosen == self.answer:
            return right()
        hits = len(chosen & self.answer)
        misses = sorted(chosen - self.answer)
        score = max(0.0, (hits - len(misses)) / len(self.answer)) if self.answer else 0.0
        feedback = [Feedback(Code.PARTLY_CORRECT, {"right": hits, "total": len(self.answer)})]
        feedback += [Feedback(Code.WRONG_OPTION, {"option": o}) for o in misses]
        if len(self.answer) > hits:
            feedback.append(Feedback(Code.MISSED_OPTIONS, {"count": len(self.answer) - hits}))
        return Result(False, score, tuple(feedback))

    def answer_key(self) -> tuple[KeyPart, ...]:
        return tuple(key_of(o) for o in self.options if o.id in self.answer)
