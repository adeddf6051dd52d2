"""Fuzzing every grader with whatever a browser can post.

For each of the ten exercise types, exercises come from the bundled course, from the
documented examples and from mutated definitions; `grade` is fed any response (text with
NUL, lone combining marks, bidi marks and Zawgyi, lists, mappings, numbers, nested junk) and
the lesson player's `read_response` any form. The result is always a valid grade, the same
twice, and the right answer of the content grades correct. The text functions under the
graders (Thai normalisation and comparison, Zawgyi detection, a form field's `clean_text`)
never raise and give NFC.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

import exercises
from exercises import burmese
from exercises.text import clean_input
from exercises.thai import compare, normalize
from exercises.types import TONES
from learn.forms import clean_text
from learn.learner.player import read_response
from lessons import load_course

ROOT = Path(__file__).parents[2]
BUNDLED = ROOT / "lessons" / "courses" / "thai-for-work"
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
OUTCOMES = {"correct", "almost", "wrong"}


@functools.cache
def bundled() -> dict[str, exercises.Exercise]:
    return {e.id: e for lesson in load_course(BUNDLED).lessons for e in lesson.exercises}


@functools.cache
def specs() -> dict[str, dict]:
    """Every exercise definition: the bundled course's and the documented examples."""
    found = {}
    for path in sorted(BUNDLED.glob("*/exercises.yaml")):
        found.update({s["id"]: s for s in yaml.safe_load(path.read_text(encoding="utf-8"))})
    doc = (ROOT / "docs" / "exercise-types.md").read_text(encoding="utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", doc, re.S):
        spec = yaml.safe_load(block)
        found[f"doc:{spec['id']}"] = spec
    return found


def test_the_bundled_course_and_the_docs_have_every_type():
    assert {e.type for e in bundled().values()} == set(exercises.TYPES)
    assert {s["type"] for k, s in specs().items() if k.startswith("doc:")} == set(exercises.TYPES)


# -- what a browser can send -------------------------------------------------------------------

TRICKY = [
    *("\x00", "\x07", "\t", "\r\n", "\u0301", "\u0e48", "\u0e33", "\u0e4d\u0e32", "\u200b"),
    *("\u200f", "\u202e", "\u2066", "\ufeff", "\u00ad", "\u1031\u1000", "ေက်ာင္းသား"),
    *("\U0001f600", "e\u0301", " ", "\u3000", "ﬁ", "İ", "ß", "\ufffd", "\ud800"),
]
texts = st.one_of(
    st.text(max_size=20),
    st.text(st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F), max_size=20),
    st.lists(st.sampled_from(TRICKY), max_size=6).map("".join),
)
junk = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        texts,
        st.binary(max_size=6),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.tuples(inner, inner),
        st.frozensets(st.text(max_size=3), max_size=3),
        st.dictionaries(
            st.one_of(st.text(max_size=5), st.integers(), st.none()), inner, max_size=5
        ),
    ),
    max_leaves=15,
)


def choices(exercise) -> list[str]:
    """The option ids a choice exercise's response names."""
    question = getattr(exercise, "question", None)
    return (
        [o.id for o in (question or exercise).options]
        if hasattr(question or exercise, "options")
        else []
    )


def typed_answers(exercise) -> list[str]:
    key_texts = [k.text for k in exercise.answer_key() if isinstance(k.text, str)]
    return [t for t in [*key_texts, *getattr(exercise, "accepted", ())] if t] or ["ก"]


def altered(text: str):
    """A typed answer as a learner gets it nearly right: a character dropped, doubled or
    changed, a mark or space put in, a zero-width character, Zawgyi, a control character."""
    edits = st.sampled_from(TRICKY + ["", "ก", " ", "\u0e48", "\u0e49", "\u0e32", text[:1]])
    return st.tuples(st.integers(0, len(text)), st.integers(0, 2), edits).map(
        lambda e: text[: e[0]] + e[2] + text[e[0] + e[1] :]
    )


def typed(exercise):
    answers = st.sampled_from(typed_answers(exercise))
    return st.one_of(answers, answers.flatmap(altered), texts)


def one_of_or_wrong(ids: list[str]):
    """Mostly one of `ids`; now and then one spelt a little differently, or anything."""
    ids = ids or ["a"]
    return st.one_of(
        st.sampled_from(ids),
        st.sampled_from(ids),
        st.sampled_from(ids).map(lambda i: f" {i.upper()} "),
        texts,
    )


