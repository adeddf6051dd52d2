"""A phone that has a learner's page gets 304 and no body, until anything on the page changed."""

from __future__ import annotations

import uuid

import pytest

from learn import freshness

MAP = "/courses/mini"
PRACTICE = "/courses/mini/lessons/hello/steps/hello-practice"
VIDEO = "/courses/mini/lessons/hello/steps/hello-video"


@pytest.fixture
def learner(client, auth):
    auth.register(login="aung", language="my")
    client.get("/")  # shows the welcome message
    return auth


def _again(client, path, response):
    """Ask again as a browser does for a page it keeps: with the ETag it got."""
    return client.get(path, headers={"If-None-Match": response.headers["ETag"]})


def _answer(client, exercise="hello-meaning", choice="hello"):
    response = client.submit(
        f"{PRACTICE}/answer",
        {"exercise": exercise, "choice": choice, "uuid": str(uuid.uuid4())},
        page=f"{PRACTICE}?again=1",
    )
    assert response.status_code == 200


@pytest.mark.parametrize("path", [MAP, f"{PRACTICE}?again=1"])
def test_an_unchanged_page_is_not_sent_again(client, learner, path):
    first = client.get(path)
    assert first.status_code == 200
    assert first.headers["ETag"].startswith('W/"')
    assert first.cache_control.private and first.cache_control.no_cache
    again = _again(client, path, first)
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]


@pytest.mark.parametrize("path", [MAP, f"{PRACTICE}?again=1"])
def test_an_answer_makes_the_page_new(client, learner, path):
    first = client.get(path)
    _answer(client)
    again = _again(client, path, first)
    assert again.status_code == 200
    assert again.headers["ETag"] != first.headers["ETag"]


def test_a_wrong_answer_makes_the_step_new_too(client, learner):
    """A wrong answer changes no step's state, but it uses up a try: the page asks anew."""
    path = f"{PRACTICE}?again=1"
    first = client.get(path)
    _answer(client, choice="thanks")
    assert _again(client, path, first).status_code == 200


def test_the_map_differs_for_another_learner_and_another_language(client, learner, auth):
    first = client.get(MAP)
    client.submit("/language?next=/courses/mini", {"language": "km"})
    in_khmer = _again(client, MAP, first)
    assert in_khmer.status_code == 200
    assert 'lang="km"' in in_khmer.get_data(as_text=True)
    auth.logout()
    auth.register(login="sokha", language="km")
    client.get("/")
    assert _again(client, MAP, in_khmer).status_code == 200


def test_a_message_waiting_to_be_shown_is_never_skipped(client, learner):
    """The locked lesson's redirect leaves a message for the map: it must show, once."""
    first = client.get(MAP)
    assert client.get("/courses/mini/lessons/thanks").headers["Location"] == MAP
    shown = _again(client, MAP, first)
    assert shown.status_code == 200
    assert "ETag" not in shown.headers
    assert 'class="flash' in shown.get_data(as_text=True)
    assert _again(client, MAP, client.get(MAP)).status_code == 304


def test_video_steps_and_visitors_pages_carry_no_etag(client, learner, auth):
    """A video step shows where the learner left off, which watching changes; a visitor's
    map is the same for everyone and not kept per learner."""
    assert "ETag" not in client.get(VIDEO).headers
    auth.logout()
    assert "ETag" not in client.get(MAP).headers


def test_the_release_digest_follows_the_files_but_not_the_bundled_courses(tmp_path, monkeypatch):
    """A template changed is a new release; a bundled course's content hash is in the ETag
    already, so its files do not count twice."""
    (tmp_path / "learn" / "templates").mkdir(parents=True)
    (tmp_path / "lessons" / "courses" / "mini").mkdir(parents=True)
    page = tmp_path / "learn" / "templates" / "page.html"
    course = tmp_path / "lessons" / "courses" / "mini" / "notes.py"
    page.write_text("<p>{{ _('Hello') }}</p>")
    course.write_text("x = 1")
    monkeypatch.setattr(freshness, "ROOT", tmp_path)

    def digest() -> str:
        freshness.release.cache_clear()
        return freshness.release()

    try:
        before = digest()
        course.write_text("x = 2")
        assert digest() == before
        page.write_text("<p>{{ _('Hello!') }}</p>")
        assert digest() != before
    finally:
        freshness.release.cache_clear()
