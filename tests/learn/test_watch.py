"""Watch progress: resume where you stopped, saved idempotently, the step done at 90 %."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from learn.extensions import db
from learn.models import StepLog, WatchProgress
from learn.watching import BadReport, clip_of, merge, read_report, seen_in
from lessons import VideoStep

STEP = "/courses/mini/lessons/hello/steps/hello-video"


@pytest.fixture
def learner(auth):
    auth.register(login="aung", language="my")
    return auth


def _report(client, position, played, duration=14.0):
    html = client.get(STEP).get_data(as_text=True)
    token = html.split('data-csrf="', 1)[1].split('"', 1)[0]
    return client.post(
        f"{STEP}/watch",
        data=json.dumps({"position": position, "duration": duration, "played": played}),
        headers={"Content-Type": "application/json", "X-CSRFToken": token},
    )


def test_position_is_saved_and_the_page_resumes_there(client, learner):
    assert _report(client, 6.5, [[0, 6.5]]).json == {"done": False}
    html = client.get(STEP).get_data(as_text=True)
    assert 'data-resume="6.5"' in html
    assert "46%" in html  # 6.5 of 14 seconds seen


def test_the_same_report_twice_counts_once(app, client, learner):
    for _ in range(2):
        _report(client, 8.0, [[0, 8.0]])
    with app.app_context():
        progress = db.session.scalar(select(WatchProgress))
        assert progress.watched == pytest.approx(8.0)


def test_ninety_percent_seen_across_visits_finishes_the_step(app, client, learner):
    assert _report(client, 7.0, [[0, 7.0]]).json == {"done": False}
    assert _report(client, 12.7, [[7.0, 12.7]]).json == {"done": True}  # 12.7 of 14 = 91 %
    _report(client, 13.0, [[12.7, 13.0]])
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(StepLog)) == 1
    assert client.get("/courses/mini/lessons/hello").headers["Location"].endswith("hello-dialogue")


def test_seeking_past_most_of_the_video_does_not_finish_it(client, learner):
    assert _report(client, 13.5, [[0, 1], [13, 13.5]]).json == {"done": False}


def test_a_report_without_csrf_token_is_refused(client, learner):
    response = client.post(f"{STEP}/watch", json={"position": 1, "duration": 14, "played": []})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "report, message",
    [
        ([], "JSON object"),
        ({"position": 1, "duration": "x", "played": []}, "duration must be a number"),
        ({"position": -1, "duration": 14, "played": []}, "position must not be negative"),
        ({"position": 1, "duration": 14, "played": [[5, 2]]}, "played[0] is outside"),
        ({"position": 1, "duration": 14, "played": [[0, 99]]}, "played[0] is outside"),
        ({"position": 1, "duration": 14, "played": "all"}, "played must be a list"),
        ({"position": 1, "duration": float("nan"), "played": []}, "duration must be a number"),
    ],
)
def test_malformed_reports_name_what_is_wrong(report, message):
    with pytest.raises(BadReport, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_report(report)


@pytest.mark.parametrize(
    "ranges, merged",
    [
        ([[0, 5], [4, 8]], [[0.0, 8.0]]),
        ([[6, 8], [0, 2]], [[0.0, 2.0], [6.0, 8.0]]),
        ([[0, 2], [2.3, 4]], [[0.0, 4.0]]),
        ([], []),
    ],
)
def test_merge(ranges, merged):
    assert merge(ranges) == merged


def test_only_the_clip_counts():
    step = VideoStep(id="v", media="m", start=10, end=20)
    clip = clip_of(step, 60)
    assert clip == (10, 20)
    assert seen_in([[0, 15]], clip) == 5
