"""The learner's path through a course: catalogue, map, player, answers stored exactly once."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import func, select

from learn.catalog import catalog
from learn.extensions import db
from learn.models import AttemptLog, LessonSummary, StepLog, User
from learn.progress import record_answer, record_step

LESSON = "/courses/mini/lessons/hello"


def _step_path(response) -> str:
    assert response.status_code == 302, response.status_code
    return response.headers["Location"]


def _form_values(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]+)"', html)


def walk_lesson(client, answer_right=True, limit=20) -> list[str]:
    """Go through a lesson as a learner does, answering every exercise; returns the pages seen."""
    seen = []
    for _ in range(limit):
        path = _step_path(client.get(LESSON))
        if path.endswith("/result"):
            return seen
        seen.append(path)
        html = client.get(path).get_data(as_text=True)
        if 'name="exercise"' in html and 'id="player"' not in html:
            choices = _form_values(html, "choice")
            pick = choices[0] if answer_right else choices[-1]
            exercise = _form_values(html, "exercise")[0]
            if exercise == "hello-polite" and answer_right:
                pick = "kha"
            if exercise == "hello-meaning" and answer_right:
                pick = "hello"
            response = client.submit(
                f"{path}/answer",
                {"exercise": exercise, "choice": pick, "uuid": str(uuid.uuid4())},
                page=path,
            )
            assert response.status_code == 200
        else:
            client.submit(f"{path}/done", {"uuid": str(uuid.uuid4())}, page=path)
    raise AssertionError(f"lesson never ended: {seen}")


@pytest.fixture
def learner(auth):
    auth.register(login="aung", language="en")
    return auth


def test_catalogue_lists_installed_courses(client):
    html = client.get("/courses").get_data(as_text=True)
    assert "First Thai" in html
    assert '<span class="thai big" lang="th">ภาษาไทยเบื้องต้น</span>' in html


def test_fresh_learner_map_first_lesson_available_second_locked(client, learner):
    html = client.get("/courses/mini").get_data(as_text=True)
    assert html.count('class="lesson lesson-available"') == 1
    assert html.count('class="lesson lesson-locked"') == 1
    assert client.get("/courses/mini/lessons/thanks").headers["Location"] == "/courses/mini"


def test_player_starts_with_the_video_and_its_captions(client, learner):
    path = _step_path(client.get(LESSON))
    assert path.endswith("/steps/hello-video")
    html = client.get(path).get_data(as_text=True)
    assert '<video id="player"' in html
    assert '<source src="/media/mini-hello/original">' in html
    assert 'data-clip-start="0.0" data-clip-end="14.0"' in html  # the clip ends with the video
    assert "/media/mini-hello/captions/en.vtt" in html
    assert "/media/mini-hello/captions/th.vtt" in html
    assert 'class="checkpoint" data-at="12.0"' in html
    assert "Step 1 of 4" in html


def test_save_data_plays_the_smallest_file_and_loads_nothing_before_play(client, learner):
    path = "/courses/mini/lessons/hello/steps/hello-video"
    html = client.get(path, headers={"Save-Data": "on"}).get_data(as_text=True)
    assert 'preload="none"' in html
    client.submit("/settings/save-data?next=" + path, {"save_data": "0"}, page=path)
    assert 'preload="metadata"' in client.get(path, headers={"Save-Data": "on"}).text


def test_completing_a_lesson_unlocks_the_next_and_home_offers_to_continue(client, learner):
    walk_lesson(client)
    result = client.get(f"{LESSON}/result").get_data(as_text=True)
    assert "Lesson finished!" in result and "Next: Thank you" in result
    html = client.get("/courses/mini").get_data(as_text=True)
    assert 'class="lesson lesson-done"' in html
    assert 'class="lesson lesson-available"' in html
    assert "Continue: Hello" in client.get("/").get_data(as_text=True)


def test_progress_survives_logging_out_and_in(client, learner):
    path = _step_path(client.get(LESSON))
    client.submit(f"{path}/done", {"uuid": str(uuid.uuid4())}, page=path)
    learner.logout()
    learner.login(login="aung")
    assert _step_path(client.get(LESSON)).endswith("/steps/hello-dialogue")


def test_wrong_answer_then_answer_key_after_the_last_try(client, learner):
    for step in ("hello-video", "hello-dialogue"):
        client.submit(
            f"{LESSON}/steps/{step}/done",
            {"uuid": str(uuid.uuid4())},
            page=f"{LESSON}/steps/{step}",
        )
    practice = f"{LESSON}/steps/hello-practice"
    first = client.submit(
        f"{practice}/answer",
        {"exercise": "hello-meaning", "choice": "thanks", "uuid": str(uuid.uuid4())},
        page=practice,
    )
    assert "Not quite." in first.text and "Try again" in first.text
    second = client.submit(
        f"{practice}/answer",
        {"exercise": "hello-meaning", "choice": "thanks", "uuid": str(uuid.uuid4())},
        page=practice,
    )
    assert "The right answer:" in second.text and "hello" in second.text


def test_the_same_answer_uuid_twice_is_stored_once(client, learner):
    practice = f"{LESSON}/steps/hello-practice"
    record = str(uuid.uuid4())
    for _ in range(2):
        client.submit(
            f"{practice}/answer",
            {"exercise": "hello-meaning", "choice": "hello", "uuid": record},
            page=practice,
        )
    with client.application.app_context():
        assert db.session.scalar(select(func.count()).select_from(AttemptLog)) == 1


def test_record_services_are_idempotent(app):
    with app.app_context():
        user = User(username="x1", password_hash="-", language="km")
        db.session.add(user)
        db.session.flush()
        course = catalog().get("mini")
        step_uuid, answer_uuid = uuid.uuid4(), uuid.uuid4()
        exercise = course.exercise("hello-meaning")
        result = exercise.grade("hello")
        assert record_step(db.session, user.id, course, "hello", "hello-video", step_uuid)
        assert not record_step(db.session, user.id, course, "hello", "hello-video", step_uuid)
        args = (
            db.session,
            user.id,
            course,
            "hello",
            "hello-practice",
            exercise.id,
            "hello",
            result,
        )
        assert record_answer(*args, answer_uuid)
        assert not record_answer(*args, answer_uuid)
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(StepLog)) == 1
        assert db.session.scalar(select(func.count()).select_from(AttemptLog)) == 1
        summary = db.session.get(LessonSummary, (user.id, "mini", "hello"))
        assert summary.progress == pytest.approx(1 / 4)
        # one right answer among the lesson's three exercises (the video checkpoint counts)
        assert summary.best_score == pytest.approx(1 / 3)


def test_player_pages_need_login_and_known_ids(client, learner):
    assert client.get("/courses/nope").status_code == 404
    assert client.get("/courses/mini/lessons/nope").status_code == 404
    assert client.get(f"{LESSON}/steps/nope").status_code == 404
    learner.logout()
    assert client.get(LESSON).headers["Location"].startswith("/login")


def test_course_pages_in_the_learners_language(client, auth):
    auth.register(login="sokha", language="km")
    html = client.get("/courses/mini").get_data(as_text=True)
    assert '<html lang="km">' in html
    assert "ចាប់ផ្ដើម" in html  # "Start" on the available lesson


def test_word_order_form_has_a_place_per_word_of_the_sentence_and_grades_it():
    from werkzeug.datastructures import MultiDict

    from exercises import from_spec
    from learn.learner.player import read_response

    exercise = from_spec(
        {
            "id": "w",
            "type": "word_order",
            "prompt": {"en": "I'm late."},
            "tiles": [
                {"id": "t1", "text": "ผม"},
                {"id": "t2", "text": "มา"},
                {"id": "t3", "text": "สาย"},
                {"id": "t4", "text": "ครับ"},
                {"id": "t5", "text": "ค่ะ"},
            ],
            "answer": ["t1", "t2", "t3", "t4"],
            "accept": [["t1", "t2", "t3"]],
        }
    )
    form = MultiDict({"tile-0": "t1", "tile-1": "t2", "tile-2": "t3", "tile-3": ""})
    assert read_response(exercise, form) == ["t1", "t2", "t3"]
    assert exercise.grade(read_response(exercise, form)).correct


def test_a_listening_exercise_plays_its_sound_before_the_choices(app):
    from exercises import from_spec

    exercise = from_spec(
        {
            "id": "hear",
            "type": "listening",
            "prompt": {"en": "Which word do you hear?"},
            "audio": "tfw-w-khop-khun",
            "answer": "b",
            "options": [{"id": "a", "text": "ขอโทษ"}, {"id": "b", "text": "ขอบคุณ"}],
        }
    )
    html = exercise_html(app, exercise)
    assert (
        '<audio class="prompt-audio" controls aria-label="Listen" preload="none" '
        'src="/media/tfw-w-khop-khun/original">' in html
    )
    assert html.index("<audio") < html.index('name="choice"')
    assert '<span class="thai" lang="th">ขอบคุณ</span>' in html


def exercise_html(app, exercise) -> str:
    """The player's form for `exercise`, as if it were asked in the mini pack's practice."""
    from flask import render_template_string

    course = catalog_course(app)
    with app.test_request_context():
        return render_template_string(
            '{% from "learner/_exercise.html" import exercise_form with context %}'
            "{{ exercise_form(course, lesson, step, exercise, 'u') }}",
            course=course,
            lesson=course.lesson("hello"),
            step=course.lesson("hello").step("hello-practice"),
            exercise=exercise,
        )


def catalog_course(app):
    from learn.catalog import catalog

    with app.app_context():
        return catalog().get("mini")


def test_words_with_a_sound_can_be_heard_on_the_review_step(client, learner):
    html = client.get("/courses/mini/lessons/hello/steps/hello-review").get_data(as_text=True)
    assert '<a class="play" href="/media/mini-sawatdii/original" aria-label="Listen">' in html


@pytest.mark.parametrize("lang", ["km", "lo", "my"])
def test_thai_is_also_written_in_the_learners_script(client, auth, lang):
    from lessons.transcribe import transcribe

    auth.register(login=f"reader-{lang}", language=lang)
    html = client.get("/courses/mini/lessons/hello/steps/hello-review").get_data(as_text=True)
    expected = transcribe("sà-wàt-dii", lang)
    assert f'<span class="script-pron" lang="{lang}">{expected}</span>' in html


def test_english_readers_get_the_latin_guide_only(client, learner):
    html = client.get("/courses/mini/lessons/hello/steps/hello-review").get_data(as_text=True)
    assert "script-pron" not in html and 'lang="th-Latn">sà-wàt-dii<' in html


def test_khmer_readers_get_the_tone_legend(client, auth):
    auth.register(login="sokha2", language="km")
    html = client.get("/courses/mini/lessons/hello/steps/hello-review").get_data(as_text=True)
    assert '<details class="card legend">' in html and "ម៉ា↗" in html


def test_a_picture_choice_shows_each_picture_from_the_library(app):
    from exercises import from_spec

    exercise = from_spec(
        {
            "id": "sign",
            "type": "picture_choice",
            "prompt": {"en": "Which sign is this word?"},
            "thai": "ห้ามเข้า",
            "pron": "hâam khâo",
            "answer": "b",
            "options": [
                {"id": "a", "image": "tfw-img-danger"},
                {"id": "b", "image": "tfw-img-no-entry"},
            ],
        }
    )
    html = exercise_html(app, exercise)
    assert '<img src="/media/tfw-img-no-entry/original" alt="" loading="lazy"' in html
    assert '<input type="radio" name="choice" value="b"' in html
    assert exercise.grade("b").correct
