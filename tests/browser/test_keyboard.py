"""A learner with a keyboard and no mouse or touch does lesson 1's exercises; every sound
control is named in the learner's language.

The keyboard test presses only Tab, Space, the arrow keys, Enter and typed letters: it tabs
through each exercise form in order, answers what it meets (a radio group, checkboxes,
lists, text fields), sends the form, and tabs to the feedback's button to go on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.support import Translations

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "keyboard-only-25"
FOCUSED = """() => {
  const el = document.activeElement;
  return {tag: el.tagName.toLowerCase(), type: el.type || '', name: el.name || '',
          value: el.value || '', inForm: !!el.closest('form.exercise'),
          primary: el.matches('section.feedback a.button.primary')};
}"""
CHECKED = "name => (document.querySelector(`input[name='${name}']:checked`) || {}).value"


def right_answer(exercise) -> dict[str, str | set[str]]:
    """The value each field of the exercise's form takes for the right answer, by name."""
    kind = exercise.type
    if kind == "multiple_select":
        return {"choice": set(exercise.answer)}
    if kind == "matching":
        return {f"pair-{left}": right for left, right in exercise.answer}
    if kind == "word_order":
        return {f"tile-{i}": tile for i, tile in enumerate(exercise.orders[0])}
    if kind == "gap_fill":
        return {f"gap-{g.id}": g.answer if g.options else g.accepted[0] for g in exercise.gaps}
    if kind in ("typed_answer", "listening") and not getattr(exercise, "options", None):
        return {"text": exercise.accepted[0]}
    return {"choice": exercise.answer}


def press_until(page, key: str, done, limit: int = 12) -> None:
    for _ in range(limit):
        if done():
            return
        page.keyboard.press(key)
    assert done(), f"{key} never got there"


def answer_with_keys(page, exercise, right: bool) -> None:
    """Tab through the exercise form from the top of the page, answering it (a choice of one
    may be answered wrong), and send it."""
    wanted = right_answer(exercise)
    if not right:
        choices = page.locator("form.exercise input[type=radio]").evaluate_all(
            "els => els.map(el => el.value)"
        )
        wanted["choice"] = next(c for c in choices if c != wanted["choice"])
    answered: set[str] = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        el = page.evaluate(FOCUSED)
        if not el["inForm"]:
            continue
        name = el["name"]
        if el["type"] == "radio" and name not in answered:
            page.keyboard.press("Space")
            press_until(page, "ArrowDown", lambda n=name: page.evaluate(CHECKED, n) == wanted[n])
        elif el["type"] == "checkbox" and el["value"] in wanted[name]:
            page.keyboard.press("Space")
        elif el["tag"] == "select":
            field = page.locator(f"form.exercise [name='{name}']")
            press_until(page, "ArrowDown", lambda f=field, n=name: f.input_value() == wanted[n])
        elif el["type"] == "text":
            page.keyboard.type(wanted[name])
        elif el["type"] == "submit":
            missed = set(wanted) - answered
            assert not missed, f"{exercise.id}: Tab never reached {missed}"
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
        answered.add(name)
    raise AssertionError(f"{exercise.id}: Tab never reached the Check button")


def go_on_with_keys(page) -> None:
    """From the feedback, Tab to its Continue button and press Enter."""
    press_until(page, "Tab", lambda: page.evaluate(FOCUSED)["primary"], limit=20)
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.fixture
def learner(browser, live_server, register):
    """A Burmese-speaking learner's page, on a 360 px screen with a keyboard (no touch)."""
    context = browser.new_context(viewport={"width": 360, "height": 740},
                                  base_url=live_server.url)  # fmt: skip
    context.set_default_timeout(15_000)
    page = context.new_page()
    register(page, f"keyboard-{id(page)}", "my", PASSWORD)
    yield page
    context.close()


def sound_names(page) -> list[str]:
    """The accessible name each sound control of the page has (its aria-label)."""
    return page.locator("audio, a.play").evaluate_all(
        "els => els.map(el => el.getAttribute('aria-label'))"
    )


LISTEN = Translations.load(str(ROOT / "learn" / "translations"), ["my"]).gettext("Listen")


def test_a_learner_answers_every_exercise_type_with_the_keyboard_alone(learner, course):
    page = learner
    lesson = course.units[0].lessons[0]
    steps = [s for s in lesson.steps if s.kind == "exercises"]
    types = {course.exercise(i).type for s in steps for i in s.exercises}
    done: set[str] = set()
    sounds: list[str] = []
    for step in steps:
        url = f"/courses/{course.id}/lessons/{lesson.id}/steps/{step.id}"
        page.goto(url)
        for _ in range(3 * len(step.exercises)):
            if done == types or not page.url.split("?")[0].endswith(url):
                break
            exercise = course.exercise(page.locator("form.exercise [name=exercise]").input_value())
            sounds += sound_names(page)
            # A choice already answered right is answered wrong now, so that the step's mastery
            # rule is not met before the types further on are reached.
            right = exercise.type not in done or exercise.type not in ("tone", "single_choice")
            answer_with_keys(page, exercise, right)
            outcome = page.locator("section.feedback").get_attribute("class")
            expected = "feedback-correct" if right else "feedback-wrong"
            assert expected in outcome, f"{exercise.id} answered with keys: {outcome}"
            done.add(exercise.type)
            go_on_with_keys(page)
    assert done == types, f"not reached with the keyboard: {types - done}"
    assert sounds and set(sounds) == {LISTEN}, "the exercises' sounds are named in Burmese"


def test_sound_controls_are_named_in_the_learners_language(learner, course):
    assert LISTEN != "Listen", "a Burmese name"
    lesson = course.units[0].lessons[0]
    names: list[str] = []
    for step in lesson.steps:
        learner.goto(f"/courses/{course.id}/lessons/{lesson.id}/steps/{step.id}")
        names += sound_names(learner)
    assert names, "lesson 1 has sound controls"
    assert set(names) == {LISTEN}, names
