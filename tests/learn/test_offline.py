"""Lessons done offline: the manifest and the service worker, a lesson's offline package, the
pages shown offline, and `/sync`, which stores what a phone kept exactly once, for its owner."""

from __future__ import annotations

import re
import shutil
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from babel.support import Translations
from sqlalchemy import func, select

from learn.extensions import db
from learn.learner.sync import MAX_RECORDS
from learn.models import AttemptLog, LessonSummary, ReviewCard, StepLog
from media_index import Manifest
from media_index.model import Rendition

ROOT = Path(__file__).resolve().parents[2]
MY = Translations.load(str(ROOT / "learn" / "translations"), ["my"], "messages")
LESSON = "/courses/mini/lessons/hello"
PRACTICE = f"{LESSON}/steps/hello-practice"
PACKAGE = f"{LESSON}/offline.json"
WORDS = {"sawatdii", "khrap"}  # the vocabulary of lesson "hello"


@pytest.fixture
def learner(auth):
    auth.register(login="aung", language="en")
    return auth


def page_meta(client, name: str, page: str = "/") -> str:
    """A <meta> of a page as offline.js reads it (the learner's id, the CSRF token)."""
    html = client.get(page).get_data(as_text=True)
    found = re.search(rf'<meta name="{name}" content="([^"]+)">', html)
    assert found, f"no meta {name} on {page}"
    return found.group(1)


def answer(user: str, exercise: str, choice: str, step: str = "hello-practice", **extra) -> dict:
    """A queued answer as the service worker keeps it: the form's fields and UUID."""
    record_uuid = str(uuid.uuid4())
    fields = {"uuid": [record_uuid], "exercise": [exercise], "hinted": ["0"], "choice": [choice]}
    record = dict(uuid=record_uuid, user=user, kind="answer", course="mini", lesson="hello")
    return {**record, "step": step, "exercise": exercise, "fields": fields, "at": 1, **extra}


def finished(user: str, step: str) -> dict:
    return dict(uuid=str(uuid.uuid4()), user=user, kind="step", course="mini", lesson="hello",
                step=step, at=2)  # fmt: skip


def watched(user: str, seconds: float) -> dict:
    report = {"position": seconds, "duration": 14.0, "played": [[0, seconds]]}
    return dict(uuid=str(uuid.uuid4()), user=user, kind="watch", course="mini", lesson="hello",
                step="hello-video", report=report, at=0)  # fmt: skip


def sync(client, records, token: str | None = None):
    token = page_meta(client, "csrf-token") if token is None else token
    return client.post("/sync", json={"records": records}, headers={"X-CSRFToken": token})


def count(app, model, **where) -> int:
    with app.app_context():
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return db.session.scalar(query)


# The manifest and the service worker


