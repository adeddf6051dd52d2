"""Matching pairs: join each left-hand item to its right-hand partner; credit per pair."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from exercises.base import Exercise, KeyPart, Option, key_of, read_options
from exercises.feedback import Code, Feedback, Result, malformed, right
from exercises.grading import as_id
from exercises.registry import register
from exercises.spec import MISSING, Reader, join


@register
@dataclass(frozen=True, slots=True, kw_only=True)
class Matching(Exercise):
    """`left` and `right` are option lists (the right may hold extra distractors); `answer`
    maps each left id to its right id. Response: a mapping of left id to right id.
    Score: pairs right / pairs in the answer."""

    TYPE = "matching"
    FIELDS = frozenset({"left", "right", "answer"})
    TRIES = 2

    left: tuple[Option, ...] = ()
    right: tuple[Option, ...] = ()
    answer: tuple[tuple[str, str], ...] = ()  # (left id, right id), in the order of `left`

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        left = read_options(r, spec, path, key="left")
        right_ = read_options(r, spec, path, key="right")
        left_ids, right_ids = [o.id for o in left], {o.id for o in right_}
        pairs: dict[str, str] = {}
        mentioned: set[str] = set()
        raw = r.get(spec, "answer", path)
        where = join(path, "answer")
        for key, value in (r.mapping(raw, where) if raw is not MISSING else {}).items():
            lid = r.ident_value(key, join(where, str(key)))
            rid = r.ident_value(value, join(where, str(key)))
            mentioned.add(lid)
            if lid and left and lid not in left_ids:
                r.fail(join(where, lid), f"{lid!r} is not the id of a left item")
            elif rid and right_ and rid not in right_ids:
                r.fail(join(where, lid), f"{rid!r} is not the id of a right item")
            elif rid and rid in pairs.values():
                r.fail(join(where, lid), f"right item {rid!r} is paired twice")
            elif lid and rid:
                pairs[lid] = rid
        if raw is not MISSING:
            for lid in left_ids:
                if lid and lid not in mentioned:
                    r.fail(join(where, lid), "left item has no pair")
        ordered = tuple((lid, pairs[lid]) for lid in left_ids if lid in pairs)
        return {"left": left, "right": right_, "answer": ordered}

    def grade(self, response: object) -> Result:
        if not isinstance(response, Mapping):
            return malformed("mapping of left id to right id")
        given: dict[str, str] = {}
        for key, value in response.items():
            lid, rid = as_id(key), as_id(value)
            if lid is None or rid is None:
                return malformed("mapping of left id to right id")
            given[lid] = rid
        feedback: list[Feedback] = []
        hits = 0
        for lid, rid in self.answer:
            if lid not in given or not given[lid]:
                feedback.append(Feedback(Code.PAIR_MISSING, {"left": lid}))
            elif given[lid] == rid:
                hits += 1
            else:
                feedback.append(Feedback(Code.PAIR_WRONG, {"left": lid}))
        total = len(self.answer)
        if total and hits == total:
            return right()
        if not any(given.values()):
            return Result(False, 0.0, (Feedback(Code.EMPTY),))
        summary = Feedback(Code.PARTLY_CORRECT, {"right": hits, "total": total})
        return Result(False, hits / total if total else 0.0, (summary, *feedback))

    def answer_key(self) -> tuple[KeyPart, ...]:
        lefts = {o.id: o for o in self.left}
        rights = {o.id: o for o in self.right}
        return tuple(
            KeyPart(
                ref=lid,
                text=lefts[lid].text,
                pron=lefts[lid].pron,
                image=lefts[lid].image,
                audio=lefts[lid].audio,
                match=key_of(rights[rid]),
            )
            for lid, rid in self.answer
        )
