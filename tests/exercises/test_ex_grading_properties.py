"""For every type: grade never raises, stays in [0, 1], is deterministic, and the answer key's
own answer grades correct."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import exercises

ids = st.sampled_from(["a", "b", "c", "d", "t1", "t2", "t3", "t4", "m1", "me", "polite", "hello"])
thai = st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), max_size=12)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    ids,
    thai,
    st.binary(max_size=8),
)
responses = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.tuples(inner, inner),
        st.frozensets(ids),
        st.dictionaries(st.one_of(ids, st.integers(), st.text(max_size=5)), inner, max_size=5),
    ),
    max_leaves=12,
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(response=responses, data=st.data())
def test_grade_never_raises_and_scores_in_range(doc_specs, response, data):
    ident = data.draw(st.sampled_from(sorted(doc_specs)))
    exercise = exercises.from_spec(doc_specs[ident])
    result = exercise.grade(response)
    assert isinstance(result, exercises.Result)
    assert 0.0 <= result.score <= 1.0
    assert result.correct == (result.score == 1.0)
    assert all(f.code.value in exercises.CODES for f in result.feedback)
    assert all(isinstance(v, str | int) for f in result.feedback for v in f.data.values())
    assert exercise.grade(response) == result  # deterministic
    json.dumps(result.to_dict())  # storable as it is


def right_response(exercise):
    """The response that the answer key describes."""
    key = exercise.answer_key()
    match exercise.type:
        case "multiple_select" | "word_order":
            return [k.ref for k in key]
        case "matching":
            return {k.ref: k.match.ref for k in key}
        case "gap_fill":
            return {
                gap.id: (gap.answer if gap.options else gap.accepted[0]) for gap in exercise.gaps
            }
        case "tone":
            return key[0].tone
        case "typed_answer":
            return key[0].text
        case "listening" if exercise.typed:
            return key[0].text
        case _:
            return key[0].ref


def test_every_example_is_answered_right_by_its_answer_key(doc_specs):
    for ident, spec in doc_specs.items():
        exercise = exercises.from_spec(spec)
        result = exercise.grade(right_response(exercise))
        assert (result.correct, result.score, result.outcome) == (True, 1.0, "correct"), ident


def test_every_answer_key_is_json_able(doc_specs):
    for spec in doc_specs.values():
        for part in exercises.from_spec(spec).answer_key():
            assert json.loads(json.dumps(part.to_dict()))["ref"] == part.ref