def test_the_manifest_names_the_app_in_the_learners_language(client, auth):
    auth.register(login="thida", language="my")
    assert 'rel="manifest" href="/manifest.webmanifest"' in client.get("/").text
    response = client.get("/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    manifest = response.get_json(force=True)
    assert manifest["name"] == MY.gettext("Rian Thai: learn Thai") != "Rian Thai: learn Thai"
    assert manifest["short_name"] == MY.gettext("Learn Thai")
    assert manifest["lang"] == "my"
    assert [manifest[key] for key in ("start_url", "scope", "display")] == ["/", "/", "standalone"]
    css = (ROOT / "learn" / "static" / "css" / "app.css").read_text(encoding="utf-8")
    assert f"--brand: {manifest['theme_color']};" in css
    [icon] = manifest["icons"]
    assert icon["type"] == "image/svg+xml" and icon["sizes"] == "any"
    with client.get(icon["src"]) as svg:
        assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"


def test_the_service_worker_comes_from_the_root_and_is_always_revalidated(client):
    with client.get("/sw.js") as response:
        assert response.status_code == 200
        assert response.mimetype == "text/javascript"
        assert response.cache_control.no_cache
        assert not response.cache_control.max_age
        assert 'addEventListener("fetch"' in response.get_data(as_text=True)
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        etag = response.headers["ETag"]
    with client.get("/sw.js", headers={"If-None-Match": etag}) as response:
        assert response.status_code == 304  # a phone checks for a new worker for a few bytes


def test_every_page_registers_the_worker_and_only_a_learners_page_names_them(client, learner):
    html = client.get("/courses/mini").text
    assert re.search(r'<script src="/static/js/offline\.js\?v=\w+" defer>', html)
    assert re.search(r'<meta name="rianthai-user" content="\d+">', html)
    learner.logout()
    html = client.get("/courses/mini").text
    assert "js/offline.js" in html
    assert "rianthai-user" not in html and "csrf-token" not in html
    assert "offline-save" not in html  # nothing to save for a visitor


# The offline package


def test_the_package_lists_a_page_for_every_exercise_and_every_file(client, learner):
    package = client.get(PACKAGE).get_json()
    assert package["cache"] == f"rianthai-lesson-{page_meta(client, 'rianthai-user')}-mini-hello"
    pages = {step["id"]: [p["exercise"] for p in step["pages"]] for step in package["steps"]}
    assert pages == {
        "hello-video": [None],
        "hello-dialogue": [None],
        "hello-practice": ["hello-meaning", "hello-polite"],
        "hello-review": [None],
    }
    urls = package["urls"]
    assert f"{PRACTICE}?exercise=hello-polite" in urls
    assert f"{PRACTICE}/saved?exercise=hello-polite" in urls
    assert {"/courses/mini", "/offline", f"{LESSON}/steps/hello-review/saved"} <= set(urls)
    assert {"/media/mini-hello/original", "/media/mini-sawatdii/original"} <= set(urls)
    captions = {url for url in urls if "/captions/" in url}
    assert captions == {f"/media/mini-hello/captions/{lang}.vtt" for lang in ("en", "th")}
    assert any(url.startswith("/static/js/player.js?v=") for url in urls)
    assert package["sizes"]["/media/mini-hello/original"] > 0
    for url in urls:  # what the phone downloads: every URL answers, none redirects
        with client.get(url) as response:
            assert response.status_code == 200, url


def test_a_saved_exercise_page_shows_its_exercise_even_once_the_step_is_done(client, learner):
    user = page_meta(client, "rianthai-user")
    sync(client, [answer(user, "hello-meaning", "hello"), answer(user, "hello-polite", "kha")])
    assert client.get(PRACTICE).status_code == 302  # done: the player moves on, as before
    html = client.get(f"{PRACTICE}?exercise=hello-polite").text
    assert re.search(r'name="exercise" value="hello-polite"', html)
    # An id the step does not have is ignored, as any other unknown argument.
    assert client.get(f"{PRACTICE}?exercise=thanks-meaning").status_code == 302


@pytest.fixture
def renditions(app, media_library, tmp_path):
    """The media library with a 240p and a 360p rendition of the lesson's video."""
    folder = tmp_path / "media"
    shutil.copytree(media_library, folder)
    manifest = Manifest.load(folder)
    video = manifest.get("mini-hello")
    made = {}
    for name, height, size in (("240p", 240, 20_000), ("360p", 360, 30_000)):
        path = f".renditions/mini-hello/{name}.mp4"
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(folder / video.path, folder / path)
        made[name] = Rendition(name, path, size, height * 16 // 9, height)
    manifest.with_item(replace(video, renditions=made)).save()
    app.config["MEDIA_ROOT"] = str(folder)
    return made


@pytest.mark.parametrize(("save_data", "rendition"), [("on", "240p"), ("off", "360p")])
def test_the_package_has_the_rendition_the_phone_plays(client, learner, renditions, save_data,
                                                       rendition):  # fmt: skip
    headers = {"Save-Data": save_data}
    urls = client.get(PACKAGE, headers=headers).get_json()["urls"]
    videos = [u for u in urls if u.startswith("/media/mini-hello/") and "/captions/" not in u]
    assert videos == [f"/media/mini-hello/{rendition}", "/media/mini-hello/thumbnail.jpg"]
    page = client.get(f"{LESSON}/steps/hello-video", headers=headers).text
    assert f'<source src="/media/mini-hello/{rendition}">' in page


def test_no_package_for_visitors_unknown_or_locked_lessons(client, auth):
    response = client.get(PACKAGE)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    auth.register(login="aung")
    assert client.get("/courses/mini/lessons/nope/offline.json").status_code == 404
    assert client.get("/courses/nope/lessons/hello/offline.json").status_code == 404
    locked = client.get("/courses/mini/lessons/thanks/offline.json")
    assert locked.status_code == 409
    assert locked.get_json()["error"] == "Finish the lessons before this one first."


@pytest.mark.parametrize(
    ("saved", "next_url"),
    [
        (f"{LESSON}/steps/hello-video/saved", f"{LESSON}/steps/hello-dialogue"),
        (f"{PRACTICE}/saved?exercise=hello-meaning", f"{PRACTICE}?exercise=hello-polite"),
        (f"{PRACTICE}/saved?exercise=hello-polite", f"{LESSON}/steps/hello-review"),
        (f"{LESSON}/steps/hello-review/saved", "/courses/mini"),
    ],
)
def test_the_saved_page_goes_on_to_the_next_page_in_order(client, auth, saved, next_url):
    auth.register(login="thida", language="my")
    html = client.get(saved).text
    assert MY.gettext("Saved on your phone") in html
    said = "It will be checked when you are online." if "exercise=" in saved else (
        "It will be sent when you are online.")  # fmt: skip
    assert MY.gettext(said) in html
    assert f'class="button primary" href="{next_url}"' in html


def test_a_saved_page_for_an_exercise_the_step_has_not_is_404(client, learner):
    assert client.get(f"{PRACTICE}/saved?exercise=nope").status_code == 404
    assert client.get(f"{PRACTICE}/saved").status_code == 404  # an exercise step's pages name one


def test_the_offline_page_says_what_still_works(client):
    html = client.get("/offline", headers={"Accept-Language": "my"}).text
    assert MY.gettext("You are offline") in html


# /sync


def test_a_batch_is_stored_once_however_often_it_is_sent(app, client, learner):
    user = page_meta(client, "rianthai-user")
    batch = [
        watched(user, 13.5),
        finished(user, "hello-dialogue"),
        answer(user, "hello-meaning", "thanks"),
        answer(user, "hello-meaning", "hello"),
        answer(user, "hello-check", "a", step="hello-video"),
    ]
    first = sync(client, batch)
    assert first.status_code == 200
    assert [r["status"] for r in first.json["results"]] == ["stored"] * 5
    assert [r["uuid"] for r in first.json["results"]] == [r["uuid"] for r in batch]
    assert [r.get("correct") for r in first.json["results"]] == [None, None, False, True, True]
    assert first.json["message"] == "Sent from your phone: 3 answers, 2 right."
    again = sync(client, batch)  # the phone never heard the answer: it sends the batch again
    assert [r["status"] for r in again.json["results"]] == ["stored", *["duplicate"] * 4]
    assert count(app, AttemptLog) == 3
    assert count(app, StepLog, step_id="hello-dialogue") == 1
    assert count(app, StepLog, step_id="hello-video") == 1  # 13.5 of 14 s seen


def test_the_server_grades_and_ignores_what_the_phone_says(app, client, learner):
    user = page_meta(client, "rianthai-user")
    record = answer(user, "hello-meaning", "thanks", correct=True, score=1.0)
    assert sync(client, [record]).json["results"][0]["correct"] is False
    with app.app_context():
        stored = db.session.scalars(select(AttemptLog)).one()
        assert (stored.correct, stored.answer) == (False, "thanks")
        assert str(stored.uuid) == record["uuid"]


def test_bad_records_are_refused_with_reasons_and_the_rest_stored(app, client, learner):
    user = page_meta(client, "rianthai-user")
    good = answer(user, "hello-meaning", "hello")
    bad = [
        ({**good, "uuid": str(uuid.uuid4()), "course": "nope"}, "unknown_course", ".course"),
        ({**good, "uuid": str(uuid.uuid4()), "lesson": "nope"}, "unknown_lesson", ".lesson"),
        ({**good, "uuid": str(uuid.uuid4()), "step": "nope"}, "unknown_step", ".step"),
        ({**good, "uuid": str(uuid.uuid4()), "exercise": "thanks-meaning"}, "unknown_exercise",
         ".exercise"),
        ({**good, "uuid": "not-a-uuid"}, "malformed", ".uuid"),
        ({**good, "uuid": str(uuid.uuid4()), "kind": "cheat"}, "malformed", ".kind"),
        ({**good, "uuid": str(uuid.uuid4()), "fields": {"choice": [1]}}, "malformed", ".fields"),
        ({**watched(user, 3), "report": {"position": -1}}, "malformed", ".report"),
        ({**finished(user, "hello-dialogue"), "user": "999999"}, "other_user", ".user"),
        ("not a record", "malformed", " must be an object"),
    ]  # fmt: skip
    response = sync(client, [good, *(record for record, _, _ in bad)])
    results = response.json["results"]
    assert results[0]["status"] == "stored"
    for index, (result, (_, reason, where)) in enumerate(zip(results[1:], bad, strict=True), 1):
        assert (result["status"], result["reason"]) == ("refused", reason), result
        assert result["detail"].startswith(f"records[{index}]") and where in result["detail"]
    assert response.json["message"].endswith(f"{len(bad)} could not be used.")
    assert count(app, AttemptLog) == 1
    assert count(app, StepLog) == 0


def test_a_batch_needs_the_csrf_token_of_the_session(app, client, learner):
    user = page_meta(client, "rianthai-user")
    response = sync(client, [answer(user, "hello-meaning", "hello")], token="stale")
    assert response.status_code == 400
    assert count(app, AttemptLog) == 0


def test_records_count_only_for_the_learner_logged_in(app, client, auth):
    auth.register(login="first")
    first = page_meta(client, "rianthai-user")
    auth.logout()
    auth.register(login="second")
    second = page_meta(client, "rianthai-user")
    results = sync(client, [answer(first, "hello-meaning", "hello"),
                            answer(second, "hello-polite", "kha")]).json["results"]  # fmt: skip
    assert [r["status"] for r in results] == ["refused", "stored"]
    assert count(app, AttemptLog, user_id=int(second)) == 1
    assert count(app, AttemptLog, user_id=int(first)) == 0


def test_a_lesson_done_offline_counts_in_the_summary_the_map_and_the_review(app, client, learner):
    user = page_meta(client, "rianthai-user")
    batch = [
        watched(user, 14),
        answer(user, "hello-check", "a", step="hello-video"),
        finished(user, "hello-dialogue"),
        answer(user, "hello-meaning", "hello"),
        answer(user, "hello-polite", "kha"),
        finished(user, "hello-review"),
    ]
    assert sync(client, batch).status_code == 200
    with app.app_context():
        summary = db.session.scalars(select(LessonSummary)).one()
        assert (summary.lesson_id, summary.progress, summary.best_score) == ("hello", 1.0, 1.0)
        cards = set(db.session.scalars(select(ReviewCard.item_id)))
        assert cards >= WORDS
    html = client.get("/courses/mini").text
    assert 'class="lesson lesson-done"' in html
    assert 'class="lesson lesson-available"' in html  # the next lesson is open
    assert client.get(LESSON).headers["Location"] == f"{LESSON}/result"


def test_a_batch_has_a_size_limit_and_a_shape(app, client, learner):
    user = page_meta(client, "rianthai-user")
    many = [answer(user, "hello-meaning", "hello") for _ in range(MAX_RECORDS + 1)]
    too_many = sync(client, many)
    assert too_many.status_code == 413
    assert too_many.json["error"] == f"at most {MAX_RECORDS} records per request, not 101"
    token = page_meta(client, "csrf-token")
    for body in ({"records": "all"}, [], {"answers": []}):
        response = client.post("/sync", json=body, headers={"X-CSRFToken": token})
        assert response.status_code == 400
        assert "'records'" in response.json["error"]
    assert count(app, AttemptLog) == 0
