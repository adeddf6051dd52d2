"""A Burmese-speaking learner on a phone: registers, watches, answers, leaves, comes back.

Everything goes through the real pages of the real server in Chromium: the forms a learner
fills in, the video player's own reports, the checkpoint answered inside the video.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.support import Translations

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
MY = Translations.load(str(ROOT / "learn" / "translations"), ["my"], "messages")
BURMESE = re.compile(r"[\u1000-\u109f]")
PASSWORD = "ngapyaw-thee-25"


def register(page, login: str, language: str = "my") -> None:
    """Create an account through /register, choosing the interface language."""
    page.goto("/register")
    page.fill("#login", login)
    page.fill("#display_name", "မောင်မောင်")
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    page.check(f"input[name=language][value={language}]")
    page.locator("form button[type=submit].primary").click()
    page.wait_for_load_state()


def log_in(page, login: str) -> None:
    page.goto("/login")
    page.fill("#login", login)
    page.fill("#password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def shown_exercise(page) -> str:
    """The id of the exercise whose form is on the page."""
    return page.locator("form.exercise input[name=exercise]").first.input_value()


def fill(form, exercise, right: bool = True) -> bool:
    """Answer `exercise` in its form the way a learner would, right or plainly wrong; whether
    the answer should be graded right."""
    kind = exercise.type
    if kind == "word_order":  # a place per word of the sentence; extra tiles stay unused
        order = exercise.orders[0] if right else tuple(reversed(exercise.orders[0]))
        for i, tile_id in enumerate(order):
            form.locator(f"select[name=tile-{i}]").select_option(tile_id)
        return right

    def choose(options, answer) -> None:
        if not right:
            answer = next(o.id for o in options if o.id != answer)
        form.locator(f"input[name=choice][value='{answer}']").check()

    if kind == "video_checkpoint":
        choose(exercise.question.options, exercise.question.answer)
    elif kind in ("single_choice", "picture_choice") or (kind == "listening" and exercise.options):
        choose(exercise.options, exercise.answer)
    elif kind == "tone":
        tone = exercise.answer if right else ("high" if exercise.answer != "high" else "low")
        form.locator(f"input[name=choice][value='{tone}']").check()
    elif kind == "multiple_select":
        wanted = exercise.answer if right else {o.id for o in exercise.options} - exercise.answer
        for option_id in wanted:
            form.locator(f"input[name=choice][value='{option_id}']").check()
    elif kind in ("typed_answer", "listening"):
        form.locator("input[name=text]").fill(exercise.accepted[0] if right else "กกก")
    elif kind == "matching":
        rights = [rid for _, rid in exercise.answer]
        if not right:
            rights = rights[1:] + rights[:1]
        for (left_id, _), right_id in zip(exercise.answer, rights, strict=True):
            form.locator(f"select[name=pair-{left_id}]").select_option(right_id)
    elif kind == "gap_fill":
        for gap in exercise.gaps:
            field = form.locator(f"[name=gap-{gap.id}]")
            if gap.options:
                choice = (
                    gap.answer if right else next(o.id for o in gap.options if o.id != gap.answer)
                )
                field.select_option(choice)
            else:
                field.fill(gap.accepted[0] if right else "กกก")
    else:
        raise AssertionError(f"no way to answer a {kind} exercise in the browser test")
    return right


def answer_step(
    page, course, step, seen: set[str], shot, stop_after: int | None = None
) -> list[str]:
    """Answer the exercises of the step on the page until the page moves on to another step.

    An exercise of a type not yet `seen` is answered right; one of a type already seen is
    answered wrong (every try) while the step still holds unseen types further on, so that
    one pass through the step shows every type it has. Returns the ids answered right.
    """
    step_url = re.compile(rf"/steps/{step.id}(\?|$)")
    right_ids: list[str] = []
    for _ in range(4 * len(step.exercises)):
        if not step_url.search(page.url):
            return right_ids
        exercise = course.exercise(shown_exercise(page))
        later = step.exercises[step.exercises.index(exercise.id) + 1 :]
        unseen_later = {course.exercise(i).type for i in later} - seen - {exercise.type}
        right = exercise.type not in seen or not unseen_later
        form = page.locator("form.exercise")
        right = fill(form, exercise, right)
        shot(page, f"{exercise.type}-{'right' if right else 'wrong'}")
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        feedback = page.locator("section.feedback")
        graded_right = "feedback-correct" in feedback.get_attribute("class").split()
        assert graded_right == right, f"{exercise.id}: expected {'right' if right else 'wrong'}"
        seen.add(exercise.type)
        if right:
            right_ids.append(exercise.id)
            if stop_after is not None and len(right_ids) >= stop_after:
                return right_ids
        feedback.locator("a.button.primary").click()  # Continue, or Try again
        page.wait_for_load_state()
    raise AssertionError(f"step {step.id} never ended")


def watch_video(page, course, shot) -> None:
    """Play lesson 1's video muted and fast, answer its checkpoints inline, play to the end."""
    video = page.locator("#player")
    video.evaluate("v => { v.muted = true; v.playbackRate = 4; return v.play(); }")
    for number, checkpoint in enumerate(page.locator("section.checkpoint").all(), 1):
        checkpoint.wait_for(state="visible", timeout=20_000)
        assert video.evaluate("v => v.paused"), "the video pauses for its checkpoint"
        exercise = course.exercise(checkpoint.locator("input[name=exercise]").input_value())
        fill(checkpoint, exercise, right=True)
        checkpoint.locator("button[type=submit]").click()
        result = checkpoint.locator(".checkpoint-result")
        result.wait_for(state="visible")
        assert "feedback-correct" in result.get_attribute("class")
        shot(page, f"checkpoint-{number}")
        checkpoint.locator("button.resume").click()
        assert checkpoint.is_hidden()
    page.locator("#continue").wait_for(state="visible", timeout=30_000)
    assert video.evaluate("v => v.ended || v.currentTime > 0.9 * v.duration")
    shot(page, "video-seen")


