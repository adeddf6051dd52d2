"""Bad specs: each kind of problem is a SpecError naming its field; check_spec finds them all."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import TYPES, SpecError, check_spec, from_spec


def without(data, key):
    data.pop(key)
    return data


def with_(data, **changes):
    data.update(changes)
    return data


# (documented example, how to break it, the field named)
CASES = [
    ("water-meaning", lambda d: without(d, "id"), "id"),
    ("water-meaning", lambda d: with_(d, id="Water Meaning"), "id"),
    ("water-meaning", lambda d: without(d, "prompt"), "prompt"),
    ("water-meaning", lambda d: with_(d, prompt="What?"), "prompt"),
    ("water-meaning", lambda d: with_(d, prompt={"fr": "Quoi ?"}), "prompt.fr"),
    ("water-meaning", lambda d: with_(d, prompt={"en": "  "}), "prompt.en"),
    ("water-meaning", lambda d: with_(d, hint={"my": "ေက်ာင္းသား"}), "hint.my"),  # Zawgyi
    ("water-meaning", lambda d: with_(d, colour="red"), "colour"),
    ("water-meaning", lambda d: with_(d, tries=0), "tries"),
    ("water-meaning", lambda d: with_(d, thai="water"), "thai"),
    ("water-meaning", lambda d: with_(d, answer="z"), "answer"),
    ("water-meaning", lambda d: without(d, "answer"), "answer"),
    ("water-meaning", lambda d: with_(d, options=[{"id": "a", "text": "น้ำ"}]), "options"),
    ("water-meaning", lambda d: with_(d, options="a, b"), "options"),
    ("water-meaning", lambda d: d["options"][2].update(text="fire") or d, "options.2.text"),
    ("water-meaning", lambda d: d["options"][1].update(id="a") or d, "options.1.id"),
    ("water-meaning", lambda d: d["options"][0].pop("text") and d, "options.0.text"),
    ("water-meaning", lambda d: d["options"].append("d") or d, "options.3"),
    ("food-words", lambda d: with_(d, answer=["a", "x"]), "answer.1"),
    ("food-words", lambda d: with_(d, answer=["a", "a"]), "answer.1"),
    ("type-thank-you", lambda d: with_(d, answer="thank you"), "answer"),
    ("type-thank-you", lambda d: with_(d, accept=["ขอบคุณ", 5]), "accept.1"),
    ("greetings-match", lambda d: with_(d, answer={"hello": "m1", "thanks": "m2"}), "answer.sorry"),
    ("greetings-match", lambda d: d["answer"].update(hi="m4") or d, "answer.hi"),
    ("greetings-match", lambda d: d["answer"].update(sorry="m9") or d, "answer.sorry"),
    ("greetings-match", lambda d: d["answer"].update(sorry="m1") or d, "answer.sorry"),
    ("work-today", lambda d: with_(d, answer=["t2", "t9"]), "answer.1"),
    ("work-today", lambda d: with_(d, accept=[["t1"]]), "accept.0"),
    ("work-today", lambda d: d["tiles"][0].update(text={"en": "today"}) or d, "tiles.0.text"),
    ("hear-rice", lambda d: without(d, "audio"), "audio"),
    ("hear-rice", lambda d: with_(d, accept=["ข้าว"]), "accept"),
    ("tone-horse", lambda d: with_(d, answer="rising-falling"), "answer"),
    ("tone-horse", lambda d: without(d, "thai"), "thai"),
    ("meet-malee", lambda d: d["lines"][1].update(text="{you}ชื่อมาลีค่ะ") or d, "lines.1.text"),
    ("meet-malee", lambda d: d["gaps"].append({"id": "x", "answer": "ไป"}) or d, "gaps.2.id"),
    ("meet-malee", lambda d: d["gaps"][1].update(answer="c") or d, "gaps.1.answer"),
    ("meet-malee", lambda d: d["gaps"][0].pop("answer") and d, "gaps.0.answer"),
    ("find-cat", lambda d: d["options"][1].pop("image") and d, "options.1.image"),
    ("greet-checkpoint", lambda d: with_(d, at=-1), "at"),
    ("greet-checkpoint", lambda d: with_(d, at="0:42"), "at"),
    ("greet-checkpoint", lambda d: without(d, "media"), "media"),
    ("greet-checkpoint", lambda d: d["question"].update(answer="q") or d, "question.answer"),
    (
        "greet-checkpoint",
        lambda d: d["question"]["options"][1].pop("id") and d,
        "question.options.1.id",
    ),
    ("greet-checkpoint", lambda d: d["question"].update(type="tone") or d, "question.type"),
]


@pytest.mark.parametrize(("example", "breaks", "field"), CASES)
def test_each_problem_names_its_field(spec, example, breaks, field):
    bad = breaks(spec(example))
    with pytest.raises(SpecError) as caught:
        from_spec(bad)
    assert caught.value.field == field
    assert caught.value.message
    assert field in str(caught.value)
    assert caught.value in check_spec(bad)


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"id": "x"}, "type"),
        ({"id": "x", "type": "essay"}, "type"),
        ({"id": "x", "type": ["single_choice"]}, "type"),
        ("single_choice", ""),
        (None, ""),
    ],
)
def test_unknown_type_or_not_a_mapping(bad, field):
    with pytest.raises(SpecError) as caught:
        from_spec(bad)
    assert caught.value.field == field


def test_check_spec_returns_every_problem_and_from_spec_raises_the_first(spec):
    bad = spec("water-meaning")
    bad["id"] = "Bad Id"
    bad["options"][2]["text"] = "fire"
    bad["answer"] = "z"
    problems = check_spec(bad)
    assert [p.field for p in problems] == ["id", "options.2.text", "answer"]
    with pytest.raises(SpecError) as caught:
        from_spec(bad)
    assert caught.value == problems[0]


def test_a_good_spec_has_no_problems(spec):
    assert check_spec(spec("meet-malee")) == []


@pytest.mark.parametrize(
    ("example", "breaks", "field"),
    [
        ("greet-checkpoint", lambda d: with_(d, at=float("nan")), "at"),
        ("greet-checkpoint", lambda d: with_(d, at=True), "at"),
        ("meet-malee", lambda d: d["lines"].append("B: ค่ะ") or d, "lines.3"),
        ("meet-malee", lambda d: d["gaps"].append(["x"]) or d, "gaps.2"),
        ("water-meaning", lambda d: d["options"].__setitem__(1, "ข้าว") or d, "options.1"),
    ],
)
def test_wrong_shapes_are_reported_once_at_their_place(spec, example, breaks, field):
    problems = check_spec(breaks(spec(example)))
    assert [p.field for p in problems] == [field]


FIELDS = [
    "id",
    "type",
    "prompt",
    "hint",
    "tries",
    "audio",
    "options",
    "answer",
    "accept",
    "pron",
    "thai",
    "lines",
    "gaps",
    "tiles",
    "left",
    "right",
    "question",
    "at",
    "media",
    "text",
    "speaker",
    "image",
    "en",
    "my",
]
junk = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=6),
        st.sampled_from(["a", "b", "น้ำ", "high", "ေက်ာင္းသား", "{g}", "ข{a}"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6),
    ),
    max_leaves=20,
)


@settings(max_examples=100, deadline=None)
@given(kind=st.sampled_from(sorted(TYPES)), body=st.dictionaries(st.sampled_from(FIELDS), junk))
def test_check_spec_never_raises_on_junk(kind, body):
    data = {**body, "type": kind}
    problems = check_spec(data)
    assert all(isinstance(p, SpecError) and isinstance(p.field, str) for p in problems)
    if not problems:
        from_spec(data).grade("a")
