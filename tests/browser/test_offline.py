"""A lesson done with no connection, in Chromium: saved on the phone while online, done offline
(the video, its checkpoints, the reading steps, every exercise), then sent back once the
connection returns, each answer stored once however often the phone sends it.

The network is switched off with Playwright's `context.set_offline(True)`, which in this
Playwright (1.65) and Chromium also cuts the service worker's own fetches: checked below,
nothing reaches the server while the phone is offline but the browser's periodic check for a
new /sw.js, which Chromium makes outside the emulated network.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from babel.support import Translations

from lessons import AnswerRecord, StepRecord, progress

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
MY = Translations.load(str(ROOT / "learn" / "translations"), ["my"], "messages")
PASSWORD = "offline-lesson-25"
QUEUE = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("rianthai", 1);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction("queue").objectStore("queue").getAll();
    all.onsuccess = () => { open.result.close(); resolve(all.result); };
  };
})"""
SEND = """async records => {
  const token = document.querySelector('meta[name="csrf-token"]').content;
  const response = await fetch("/sync", {method: "POST", body: JSON.stringify({records}),
    headers: {"Content-Type": "application/json", "X-CSRFToken": token}});
  return response.json();
}"""


def answer_anyhow(form) -> None:
    """Fill an exercise's form the way a hurried learner might: the first choice of each
    question, the first entry of each list, some Thai in each box. Right or wrong does not
    matter here: the server grades it later."""
    for radio in form.locator("input[type=radio]").all():
        name = radio.get_attribute("name")
        if not form.locator(f"input[name='{name}']:checked").count():
            radio.check()
    boxes = form.locator("input[type=checkbox]")
    if boxes.count():
        boxes.first.check()
    for select in form.locator("select").all():
        select.select_option(index=1)
    for box in form.locator("input[type=text]").all():
        box.fill("สวัสดี")


def learner_id(page) -> str:
    """The id of the learner logged in on the page, as offline.js reads it."""
    return page.locator('meta[name="rianthai-user"]').get_attribute("content")


def rows(live_server, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(live_server.instance / "rianthai.sqlite3")) as database:
        return database.execute(sql).fetchall()


def test_a_lesson_done_offline_syncs_once(phone, live_server, course, register, shot):
    page = phone
    lesson = course.units[0].lessons[0]
    lesson_url = f"/courses/{course.id}/lessons/{lesson.id}"
    register(page, "offline-thida", "my", PASSWORD)
    user = learner_id(page)

    # Online: save lesson 1 on the phone from the course map.
    page.goto(f"/courses/{course.id}")
    control = page.locator(".offline-save").first
    control.wait_for(state="visible")
    assert control.locator("button.save").inner_text() == MY.gettext("Save for offline")
    shot(page, "course-map")
    control.locator("button.save").click()
    page.locator(".offline-save.saved").wait_for(timeout=60_000)
    status = control.locator(".status").inner_text()
    size = re.search(r"\d+\.\d MB", status).group(0)
    assert status == MY.gettext("Saved on this phone (%(size)s)") % {"size": size}
    shot(page, "saved")
    assert page.evaluate("() => !!navigator.serviceWorker.controller")
    before = len(live_server.requests())

    # Offline: the whole lesson, from the course map on.
    page.context.set_offline(True)
    page.goto(f"/courses/{course.id}")
    page.locator(f"a[href='{lesson_url}']").click()
    page.wait_for_url(re.compile(rf"/steps/{lesson.steps[0].id}$"))
    video = page.locator("#player")
    video.evaluate("v => { v.muted = true; v.playbackRate = 4; return v.play(); }")
    for checkpoint in page.locator("section.checkpoint").all():
        checkpoint.wait_for(state="visible", timeout=30_000)
        answer_anyhow(checkpoint)
        checkpoint.locator("button[type=submit]").click()
        result = checkpoint.locator(".checkpoint-result")
        result.wait_for(state="visible")
        assert "feedback-saved" in result.get_attribute("class")
        assert MY.gettext("Saved on your phone") in result.inner_text()
        shot(page, "checkpoint-saved")
        checkpoint.locator("button.resume").click()
    page.locator("#continue").wait_for(state="visible", timeout=60_000)
    page.locator("#continue").click()
    finished = {lesson.steps[0].id}
    while True:
        page.wait_for_load_state()
        if page.url.endswith(f"/courses/{course.id}"):
            break
        step_id = re.search(r"/steps/([^/?]+)", page.url).group(1)
        form = page.locator("form.exercise")
        if form.count():
            answer_anyhow(form)
            shot(page, f"{step_id}-exercise")
            form.locator("button[type=submit]").click()
        else:
            finished.add(step_id)
            page.locator("main form button.primary").click()
        page.wait_for_url(re.compile(r"/saved(\?|$)"))
        assert MY.gettext("Saved on your phone") in page.locator("main h1").inner_text()
        shot(page, f"{step_id}-saved")
        page.locator("main a.button.primary").click()
    assert finished == {s.id for s in lesson.steps if not getattr(s, "exercises", ())}
    kept = page.evaluate(QUEUE)
    answers = [r for r in kept if r["kind"] == "answer"]
    asked = [(*getattr(s, "exercises", ()), *getattr(s, "checkpoints", ())) for s in lesson.steps]
    assert sorted(r["exercise"] for r in answers) == sorted(e for ids in asked for e in ids)
    assert {r["user"] for r in kept} == {user}
    # Only the browser's own check for a new /sw.js, which no emulated network stops, got out.
    reached = [line for line in live_server.requests()[before:] if "/sw.js " not in line]
    assert not reached, f"the server heard from the phone while it was offline: {reached}"

    # Online again: the page sends the queue, then shows the map afresh with what was sent.
    page.context.set_offline(False)
    note = page.locator("p.synced")
    note.wait_for(timeout=30_000)
    shot(page, "synced")
    stored = rows(live_server, f"SELECT uuid, correct FROM attempt_logs WHERE user_id = {user}")
    said = MY.gettext("Sent from your phone: %(answers)s answers, %(right)s right.")
    assert note.inner_text() == said % {"answers": len(answers), "right": sum(c for _, c in stored)}
    kept_uuids = sorted(r["uuid"].replace("-", "") for r in answers)
    assert sorted(uuid for uuid, _ in stored) == kept_uuids
    assert page.evaluate(QUEUE) == [], "the phone keeps nothing the server has stored"
    steps = rows(live_server, f"SELECT lesson_id, step_id FROM step_logs WHERE user_id = {user}")
    assert sorted(step for _, step in steps) == sorted(finished)
    answered = rows(live_server, "SELECT exercise_id, correct, id, step_id FROM attempt_logs "
                                 f"WHERE user_id = {user} ORDER BY id")  # fmt: skip
    done = progress(course, [StepRecord(*s) for s in steps], [AnswerRecord(*a) for a in answered])
    percent = done.lessons[lesson.id].percent
    assert percent >= 50  # the video and the two reading steps at least
    state = page.locator(f"li.lesson:has(a[href='{lesson_url}']) .state").inner_text()
    assert state.strip() == MY.gettext("%(percent)s%% done") % {"percent": percent}

    # The phone sends the same records again (an answer lost on the way): nothing doubles.
    replay = {r["uuid"]: r["status"] for r in page.evaluate(SEND, kept)["results"]}
    for record in kept:  # a video's report is merged into what was seen: stored again, no harm
        assert replay[record["uuid"]] == ("stored" if record["kind"] == "watch" else "duplicate")
    assert len(rows(live_server, f"SELECT id FROM attempt_logs WHERE user_id = {user}")) == len(
        answers
    )
    assert len(rows(live_server, f"SELECT id FROM step_logs WHERE user_id = {user}")) == len(steps)


