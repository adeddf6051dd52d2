"""Word order: build a Thai sentence from tiles; alternative orders can be accepted.

Answers are compared as the sentences the tiles spell, so two tiles with the same text are
interchangeable. All or nothing: a sentence in a wrong order has a different meaning or none.
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
from exercises.thai import normalize


@register
@dataclass(frozen=True, slots=True, kw_only=True)
class WordOrder(Exercise):
    """`tiles` are Thai options `{id, text, pron?}` (extra tiles are distractors); `answer` is
    the list of tile ids in order, `accept` other right orders. Response: the list of tile ids
    in the order the learner put them."""

    TYPE = "word_order"
    FIELDS = frozenset({"tiles", "answer", "accept"})
    TRIES = 3

    tiles: tuple[Option, ...] = ()
    orders: tuple[tuple[str, ...], ...] = ()  # the main order first

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        tiles = read_options(r, spec, path, key="tiles")
        for i, tile in enumerate(tiles):
            if tile.text and not isinstance(tile.text, str):
                r.fail(join(path, f"tiles.{i}.text"), "a tile's text must be Thai")
        known = {t.id for t in tiles}
        orders = [cls._order(r, spec.get("answer"), join(path, "answer"), known, required=True)]
        if "accept" in spec:
            orders += [
                cls._order(r, item, where, known) for where, item in r.items(spec, "accept", path)
            ]
        return {"tiles": tiles, "orders": tuple(o for o in orders if o)}

    @staticmethod
    def _order(
        r: Reader, value: object, where: str, known: set[str], required: bool = False
    ) -> tuple[str, ...]:
        if value is None and required:
            r.fail(where, "is required")
            return ()
        if not isinstance(value, list) or len(value) < 2:
            r.fail(where, "must be a list of at least 2 tile ids")
            return ()
        ids = tuple(r.ident_value(item, join(where, i)) for i, item in enumerate(value))
        for i, ident in enumerate(ids):
            if ident and known and ident not in known:
                r.fail(join(where, i), f"{ident!r} is not the id of a tile")
        r.unique(ids, where, field="")
        return ids

    def _sentence(self, ids: tuple[str, ...] | list[str]) -> str:
        texts = {t.id: t.text for t in self.tiles}
        return normalize("".join(str(texts[i]) for i in ids))

    def grade(self, response: object) -> Result:
        ids = as_id_list(response)
        if ids is None:
            return malformed("list of tile ids")
        if not ids:
            return Result(False, 0.0, (Feedback(Code.EMPTY),))
        known = {t.id for t in self.tiles}
        unknown = [i for i in ids if i not in known]
        if unknown:
            return Result(False, 0.0, (Feedback(Code.UNKNOWN_OPTION, {"option": unknown[0][:64]}),))
        if len(set(ids)) != len(ids):
            return malformed("list of tile ids, each tile once")
        built = self._sentence(ids)
        if any(built == self._sentence(order) for order in self.orders):
            return right()
        main = self.orders[0] if self.orders else ()
        texts = {t.id: normalize(str(t.text)) for t in self.tiles}
        if sorted(texts[i] for i in ids) != sorted(texts[i] for i in main):
            return Result(False, 0.0, (Feedback(Code.WRONG_TILES),))
        position = next(
            (n + 1 for n, (a, b) in enumerate(zip(ids, main, strict=True)) if texts[a] != texts[b]),
            1,
        )
        return Result(False, 0.0, (Feedback(Code.WRONG_ORDER, {"position": position}),))

    def answer_key(self) -> tuple[KeyPart, ...]:
        """The tiles of the main order, in order (the sentence is their texts joined)."""
        tiles = {t.id: t for t in self.tiles}
        return tuple(key_of(tiles[i]) for i in (self.orders[0] if self.orders else ()))
