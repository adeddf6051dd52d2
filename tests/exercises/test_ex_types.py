"""Each exercise type: right answers, wrong answers, partial credit and answer keys."""

import pytest

from exercises import Code, from_spec
from exercises.types import TONES


def codes(result):
    return [f.code for f in result.feedback]


def test_single_choice(build):
    ex = build("water-meaning")
    assert ex.grade("a").correct and ex.grade("a").score == 1.0
    wrong = ex.grade("b")
    assert (wrong.correct, wrong.score) == (False, 0.0)
    assert wrong.feedback[0].code is Code.WRONG_OPTION and wrong.feedback[0].data["option"] == "b"
    assert codes(ex.grade("zzz")) == [Code.UNKNOWN_OPTION]
    assert codes(ex.grade("")) == [Code.EMPTY]
    assert codes(ex.grade(["a"])) == [Code.MALFORMED]
    (key,) = ex.answer_key()
    assert (key.ref, key.text["en"]) == ("a", "water")
    assert ex.prompt["km"] == "តើពាក្យនេះមានន័យថាអ្វី?" and ex.hint is None
    assert (ex.thai, ex.pron, ex.audio, ex.tries) == ("น้ำ", "náam", "vocab-nam", 2)


def test_ids_from_yaml_numbers_and_json_numbers_are_strings(spec):
    data = spec("water-meaning")
    data["options"] = [{"id": 1, "text": "น้ำ"}, {"id": 2, "text": "ไฟ"}]
    data["answer"] = 1
    ex = from_spec(data)
    assert ex.grade("1").correct and ex.grade(1).correct and not ex.grade(True).correct


@pytest.mark.parametrize(
    ("picked", "score", "correct"),
    [
        (["a", "b", "d"], 1.0, True),
        (["d", "a", "b"], 1.0, True),
        (["a", "b"], 2 / 3, False),
        (["a"], 1 / 3, False),
        (["a", "b", "c"], 1 / 3, False),  # two right, one wrong
        (["a", "c"], 0.0, False),
        (["a", "b", "c", "d"], 2 / 3, False),  # everything: the wrong pick cancels one
        (["c"], 0.0, False),
    ],
)
def test_multiple_select_partial_credit(build, picked, score, correct):
    result = build("food-words").grade(picked)
    assert result.correct is correct
    assert result.score == pytest.approx(score)


def test_multiple_select_feedback_names_wrong_picks_and_counts_misses(build):
    result = build("food-words").grade(["a", "c"])
    assert result.feedback[0].code is Code.PARTLY_CORRECT
    assert dict(result.feedback[0].data) == {"right": 1, "total": 3}
    assert [dict(f.data) for f in result.feedback if f.code is Code.WRONG_OPTION] == [
        {"option": "c"}
    ]
    assert [dict(f.data) for f in result.feedback if f.code is Code.MISSED_OPTIONS] == [
        {"count": 2}
    ]
    assert codes(build("food-words").grade([])) == [Code.EMPTY]
    assert codes(build("food-words").grade("a")) == [Code.MALFORMED]
    assert {k.ref for k in build("food-words").answer_key()} == {"a", "b", "d"}


@pytest.mark.parametrize(
    ("typed", "correct", "score", "code"),
    [
        ("ขอบคุณครับ", True, 1.0, Code.CORRECT),
        ("ขอบคุณ", True, 1.0, Code.CORRECT),  # an accepted alternative
        ("  ขอบคุณ\u200bครับ ", True, 1.0, Code.CORRECT),
        ("ขอบคุณ ครับ", True, 1.0, Code.THAI_SPACING),
        ("ขอบคุณคับ", False, 0.5, Code.THAI_MISSING_CHARACTER),  # คับ for ครับ
        ("คอบคุณ", False, 0.5, Code.THAI_SAME_SOUND_CONSONANT),  # closest: ขอบคุณ
        ("ขอโทษครับ", False, 0.0, Code.THAI_WRONG),
        ("", False, 0.0, Code.EMPTY),
        ("\u200b ", False, 0.0, Code.EMPTY),
    ],
)
def test_typed_answer(build, typed, correct, score, code):
    result = build("type-thank-you").grade(typed)
    assert (result.correct, result.score) == (correct, score)
    assert code in codes(result)


def test_typed_answer_near_miss_says_where(build):
    ex = build("hear-water")
    result = ex.grade("นำ")
    assert result.outcome == "almost"
    assert dict(result.feedback[0].data) == {"position": 1, "expected": "น้", "typed": "น"}
    assert codes(ex.grade(42)) == [Code.MALFORMED]
    (key,) = ex.answer_key()
    assert (key.text, key.pron, key.audio) == ("น้ำ", "náam", "clip-nam")


def test_matching_credit_per_pair(build):
    ex = build("greetings-match")
    assert ex.grade({"hello": "m1", "thanks": "m2", "sorry": "m3"}).correct
    result = ex.grade({"hello": "m1", "thanks": "m3", "sorry": "m2"})
    assert (result.correct, result.score) == (False, pytest.approx(1 / 3))
    assert [dict(f.data) for f in result.feedback if f.code is Code.PAIR_WRONG] == [
        {"left": "thanks"},
        {"left": "sorry"},
    ]
    partial = ex.grade({"hello": "m1", "thanks": "m2"})
    assert partial.score == pytest.approx(2 / 3)
    assert Code.PAIR_MISSING in codes(partial)
    assert codes(ex.grade({})) == [Code.EMPTY]
    assert codes(ex.grade(["m1"])) == [Code.MALFORMED]
    key = ex.answer_key()
    assert [(k.ref, k.text, k.match.ref, k.match.text["en"]) for k in key][0] == (
        "hello",
        "สวัสดี",
        "m1",
        "hello",
    )


