"""Spaced review of vocabulary with FSRS: cards, ratings from graded answers, due cards.

Pure functions over immutable `ReviewCard`s: the time is always passed in (`now` defaults to the
current time only for callers that do not care), and scheduling is deterministic (FSRS's random
fuzzing of intervals is off), so the same history always gives the same schedule. The web layer
stores `card.to_dict()` in a JSON column and logs each review itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from exercises.feedback import Result

# Deterministic: the same reviews at the same times give the same due dates, on every server.
SCHEDULER = Scheduler(enable_fuzzing=False)
FORMAT = 1  # version of the dict written by `ReviewCard.to_dict`

# A right answer given this fast (in seconds) counts as easy: the word is well known.
FAST_SECONDS = 5.0

_STATES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}
_STATE_OF = {name: state for state, name in _STATES.items()}


def _utc(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {moment.isoformat()}")
    return moment.astimezone(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewCard:
    """One learner's review state for one vocabulary item (`item`, its stable id)."""

    item: str
    state: str = "learning"  # learning, review or relearning
    step: int | None = 0  # learning step, while learning or relearning
    stability: float | None = None  # FSRS: days for recall probability to fall to 90 %
    difficulty: float | None = None  # FSRS: 1 (easy) to 10 (hard)
    due: datetime
    last_review: datetime | None = None
    reviews: int = 0
    lapses: int = 0  # times a card in review was forgotten

    @property
    def interval(self) -> timedelta:
        """Time from the last review to the next one (zero before the first review)."""
        return self.due - self.last_review if self.last_review else timedelta(0)

    def is_due(self, now: datetime) -> bool:
        return self.due <= _utc(now, "now")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict of the card (datetimes as ISO 8601 strings in UTC)."""
        return {
            "format": FORMAT,
            "item": self.item,
            "state": self.state,
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": self.due.isoformat(),
            "last_review": self.last_review.isoformat() if self.last_review else None,
            "reviews": self.reviews,
            "lapses": self.lapses,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewCard:
        """The card that `to_dict` wrote; raises ValueError naming a missing or bad key."""
        try:
            if data.get("format", FORMAT) != FORMAT:
                raise ValueError(f"unknown review card format {data.get('format')!r}")
            if data["state"] not in _STATE_OF:
                raise ValueError(f"unknown state {data['state']!r}")
            last = data.get("last_review")
            return cls(
                item=str(data["item"]),
                state=data["state"],
                step=None if data.get("step") is None else int(data["step"]),
                stability=None if data.get("stability") is None else float(data["stability"]),
                difficulty=None if data.get("difficulty") is None else float(data["difficulty"]),
                due=_utc(datetime.fromisoformat(data["due"]), "due"),
                last_review=_utc(datetime.fromisoformat(last), "last_review") if last else None,
                reviews=int(data.get("reviews", 0)),
                lapses=int(data.get("lapses", 0)),
            )
        except KeyError as missing:
            raise ValueError(f"review card dict has no {missing.args[0]!r}") from None
        except TypeError as bad:
            raise ValueError(f"bad review card dict: {bad}") from None

    def _fsrs(self) -> Card:
        return Card(
            card_id=0,  # FSRS only copies the id into its logs; ours is `item`
            state=_STATE_OF[self.state],
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )


def new_card(item: str, now: datetime | None = None) -> ReviewCard:
    """A card for a vocabulary item the learner has just met, due at once."""
    now = _utc(now or datetime.now(UTC), "now")
    return ReviewCard(item=item, due=now)


def rating_for(result: Result, seconds: float | None = None) -> Rating:
    """The FSRS rating a graded answer earns: wrong -> Again, almost -> Hard, correct -> Good,
    correct within `FAST_SECONDS` -> Easy."""
    if result.correct:
        fast = seconds is not None and 0 <= seconds <= FAST_SECONDS
        return Rating.Easy if fast else Rating.Good
    return Rating.Hard if result.outcome == "almost" else Rating.Again


def review(
    card: ReviewCard,
    answer: Result | Rating,
    now: datetime | None = None,
    seconds: float | None = None,
    scheduler: Scheduler = SCHEDULER,
) -> ReviewCard:
    """The card after one review at `now`, rated from a graded answer (or a given rating)."""
    now = _utc(now or datetime.now(UTC), "now")
    rating = answer if isinstance(answer, Rating) else rating_for(answer, seconds)
    duration = None if seconds is None else max(0, int(seconds * 1000))
    updated, _ = scheduler.review_card(card._fsrs(), rating, now, duration)
    lapsed = card.state == "review" and rating is Rating.Again
    return replace(
        card,
        state=_STATES[updated.state],
        step=updated.step,
        stability=updated.stability,
        difficulty=updated.difficulty,
        due=updated.due,
        last_review=updated.last_review,
        reviews=card.reviews + 1,
        lapses=card.lapses + lapsed,
    )


def due_cards(
    cards: Iterable[ReviewCard], now: datetime | None = None, limit: int | None = None
) -> list[ReviewCard]:
    """The cards due at `now`, most overdue first (ties by item id), at most `limit`."""
    now = _utc(now or datetime.now(UTC), "now")
    due = sorted((c for c in cards if c.due <= now), key=lambda c: (c.due, c.item))
    return due if limit is None else due[: max(0, limit)]


def retrievability(card: ReviewCard, now: datetime | None = None) -> float:
    """FSRS's estimate of the probability that the learner recalls the item at `now`."""
    now = _utc(now or datetime.now(UTC), "now")
    return float(SCHEDULER.get_card_retrievability(card._fsrs(), now))
