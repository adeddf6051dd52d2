"""The lesson player's decisions: which exercise comes next, and reading a form as a response.

Plain functions of the course, the learner's answers and the submitted form, so they are
tested without pages.
"""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from learn.progress import StepTally
from lessons import ExercisesStep, ReviewStep

CHOICE_TYPES = {"single_choice", "picture_choice", "video_checkpoint", "tone"}


def next_exercise(
    step: ExercisesStep | ReviewStep, tally: StepTally, tries: dict[str, int]
) -> str | None:
    """The exercise of `step` to show now, given the tally of the step's answers so far.

    An exercise is done for this round once answered correctly or after its allowed tries;
    the first one not done comes next. When every one is done but the step's mastery rule is
    still unmet, a new round starts with those not answered correctly last time.
    """
    if not step.exercises:
        return None
    attempts, last_correct = tally.attempts, tally.last_correct
    for exercise_id in step.exercises:
        if not last_correct.get(exercise_id) and attempts.get(exercise_id, 0) < tries.get(
            exercise_id, 2
        ):
            return exercise_id
    # A new round: the ones whose last answer was wrong, in order.
    for exercise_id in step.exercises:
        if not last_correct.get(exercise_id):
            return exercise_id
    # All answered right at least once, yet the rule (e.g. "4 of the last 5") wants more.
    answered = sum(attempts.get(exercise_id, 0) for exercise_id in step.exercises)
    return step.exercises[answered % len(step.exercises)]


def read_response(exercise, form: MultiDict) -> object:
    """The response an exercise's `grade` expects, from the fields of its form."""
    kind = exercise.type
    if kind in CHOICE_TYPES:
        return form.get("choice", "")
    if kind == "listening":
        return form.get("choice", "") if exercise.options else form.get("text", "")
    if kind == "typed_answer":
        return form.get("text", "")
    if kind == "multiple_select":
        return form.getlist("choice")
    if kind == "matching":
        return {left.id: form.get(f"pair-{left.id}", "") for left in exercise.left}
    if kind == "word_order":
        # As many places as the longest accepted sentence; the places left empty do not count.
        places = max(len(order) for order in exercise.orders)
        return [tile for i in range(places) if (tile := form.get(f"tile-{i}", ""))]
    if kind == "gap_fill":
        return {gap.id: form.get(f"gap-{gap.id}", "") for gap in exercise.gaps}
    return form.get("choice", form.get("text", ""))