@pytest.mark.parametrize(
    ("order", "correct", "code"),
    [
        (["t2", "t3", "t1"], True, Code.CORRECT),
        (["t1", "t2", "t3"], True, Code.CORRECT),  # the accepted alternative
        (["t3", "t2", "t1"], False, Code.WRONG_ORDER),
        (["t2", "t4", "t3"], False, Code.WRONG_TILES),
        (["t2", "t3"], False, Code.WRONG_TILES),
        (["t2", "t2", "t3"], False, Code.MALFORMED),
        (["t9"], False, Code.UNKNOWN_OPTION),
        ([], False, Code.EMPTY),
        ("t2 t3 t1", False, Code.MALFORMED),
    ],
)
def test_word_order(build, order, correct, code):
    result = build("work-today").grade(order)
    assert result.correct is correct
    assert result.score == (1.0 if correct else 0.0)
    assert codes(result)[0] is code


def test_word_order_first_misplaced_position_and_key(build):
    ex = build("work-today")
    assert dict(ex.grade(["t2", "t1", "t3"]).feedback[0].data) == {"position": 2}
    assert "".join(k.text for k in ex.answer_key()) == "ฉันทำงานวันนี้"


def test_word_order_tiles_with_the_same_text_are_interchangeable(spec):
    data = spec("work-today")
    data["tiles"].append({"id": "t5", "text": "ฉัน"})
    ex = from_spec(data)
    assert ex.grade(["t5", "t3", "t1"]).correct


def test_listening_choice(build):
    ex = build("hear-rice")
    assert ex.grade("a").correct
    assert codes(ex.grade("b")) == [Code.WRONG_OPTION]
    assert ex.answer_key()[0].text == "ข้าว"


@pytest.mark.parametrize("tone", TONES)
def test_tone(build, tone):
    result = build("tone-horse").grade(tone)
    assert result.correct is (tone == "high")
    if tone != "high":
        assert dict(result.feedback[0].data) == {"chosen": tone}


def test_tone_odd_responses_and_key(build):
    ex = build("tone-horse")
    assert ex.grade(" High ").correct
    assert codes(ex.grade("loud")) == [Code.UNKNOWN_OPTION]
    assert codes(ex.grade(3)) == [Code.MALFORMED]
    (key,) = ex.answer_key()
    assert (key.text, key.pron, key.tone) == ("ม้า", "máa", "high")


def test_gap_fill_credit_per_gap(build):
    ex = build("meet-malee")
    assert [g.id for g in ex.gaps] == ["me", "polite"]
    assert ex.grade({"me": "ฉัน", "polite": "a"}).correct
    assert ex.grade({"me": "ดิฉัน", "polite": "a"}).correct
    half = ex.grade({"me": "ฉัน", "polite": "b"})
    assert (half.correct, half.score) == (False, 0.5)
    near = ex.grade({"me": "ฉน", "polite": "a"})  # missing vowel mark: a near miss
    assert near.score == pytest.approx(0.75)
    gap_codes = [(f.code, f.data.get("gap")) for f in near.feedback]
    assert (Code.GAP_WRONG, "me") in gap_codes and (Code.GAP_CORRECT, "polite") in gap_codes
    assert (Code.THAI_WRONG_VOWEL, "me") in gap_codes
    assert codes(ex.grade({})) == [Code.EMPTY]
    assert codes(ex.grade("ฉัน")) == [Code.MALFORMED]
    assert ex.grade({"me": ["x"], "polite": "a"}).score == 0.5
    assert [(k.ref, k.text) for k in ex.answer_key()] == [("me", "ฉัน"), ("polite", "ครับ")]


def test_picture_choice(build):
    ex = build("find-cat")
    assert ex.grade("a").correct and not ex.grade("b").correct
    (key,) = ex.answer_key()
    assert (key.ref, key.image, key.text, key.pron, key.audio) == (
        "a",
        "img-cat",
        "แมว",
        "maew",
        "vocab-maew",
    )


def test_video_checkpoint(build):
    ex = build("greet-checkpoint")
    assert (ex.media, ex.at, ex.tries) == ("greetings-01", 42.5, 1)
    assert ex.prompt["en"] == "Which word did she say?"  # taken from the question
    assert ex.grade("a").correct and not ex.grade("b").correct
    assert ex.answer_key()[0].text == "สวัสดี"


def test_exercises_are_immutable_and_hashable(build):
    import dataclasses

    ex = build("water-meaning")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ex.answer = "b"
    with pytest.raises(TypeError):
        ex.prompt["en"] = "changed"
    assert hash(ex) == hash(build("water-meaning"))


def test_gap_fill_line_may_be_all_gap_but_not_latin(spec):
    data = spec("meet-malee")
    data["lines"][1]["text"] = "{me}"
    assert from_spec(data).grade({"me": "ฉัน", "polite": "a"}).correct
    data["lines"][1]["text"] = "{me} name Malee"
    with pytest.raises(Exception, match="lines.1.text"):
        from_spec(data)