def test_a_burmese_learner_learns_leaves_and_resumes(phone, browser, live_server, course, shot):
    page = phone
    lesson = course.units[0].lessons[0]
    steps = {s.id: s for s in lesson.steps}
    register(page, "maung-maung")
    shot(page, "registered")
    assert page.locator("html").get_attribute("lang") == "my"
    logout = page.locator("header form button[type=submit]")
    assert logout.inner_text().strip() == MY.gettext("Log out")
    assert BURMESE.search(logout.inner_text())

    page.goto(f"/courses/{course.id}")
    shot(page, "course-map")
    page.locator(f"a[href$='/lessons/{lesson.id}']").first.click()
    page.wait_for_load_state()
    assert re.search(rf"/steps/{lesson.steps[0].id}$", page.url)
    shot(page, "video")
    watch_video(page, course, shot)
    page.locator("#continue").click()
    page.wait_for_load_state()

    seen: set[str] = {"video_checkpoint"}
    answered: list[str] = []
    while True:
        match = re.search(r"/steps/([^/?]+)", page.url)
        assert match, f"left the lesson at {page.url}"
        step = steps[match.group(1)]
        shot(page, step.id)
        if step.kind == "reading":
            page.locator("main form button.primary").click()
            page.wait_for_load_state()
            continue
        # The step after all the exercise types is left half done.
        todo = {course.exercise(i).type for i in step.exercises} - seen
        answered = answer_step(page, course, step, seen, shot, stop_after=None if todo else 1)
        if not todo:
            break
    course_types = {
        course.exercise(i).type
        for _, s in course.iter_steps()
        for i in (*getattr(s, "exercises", ()), *getattr(s, "checkpoints", ()))
    }
    assert seen >= course_types, f"types not answered: {course_types - seen}"

    # Leave: log out, close the page. Come back on a new page and pick up where they stopped.
    stopped_at = f"{live_server.url}/courses/{course.id}/lessons/{lesson.id}/steps/{step.id}"
    page.locator("header form button[type=submit]").click()
    page.wait_for_load_state()
    page.context.close()
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    log_in(page, "maung-maung")
    page.goto("/")
    shot(page, "home-again")
    page.locator("main a.button.primary").first.click()
    page.wait_for_load_state()
    shot(page, "resumed")
    assert page.url.split("?")[0] == stopped_at
    assert shown_exercise(page) not in answered, "an exercise answered right is not asked again"
    context.close()
