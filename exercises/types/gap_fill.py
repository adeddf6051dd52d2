"""Gap fill in a dialogue: several gaps, each typed or chosen; credit per gap."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from exercises.base import Exercise, KeyPart, Option, key_of, read_choice, read_options
from exercises.feedback import Code, Feedback, Result, malformed, right
from exercises.grading import as_id, grade_choice, grade_typed
from exercises.registry import register
from exercises.spec import Reader, join
from exercises.text import LocalText
from exercises.types.typed_answer import read_accepted

GAP = re.compile(r"\{([a-z0-9][a-z0-9_.-]*)\}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """A line of the dialogue; `text` is Thai with gaps written `{gap-id}`."""

    speaker: str
    text: str
    meaning: LocalText | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Gap:
    """A gap: chosen from `options` (then `answer` is an option id) or typed (then `accepted`
    holds the Thai answers, main first, and `pron` its pronunciation)."""

    id: str
    options: tuple[Option, ...] = ()
    answer: str = ""
    accepted: tuple[str, ...] = ()
    pron: str = ""

    def grade(self, response: object) -> Result:
        if self.options:
            return grade_choice([o.id for o in self.options], self.answer, response)
        return grade_typed(self.accepted or ("",), response, gap=self.id)

    def key(self) -> KeyPart:
        if self.options:
            chosen = next(o for o in self.options if o.id == self.answer)
            return replace(key_of(chosen), ref=self.id)
        return KeyPart(ref=self.id, text=self.accepted[0] if self.accepted else "", pron=self.pron)


@register
@dataclass(frozen=True, slots=True, kw_only=True)
class GapFill(Exercise):
    """`lines` of a dialogue `{speaker, text, meaning?}` with `{gap-id}` in their Thai text;
    `gaps` `{id, answer, pron?, accept?}` (typed) or `{id, options, answer}` (chosen).
    Response: a mapping of gap id to the typed text or chosen option id.
    Score: the mean of the gaps' scores (a typed near miss counts half)."""

    TYPE = "gap_fill"
    FIELDS = frozenset({"lines", "gaps"})
    TRIES = 2

    lines: tuple[Line, ...] = ()
    gaps: tuple[Gap, ...] = ()  # in the order they appear in the dialogue

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        lines, used = [], []
        for where, item in r.items(spec, "lines", path):
            if not isinstance(item, Mapping):
                r.fail(where, "must be a mapping {speaker, text, meaning?}")
                continue
            r.only(item, {"speaker", "text", "meaning"}, where)
            text = r.string(item, "text", where)
            if GAP.sub("", text).strip():  # a line may be all gap, else it must be Thai
                text = r.thai_value(text, join(where, "text"))
            line = Line(
                speaker=r.string(item, "speaker", where),
                text=text,
                meaning=r.local(item, "meaning", where, required=False),
            )
            used += [(m.group(1), join(where, "text")) for m in GAP.finditer(line.text)]
            lines.append(line)
        gaps = {}
        for where, item in r.items(spec, "gaps", path):
            if not isinstance(item, Mapping):
                r.fail(where, "must be a mapping {id, answer, ...}")
                continue
            gap = cls._gap(r, item, where)
            if gap.id in gaps:
                r.fail(join(where, "id"), f"duplicate id {gap.id!r}")
            gaps[gap.id] = (gap, where)
        seen: set[str] = set()
        for ident, where in used:
            if ident in seen:
                r.fail(where, f"gap {{{ident}}} appears twice")
            elif ident not in gaps and "gaps" in spec:
                r.fail(where, f"gap {{{ident}}} is not in gaps")
            seen.add(ident)
        for ident, (_, where) in gaps.items():
            if ident and ident not in seen and "lines" in spec:
                r.fail(join(where, "id"), f"gap {ident!r} is not written {{{ident}}} in any line")
        ordered = tuple(gaps[i][0] for i, _ in used if i in gaps)
        return {"lines": tuple(lines), "gaps": ordered}

    @staticmethod
    def _gap(r: Reader, item: Mapping[str, Any], where: str) -> Gap:
        ident = r.ident(item, "id", where)
        if "options" in item:
            r.only(item, {"id", "options", "answer"}, where)
            options = read_options(r, item, where)
            return Gap(id=ident, options=options, answer=read_choice(r, item, where, options))
        r.only(item, {"id", "answer", "pron", "accept"}, where)
        accepted = read_accepted(r, item, where)
        return Gap(id=ident, accepted=accepted, pron=r.string(item, "pron", where, required=False))

    def grade(self, response: object) -> Result:
        if not isinstance(response, Mapping):
            return malformed("mapping of gap id to answer")
        answers = {as_id(k): v for k, v in response.items()}
        if not any(as_id(v) for v in answers.values()):
            return Result(False, 0.0, (Feedback(Code.EMPTY),))
        total, feedback, hits = 0.0, [], 0
        for gap in self.gaps:
            result = gap.grade(answers.get(gap.id, ""))
            total += result.score
            hits += result.correct
            code = Code.GAP_CORRECT if result.correct else Code.GAP_WRONG
            feedback.append(Feedback(code, {"gap": gap.id}))
            feedback += [
                Feedback(f.code, {**f.data, "gap": gap.id})
                for f in result.feedback
                if f.code not in (Code.CORRECT, Code.WRONG)
            ]
        if self.gaps and hits == len(self.gaps):
            return right()
        summary = Feedback(Code.PARTLY_CORRECT, {"right": hits, "total": len(self.gaps)})
        score = total / len(self.gaps) if self.gaps else 0.0
        return Result(False, score, (summary, *feedback))

    def answer_key(self) -> tuple[KeyPart, ...]:
        return tuple(gap.key() for gap in self.gaps)