def shaped(exercise):
    """A response of the shape the exercise expects, made of its own ids and texts."""
    match exercise.type:
        case "multiple_select":
            return st.lists(one_of_or_wrong(choices(exercise)), max_size=6)
        case "word_order":
            tiles = [t.id for t in exercise.tiles]
            return st.permutations(tiles).flatmap(
                lambda order: st.integers(0, len(order)).map(lambda n: list(order[:n]))
            ) | st.lists(one_of_or_wrong(tiles), max_size=len(tiles) + 2)
        case "matching":
            left, right = [o.id for o in exercise.left], [o.id for o in exercise.right]
            return st.dictionaries(one_of_or_wrong(left), one_of_or_wrong([*right, ""]))
        case "gap_fill":
            return st.fixed_dictionaries(
                {},
                optional={
                    gap.id: one_of_or_wrong([o.id for o in gap.options])
                    if gap.options
                    else typed(exercise)
                    for gap in exercise.gaps
                },
            )
        case "tone":
            return one_of_or_wrong(list(TONES))
        case "typed_answer":
            return typed(exercise)
        case "listening" if exercise.typed:
            return typed(exercise)
        case _:
            return one_of_or_wrong(choices(exercise))


def responses(exercise):
    """Mostly responses of the right shape (so grading gets past "malformed"); else anything."""
    return st.one_of(shaped(exercise), shaped(exercise), shaped(exercise), junk)


def assert_valid(result, exercise=None) -> None:
    assert isinstance(result, exercises.Result)
    assert isinstance(result.correct, bool)
    assert 0.0 <= result.score <= 1.0
    assert result.correct == (result.score == 1.0)
    assert result.outcome in OUTCOMES
    assert result.codes and set(result.codes) <= exercises.CODES
    for feedback in result.feedback:
        assert all(isinstance(v, str | int) for v in feedback.data.values())
        assert all(len(v) <= 64 for v in feedback.data.values() if isinstance(v, str)), feedback
    json.dumps(result.to_dict())  # stored as it is


def grade_twice(exercise, response):
    result = exercise.grade(response)
    assert_valid(result)
    assert exercise.grade(copy.deepcopy(response)) == result  # deterministic
    return result


# -- every grader ------------------------------------------------------------------------------


@FUZZ
@given(kind=st.sampled_from(sorted(exercises.TYPES)), data=st.data())
def test_every_type_grades_any_response(kind, data):
    """The same, a type at a time: each of the ten gets its share of examples."""
    ids = sorted(i for i, e in bundled().items() if e.type == kind)
    exercise = bundled()[data.draw(st.sampled_from(ids), label="exercise")]
    result = grade_twice(exercise, data.draw(responses(exercise), label="response"))
    event(f"{exercise.type}: {result.codes[0]}")


# -- generated definitions ---------------------------------------------------------------------

OTHER = [None, "", " ", 0, 7, -1, 2.5, float("nan"), True, [], {}, ["a"], {"a": 1}, 10**400]
OTHER += ["x", "a", "ก", "สวัสดี", "\u0e48", "ေက်ာင္း", {"en": "x"}, {"xx": "y"}, [["a", "b"]]]


def one_in(rate: int):
    return st.integers(0, rate - 1).map(lambda n: n == 0)


@st.composite
def near(draw, value, rate: int = 40):
    """`value` with, now and then (a node in `rate`), something else in a node's place: a
    field dropped or added, an item repeated, an id or text changed, another type."""
    if draw(one_in(rate)):
        return draw(st.one_of(st.sampled_from(OTHER), junk))
    if isinstance(value, dict):
        out = {k: draw(near(v, rate)) for k, v in value.items() if not draw(one_in(rate))}
        if draw(one_in(rate)):
            out[draw(st.sampled_from(["id", "text", "answer", "accept", "extra", "²", 3]))] = draw(
                st.sampled_from(OTHER)
            )
        return out
    if isinstance(value, list):
        out = [draw(near(v, rate)) for v in value]
        if out and draw(one_in(rate)):
            out.insert(0, copy.deepcopy(out[-1]))
        return out
    return value


def mutated_specs():
    """A bundled or documented definition with a few changes."""
    return st.sampled_from(sorted(specs())).flatmap(lambda key: near(specs()[key]))


@FUZZ
@given(spec=st.one_of(mutated_specs(), junk), data=st.data())
# found: float() of a 400-digit `at` overflowed in the spec reader
@example(spec={"id": "x", "type": "video_checkpoint", "media": "v", "at": 10**400}, data=None)
def test_any_definition_is_refused_by_field_or_builds_a_gradable_exercise(spec, data):
    problems = exercises.check_spec(spec)
    assert all(isinstance(p, exercises.SpecError) and isinstance(p.field, str) for p in problems)
    try:
        exercise = exercises.from_spec(spec)
    except exercises.SpecError as error:
        assert problems and error == problems[0]
        event("refused")
        return
    assert problems == []
    if data is not None:
        result = grade_twice(exercise, data.draw(responses(exercise), label="response"))
        event(f"{exercise.type}: {result.codes[0]}")
    assert grade_twice(exercise, read_response(exercise, right_form(exercise))).correct


# -- the lesson player's form ------------------------------------------------------------------


def field_names(exercise) -> list[str]:
    names = ["choice", "text", "csrf_token", "tile-", "pair-", "gap-", "tile-99"]
    names += [f"tile-{i}" for i in range(len(getattr(exercise, "tiles", ())) + 1)]
    names += [f"pair-{o.id}" for o in getattr(exercise, "left", ())]
    names += [f"gap-{g.id}" for g in getattr(exercise, "gaps", ())]
    return names


