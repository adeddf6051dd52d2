"""Spaced review on the web: words met become cards, due cards are asked, answers reschedule."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from learn.catalog import catalog
from learn.extensions import db
from learn.models import ReviewCard, ReviewLog, User
from learn.review import question_for

VIDEO = "/courses/mini/lessons/hello/steps/hello-video"


@pytest.fixture
def met_words(client, auth):
    """A learner who finished the first step of lesson 'hello' (two words met)."""
    auth.register(login="aung")
    client.submit(f"{VIDEO}/done", {"uuid": str(uuid.uuid4())}, page=VIDEO)
    return client


def _cards(app):
    with app.app_context():
        return db.session.scalars(select(ReviewCard).order_by(ReviewCard.id)).all()


def _answer(client, html: str, right: bool, app):
    card_id = re.search(r'action="/review/(\d+)"', html).group(1)
    with app.app_context():
        card = db.session.get(ReviewCard, int(card_id))
        question = question_for(catalog().get("mini"), card)
    data = {
        "uuid": re.search(r'name="uuid" value="([^"]+)"', html).group(1),
        "shown_at": re.search(r'name="shown_at" value="([^"]+)"', html).group(1),
    }
    if question.form == "type":
        data["text"] = question.item.thai if right else "กขค"
    else:
        wrong = next(o.id for o in question.options if o.id != question.item.id)
        data["choice"] = question.item.id if right else wrong
    return client.post(f"/review/{card_id}", data={**data, "csrf_token": _token(html)}), data


def _token(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_finishing_a_step_meets_the_lessons_words(app, met_words):
    cards = _cards(app)
    assert sorted(c.item_id for c in cards) == ["khrap", "sawatdii"]
    assert "2 words to review today" in met_words.get("/").get_data(as_text=True)


def test_a_right_answer_sends_the_word_into_the_future(app, met_words):
    html = met_words.get("/review").get_data(as_text=True)
    response, _ = _answer(met_words, html, True, app)
    assert "Correct!" in response.get_data(as_text=True)
    due = [c.due.replace(tzinfo=c.due.tzinfo or UTC) for c in _cards(app)]
    assert sum(d > datetime.now(UTC) + timedelta(minutes=1) for d in due) == 1


def test_the_same_review_sent_twice_counts_once(app, met_words):
    html = met_words.get("/review").get_data(as_text=True)
    _, data = _answer(met_words, html, False, app)
    card_id = re.search(r'action="/review/(\d+)"', html).group(1)
    met_words.post(f"/review/{card_id}", data={**data, "csrf_token": _token(html)})
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1


def test_when_nothing_is_due_the_page_says_so(app, met_words):
    for _ in range(10):
        html = met_words.get("/review").get_data(as_text=True)
        if "No words to review now." in html:
            break
        _answer(met_words, html, True, app)
    assert "No words to review now." in html


def test_another_learners_card_is_not_found(app, met_words, auth):
    card_id = _cards(app)[0].id
    auth.logout()
    auth.register(login="other")
    html = met_words.get("/").get_data(as_text=True)
    response = met_words.post(
        f"/review/{card_id}",
        data={
            "uuid": str(uuid.uuid4()),
            "shown_at": "0",
            "choice": "x",
            "csrf_token": _token(html),
        },
    )
    assert response.status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 2
