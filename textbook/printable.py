"""Printable forms of exercises: what a learner with a pen can do on paper, and the answer key.

An exercise made for the screen becomes a question with room to answer: options to tick,
two columns to match, tiles to order, lines to write Thai on. An exercise that needs the app
(a video checkpoint, a listening exercise) prints its question with a note saying so. Every
type is read by duck typing on the fields it has, so a new exercise type still prints (as a
question with lines to write on) before anyone teaches this module about it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from textbook.strings import t
from textbook.text import Span, pick

LABELS = "abcdefghijklmnopqrstuvwxyz"
TONES = ("mid", "low", "falling", "high", "rising")

VIDEO_TYPES = frozenset({"video_checkpoint"})
LISTENING_TYPES = frozenset({"listening"})
MANY_TYPES = frozenset({"multiple_select"})
TYPED_TYPES = frozenset({"typed_answer"})


@dataclass(frozen=True, slots=True)
class PrintOption:
    """One choice: its printed label (a, b, c...), text and pronunciation guide."""

    label: str
    text: Span
    pron: str = ""


@dataclass(frozen=True, slots=True)
class AnswerPart:
    """One piece of the correct answer as printed in the answer key."""

    label: str
    text: Span
    pron: str = ""
    match: Span | None = None


@dataclass(frozen=True, slots=True)
class GapLine:
    """A line of a gap-fill dialogue: its speaker and pieces, a piece being Thai or a gap."""

    speaker: str
    pieces: tuple[tuple[str, str], ...]  # ("text", thai) or ("gap", number)
    meaning: Span | None


@dataclass(frozen=True, slots=True)
class PrintExercise:
    """An exercise laid out for paper."""

    number: int
    id: str
    type: str
    prompt: Span
    thai: str = ""
    pron: str = ""
    note: Span | None = None
    options: tuple[PrintOption, ...] = ()
    many: bool = False
    left: tuple[PrintOption, ...] = ()
    right: tuple[PrintOption, ...] = ()
    tiles: tuple[Span, ...] = ()
    tones: tuple[Span, ...] = ()
    gap_lines: tuple[GapLine, ...] = ()
    gap_options: tuple[tuple[str, tuple[PrintOption, ...]], ...] = ()  # (gap number, options)
    lines: int = 0
    answer: tuple[AnswerPart, ...] = ()


def _order(exercise_id: str, ids: Iterable[str]) -> list[int]:
    """A fixed, content-derived shuffle (same book every render), never the given order."""
    ids = list(ids)
    order = sorted(
        range(len(ids)), key=lambda i: hashlib.sha1(f"{exercise_id}:{ids[i]}".encode()).digest()
    )
    if len(order) > 1 and order == list(range(len(order))):
        order = order[1:] + order[:1]
    return order


def _options(exercise, lang: str) -> tuple[PrintOption, ...]:
    return tuple(
        PrintOption(
            LABELS[i % 26],
            pick(getattr(o, "text", "") or getattr(o, "id", ""), lang),
            getattr(o, "pron", ""),
        )
        for i, o in enumerate(_raw_options(exercise))
    )


def _pairs(exercise, lang: str) -> tuple[tuple[PrintOption, ...], tuple[PrintOption, ...]]:
    """Matching: the left items numbered, the right items lettered in a fixed shuffle."""
    lefts = list(getattr(exercise, "left", ()) or ())
    rights = list(getattr(exercise, "right", ()) or ())
    if not lefts or not rights:
        return (), ()
    order = _order(exercise.id, [getattr(r, "id", str(r)) for r in rights])
    left = tuple(
        PrintOption(str(i + 1), _item_span(x, lang), _item_pron(x)) for i, x in enumerate(lefts)
    )
    right = tuple(
        PrintOption(LABELS[n % 26], _item_span(rights[i], lang), _item_pron(rights[i]))
        for n, i in enumerate(order)
    )
    return left, right


def _labels(exercise) -> dict[str, str]:
    """Item id -> label as printed in the answer key: "b)" for options, "(2)" for gaps."""
    labels = {
        getattr(o, "id", ""): f"{LABELS[i % 26]})" for i, o in enumerate(_raw_options(exercise))
    }
    rights = list(getattr(exercise, "right", ()) or ())
    order = _order(exercise.id, [getattr(r, "id", str(r)) for r in rights])
    labels.update({getattr(rights[i], "id", ""): LABELS[n % 26] for n, i in enumerate(order)})
    labels.update({getattr(g, "id", ""): f"({n})" for n, g in enumerate(_gaps(exercise), 1)})
    return labels


def _raw_options(exercise) -> tuple:
    options = getattr(exercise, "options", None)
    if not options:
        options = getattr(getattr(exercise, "question", None), "options", None)
    return tuple(options or ())


def _gaps(exercise) -> tuple:
    return tuple(getattr(exercise, "gaps", ()) or ())


_GAP = re.compile(r"\{([a-z0-9][a-z0-9_.-]*)\}")


def _gap_lines(exercise, lang: str) -> tuple[GapLine, ...]:
    numbers = {getattr(g, "id", ""): str(n) for n, g in enumerate(_gaps(exercise), 1)}
    out = []
    for line in getattr(exercise, "lines", ()) or ():
        text = getattr(line, "text", "") or ""
        pieces, last = [], 0
        for match in _GAP.finditer(text):
            if match.start() > last:
                pieces.append(("text", text[last : match.start()]))
            pieces.append(("gap", numbers.get(match.group(1), "?")))
            last = match.end()
        if last < len(text):
            pieces.append(("text", text[last:]))
        meaning = getattr(line, "meaning", None)
        out.append(
            GapLine(
                str(getattr(line, "speaker", "")),
                tuple(pieces),
                pick(meaning, lang) if meaning else None,
            )
        )
    return tuple(out)


def _gap_options(exercise, lang: str) -> tuple[tuple[str, tuple[PrintOption, ...]], ...]:
    out = []
    for n, gap in enumerate(_gaps(exercise), 1):
        options = getattr(gap, "options", ()) or ()
        if options:
            out.append(
                (
                    str(n),
                    tuple(
                        PrintOption(LABELS[i % 26], _item_span(o, lang), _item_pron(o))
                        for i, o in enumerate(options)
                    ),
                )
            )
    return tuple(out)


def _item_span(item, lang: str) -> Span:
    if isinstance(item, str):
        return pick(item, lang)
    return pick(getattr(item, "text", None) or getattr(item, "id", ""), lang)


def _item_pron(item) -> str:
    return "" if isinstance(item, str) else getattr(item, "pron", "") or ""


def _tiles(exercise, lang: str) -> tuple[Span, ...]:
    tiles = list(getattr(exercise, "tiles", ()) or ())
    order = _order(exercise.id, [getattr(tile, "id", str(tile)) for tile in tiles])
    return tuple(_item_span(tiles[i], lang) for i in order)


def _answer(exercise, lang: str) -> tuple[AnswerPart, ...]:
    try:
        parts = exercise.answer_key()
    except NotImplementedError:
        return ()
    if getattr(exercise, "tiles", None):
        # A sentence of tiles reads as one Thai sentence (no spaces between words), with the
        # pronunciation of its words after it.
        thai = "".join(p.text for p in parts if isinstance(p.text, str))
        pron = " ".join(p.pron for p in parts if p.pron)
        return (AnswerPart("", Span(thai, "th"), pron),)
    labels = _labels(exercise)
    out = []
    for part in parts:
        tone = getattr(part, "tone", "")
        if tone:
            text = Span(t(f"tone_{tone}", lang), lang)
        else:
            text = pick(getattr(part, "text", "") or "", lang)
        label = labels.get(getattr(part, "ref", ""), "")
        match = getattr(part, "match", None)
        match_span = None
        if match is not None:
            match_span = pick(getattr(match, "text", "") or "", lang)
            right = labels.get(getattr(match, "ref", ""), "")
            number = _left_number(exercise, getattr(part, "ref", ""))
            label = f"{number} – {right}" if number and right else label
        out.append(AnswerPart(label, text, getattr(part, "pron", "") or "", match_span))
    return tuple(out)


def _left_number(exercise, ref: str) -> str:
    for i, item in enumerate(getattr(exercise, "left", ()) or (), 1):
        if getattr(item, "id", None) == ref:
            return str(i)
    return ""


def _prompt(exercise):
    """The instruction; a video checkpoint keeps it in its question."""
    prompt = getattr(exercise, "prompt", None)
    if not prompt:
        prompt = getattr(getattr(exercise, "question", None), "prompt", None)
    return prompt


def printable(exercise, number: int, lang: str, *, in_video: bool = False) -> PrintExercise:
    """The paper form of one exercise, numbered `number` in its lesson, in learner lang.

    in_video: the exercise is a checkpoint of a video step, so it needs the app.
    """
    kind = getattr(exercise, "type", "") or getattr(exercise, "TYPE", "")
    options = _options(exercise, lang)
    left, right = _pairs(exercise, lang)
    gap_lines = _gap_lines(exercise, lang)
    tiles = _tiles(exercise, lang)
    note = None
    if in_video or kind in VIDEO_TYPES:
        note = Span(t("watch_in_app", lang), lang)
    elif kind in LISTENING_TYPES or (
        getattr(exercise, "audio", "") and not getattr(exercise, "thai", "")
    ):
        note = Span(t("listen_in_app", lang), lang)
    elif any(
        getattr(o, "image", "") and not getattr(o, "text", "") for o in _raw_options(exercise)
    ):
        note = Span(t("see_picture_in_app", lang), lang)
    tones = tuple(Span(t(f"tone_{tone}", lang), lang) for tone in TONES) if kind == "tone" else ()
    writes = not (options or left or tones or gap_lines)
    return PrintExercise(
        number=number,
        id=exercise.id,
        type=kind,
        prompt=pick(_prompt(exercise), lang),
        thai=getattr(exercise, "thai", "") or "",
        pron=getattr(exercise, "pron", "") or "",
        note=note,
        options=options,
        many=kind in MANY_TYPES or isinstance(getattr(exercise, "answer", None), frozenset),
        left=left,
        right=right,
        tiles=tiles,
        tones=tones,
        gap_lines=gap_lines,
        gap_options=_gap_options(exercise, lang),
        lines=(2 if kind in TYPED_TYPES or tiles else 1) if writes else 0,
        answer=_answer(exercise, lang),
    )


def lesson_exercises(lesson, lang: str) -> tuple[PrintExercise, ...]:
    """Every exercise of a lesson in print form, in the lesson's order, numbered from 1."""
    checkpoints = {
        exercise_id
        for step in lesson.steps
        if getattr(step, "kind", "") == "video"
        for exercise_id in getattr(step, "checkpoints", ())
    }
    return tuple(
        printable(exercise, n, lang, in_video=exercise.id in checkpoints)
        for n, exercise in enumerate(lesson.exercises, start=1)
    )
