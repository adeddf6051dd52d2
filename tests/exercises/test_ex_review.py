"""Spaced review: intervals grow with right answers, shrink after a lapse; cards round-trip."""

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fsrs import Rating

from exercises import Code, Feedback, Result
from exercises.review import ReviewCard, due_cards, new_card, rating_for, retrievability, review

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
RIGHT = Result(True, 1.0, (Feedback(Code.CORRECT),))
ALMOST = Result(False, 0.5, (Feedback(Code.THAI_MISSING_TONE_MARK),))
WRONG = Result(False, 0.0, (Feedback(Code.WRONG),))


def answered_on_time(card, answers):
    """Review `card` with each answer when it falls due; the cards after each review."""
    history = []
    for answer in answers:
        card = review(card, answer, now=max(card.due, T0))
        history.append(card)
    return history


@pytest.mark.parametrize(
    ("result", "seconds", "rating"),
    [
        (WRONG, None, Rating.Again),
        (ALMOST, None, Rating.Hard),
        (Result(False, 0.4), None, Rating.Again),
        (RIGHT, None, Rating.Good),
        (RIGHT, 12.0, Rating.Good),
        (RIGHT, 3.0, Rating.Easy),
        (WRONG, 1.0, Rating.Again),
    ],
)
def test_rating_from_a_graded_answer(result, seconds, rating):
    assert rating_for(result, seconds) is rating


def test_a_new_card_is_due_at_once():
    card = new_card("vocab.water", now=T0)
    assert (card.item, card.state, card.due, card.reviews) == ("vocab.water", "learning", T0, 0)
    assert due_cards([card], now=T0) == [card]


def test_intervals_grow_after_correct_reviews():
    history = answered_on_time(new_card("w", T0), [RIGHT] * 6)
    intervals = [c.interval for c in history]
    assert all(b > a for a, b in zip(intervals, intervals[1:], strict=False))
    assert history[-1].state == "review"
    assert intervals[-1] > timedelta(days=30)
    assert history[-1].reviews == 6 and history[-1].lapses == 0


def test_interval_shrinks_after_a_lapse_and_grows_again():
    learned = answered_on_time(new_card("w", T0), [RIGHT] * 4)[-1]
    lapsed = review(learned, WRONG, now=learned.due)
    assert lapsed.interval < learned.interval
    assert lapsed.interval < timedelta(days=1)
    assert (lapsed.state, lapsed.lapses) == ("relearning", 1)
    recovered = answered_on_time(lapsed, [RIGHT] * 3)
    assert recovered[-1].interval > lapsed.interval
    assert recovered[-1].stability < learned.stability * 3  # it remembers the lapse


def test_easy_and_hard_answers_space_differently():
    learned = answered_on_time(new_card("w", T0), [RIGHT] * 3)[-1]
    at = learned.due
    easy = review(learned, RIGHT, now=at, seconds=2)
    good = review(learned, RIGHT, now=at, seconds=20)
    hard = review(learned, ALMOST, now=at)
    assert easy.interval > good.interval > hard.interval


def test_scheduling_is_deterministic():
    a = answered_on_time(new_card("w", T0), [RIGHT, RIGHT, ALMOST, RIGHT, WRONG, RIGHT])
    b = answered_on_time(new_card("w", T0), [RIGHT, RIGHT, ALMOST, RIGHT, WRONG, RIGHT])
    assert a == b


def test_card_round_trips_through_json():
    card = answered_on_time(new_card("vocab.rice", T0), [RIGHT, RIGHT, WRONG])[-1]
    stored = json.loads(json.dumps(card.to_dict()))
    assert ReviewCard.from_dict(stored) == card
    fresh = new_card("vocab.new", T0)
    assert ReviewCard.from_dict(json.loads(json.dumps(fresh.to_dict()))) == fresh


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"due": None}, "bad review card"),
        ({"state": "sleeping"}, "unknown state"),
        ({"format": 99}, "format"),
    ],
)
def test_a_bad_stored_card_is_refused_with_a_reason(change, message):
    data = {**new_card("w", T0).to_dict(), **change}
    with pytest.raises(ValueError, match=message):
        ReviewCard.from_dict(data)
    with pytest.raises(ValueError, match="'item'"):
        ReviewCard.from_dict({k: v for k, v in new_card("w", T0).to_dict().items() if k != "item"})


def test_due_cards_most_overdue_first_with_a_limit():
    cards = [
        ReviewCard(item="c", due=T0 - timedelta(hours=1)),
        ReviewCard(item="a", due=T0 - timedelta(days=2)),
        ReviewCard(item="b", due=T0 + timedelta(minutes=1)),
        ReviewCard(item="d", due=T0 - timedelta(hours=1)),
    ]
    assert [c.item for c in due_cards(cards, now=T0)] == ["a", "c", "d"]
    assert [c.item for c in due_cards(cards, now=T0, limit=2)] == ["a", "c"]
    bangkok = timezone(timedelta(hours=7))
    assert [c.item for c in due_cards(cards, now=T0.astimezone(bangkok))] == ["a", "c", "d"]


def test_times_must_be_timezone_aware():
    with pytest.raises(ValueError, match="timezone-aware"):
        new_card("w", now=datetime(2026, 1, 1))


def test_retrievability_falls_with_time():
    card = answered_on_time(new_card("w", T0), [RIGHT] * 3)[-1]
    soon = retrievability(card, card.last_review + timedelta(hours=1))
    later = retrievability(card, card.due + timedelta(days=30))
    assert 0.0 <= later < soon <= 1.0