def test_a_queue_waits_for_its_own_learner(phone, live_server, course, register, shot):
    """A phone shared by two learners: what one did offline is sent only once that one is
    logged in again, never into the other's account; a saved lesson can be removed."""
    page = phone
    lesson = course.units[0].lessons[0]
    words = next(s for s in lesson.steps if getattr(s, "exercises", ()))
    start = len(live_server.requests())
    register(page, "sokha-first", "km", PASSWORD)
    first = learner_id(page)
    page.goto(f"/courses/{course.id}")
    page.locator(".offline-save button.save").click()
    page.locator(".offline-save.saved").wait_for(timeout=60_000)

    page.context.set_offline(True)
    page.goto(
        f"/courses/{course.id}/lessons/{lesson.id}/steps/{words.id}?exercise={words.exercises[0]}"
    )
    form = page.locator("form.exercise")
    answer_anyhow(form)
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/saved\?exercise="))
    [kept] = page.evaluate(QUEUE)
    assert (kept["user"], kept["exercise"]) == (first, words.exercises[0])

    # The session is gone (it expired, or the phone was handed on); another learner signs up.
    page.context.clear_cookies()
    page.context.set_offline(False)
    page.goto("/")
    register(page, "sokha-second", "km", PASSWORD)
    page.goto(f"/courses/{course.id}")
    assert page.evaluate(QUEUE) == [kept], "the first learner's answer waits on the phone"
    control = page.locator(".offline-save")
    control.wait_for(state="visible")
    assert control.locator("button.save").is_visible(), "the first learner's copy is not theirs"

    page.locator("header form button[type=submit]").click()  # the second learner logs out
    page.wait_for_load_state()
    page.goto("/login")
    page.fill("#login", "sokha-first")
    page.fill("#password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.locator("p.synced").wait_for(timeout=30_000)
    shot(page, "synced-after-login")
    assert page.evaluate(QUEUE) == []
    sql = "SELECT user_id FROM attempt_logs JOIN users ON users.id = user_id WHERE username LIKE ?"
    owners = rows(live_server, sql.replace("?", "'sokha-%'"))
    assert owners == [(int(first),)]
    # While the second learner was logged in, the phone sent nothing. (Before, on the page
    # saved for the first learner, it did try: without a session the server refused it.)
    log = live_server.requests()[start:]
    second_in = [i for i, line in enumerate(log) if line.startswith("POST /register")][-1]
    second_out = log.index("POST /logout HTTP/1.1")
    assert not [line for line in log[second_in:second_out] if line.startswith("POST /sync")]

    page.goto(f"/courses/{course.id}")
    page.locator(".offline-save.saved").wait_for()
    control = page.locator(".offline-save")
    control.locator("button.remove").click()
    control.locator("button.save").wait_for(state="visible")
    name = control.get_attribute("data-cache")
    assert not page.evaluate("name => caches.has(name)", name)