def forms(exercise):
    """Any form a browser (or a script) can post: known and unknown fields, missing or
    repeated, with the exercise's ids and texts or anything, huge ones included."""
    ids = [o.id for name in ("tiles", "right") for o in getattr(exercise, name, ())]
    ids += choices(exercise) + typed_answers(exercise) + list(TONES)
    value = st.one_of(one_of_or_wrong(ids), typed(exercise), st.just("ก" * 5000))
    name = st.one_of(st.sampled_from(field_names(exercise)), st.text(max_size=8))
    fields = st.lists(st.tuples(name, value), max_size=12)
    right = list(right_form(exercise).items(multi=True))
    return st.one_of(
        fields.map(MultiDict),
        fields.map(lambda extra: MultiDict(right + extra)),  # the right answer, and more
        fields.map(lambda extra: MultiDict(extra + right)),  # something else first
    )


@FUZZ
@given(data=st.data())
def test_any_form_is_read_into_a_response_that_grades(data):
    exercise = bundled()[data.draw(st.sampled_from(sorted(bundled())), label="exercise")]
    response = read_response(exercise, data.draw(forms(exercise), label="form"))
    event(f"{exercise.type}: {grade_twice(exercise, response).codes[0]}")


def right_form(exercise) -> MultiDict:
    """What the lesson page posts for the answer the content says is right."""
    key = exercise.answer_key()
    match exercise.type:
        case "multiple_select":
            fields = [("choice", part.ref) for part in key]
        case "word_order":
            fields = [(f"tile-{i}", part.ref) for i, part in enumerate(key)]
        case "matching":
            fields = [(f"pair-{part.ref}", part.match.ref) for part in key]
        case "gap_fill":
            fields = [(f"gap-{g.id}", g.answer or g.accepted[0]) for g in exercise.gaps]
        case "tone":
            fields = [("choice", key[0].tone)]
        case "typed_answer":
            fields = [("text", key[0].text)]
        case "listening" if exercise.typed:
            fields = [("text", key[0].text)]
        case _:
            fields = [("choice", key[0].ref)]
    return MultiDict([("csrf_token", "x"), *fields])


def test_the_right_answer_posted_through_the_form_is_correct():
    for exercise in bundled().values():
        assert exercise.grade(read_response(exercise, right_form(exercise))).correct, exercise.id


@pytest.mark.parametrize("kind", sorted(exercises.TYPES))
def test_a_huge_answer_is_graded_wrong(kind):
    # found: a pasted megabyte took a second of CPU to normalise in a typed answer or gap
    exercise = next(e for e in bundled().values() if e.type == kind)
    big = "ขอบคุณ\u0301\x00" * 200_000  # 1.6 million characters
    for response in (big, [big] * 3, {big: big}, [big, big]):
        assert not grade_twice(exercise, response).correct
    form = MultiDict([(name, big) for name in field_names(exercise)])
    assert not grade_twice(exercise, read_response(exercise, form)).correct


# -- the text under the graders ----------------------------------------------------------------

any_text = st.one_of(texts, st.text(), st.lists(st.sampled_from(TRICKY), max_size=12).map("".join))


@given(any_text)
@example("ำำ่")  # found: the tone mark moved back one sara am per pass
@example("น้ำำ")
def test_thai_normalisation_is_idempotent_and_nfc(text):
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(any_text, any_text)
def test_comparing_any_two_texts_names_a_known_code(expected, typed):
    result = compare(expected, typed)
    assert result.code.value in exercises.CODES and 0.0 <= result.score <= 1.0
    assert compare(expected, typed) == result
    assert compare(expected, expected).correct


@given(any_text, st.sampled_from(exercises.LANGUAGES))
@example("\u0300\ufeff\u0e48", "en")  # the BOM kept the marks apart until it was removed
def test_clean_input_gives_nfc(text, lang):
    cleaned = clean_input(text, lang)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == cleaned.strip()


@given(st.one_of(any_text, st.text(st.characters(min_codepoint=0x1000, max_codepoint=0x109F))))
def test_zawgyi_detection_and_conversion_never_raise(text):
    assert burmese.is_zawgyi(text) in (True, False)
    assert 0.0 <= burmese.zawgyi_probability(text) <= 1.0
    assert isinstance(burmese.to_unicode(text), str)


@given(
    st.one_of(
        st.none(), any_text, st.text(st.characters(min_codepoint=0x1000, max_codepoint=0x109F))
    )
)
@example("ေက်ာင္းသား  ")
@example("\u0301")
@example("  \u0301 ")
def test_a_form_field_is_cleaned_to_nfc_without_outer_spaces(value):
    cleaned = clean_text(value)
    if value is None:
        assert cleaned is None
        return
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == cleaned.strip() and "  " not in cleaned
