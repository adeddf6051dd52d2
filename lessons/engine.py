"""The course engine: where a learner stands in a course, as a pure function of the course
and the learner's records.

`progress(course, steps, answers)` takes the learner's finished steps (`StepRecord`) and
answers (`AnswerRecord`) as plain data, from any store, and returns a `CourseProgress`:
each lesson's state (locked, available, in progress, done), its next step and how much of
it is done, each unit's and the course's share done, and where "continue" leads.

Rules (docs/content-format.md has them for authors too):

- A step is done when a `StepRecord` says so; an `exercises` step, or a `review` step with
  exercises, is also done as soon as its mastery rule is met by the answers.
- A lesson is done when all its steps are done, in progress when any step is done or any
  of its exercises was answered, available when all its prerequisites are done, else
  locked. Progress is never taken away: a lesson already started stays in progress or done
  even if a new course version gave it a prerequisite the learner has not done.
- The next step of a lesson is its first step not done.
- Percentages count steps: a lesson, a unit or the course is the share of its steps done.
- Records naming ids the course does not have (removed in a new version) are ignored.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from lessons.model import Course, ExercisesStep, Lesson, MasteryRule, ReviewStep, Step


class LessonState(enum.StrEnum):
    LOCKED = "locked"
    AVAILABLE = "available"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class StepRecord:
    """A learner finished (`done=True`) or only opened a step. `at` orders records in
    time (any comparable value: a datetime, a timestamp, a sequence number)."""

    lesson_id: str
    step_id: str
    done: bool = True
    at: Any = None


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer to an exercise: `correct` is a bool or a score from 0 to 1 (only a full
    1 counts as correct). With `step_id` it counts for that step only; without, for every
    step that uses the exercise."""

    exercise_id: str
    correct: bool | float
    at: Any = None
    step_id: str | None = None

    @property
    def is_correct(self) -> bool:
        return float(self.correct) >= 1.0


@dataclass(frozen=True, slots=True)
class LessonProgress:
    lesson_id: str
    state: LessonState
    steps_done: frozenset[str]
    steps_total: int
    next_step: str | None
    last_activity: Any = None

    @property
    def fraction(self) -> float:
        """Share of the lesson's steps done, 0..1."""
        return len(self.steps_done) / self.steps_total if self.steps_total else 1.0

    @property
    def percent(self) -> int:
        """Whole percent done, rounded down: 100 only when every step is done."""
        return percent(len(self.steps_done), self.steps_total)


@dataclass(frozen=True, slots=True)
class Share:
    """How much of a unit or of the course is done, counted in steps."""

    done: int
    total: int

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def percent(self) -> int:
        return percent(self.done, self.total)


@dataclass(frozen=True, slots=True)
class CourseProgress:
    """Everything the course map and the "continue" button need."""

    course_id: str
    lessons: MappingProxyType[str, LessonProgress]
    units: MappingProxyType[str, Share]
    course: Share
    #: (lesson id, step id) of where to go on, or None when the course is done
    continue_at: tuple[str, str] | None

    def state(self, lesson_id: str) -> LessonState:
        return self.lessons[lesson_id].state


def percent(done: int, total: int) -> int:
    if total <= 0:
        return 100
    return (100 * done) // total


def _key(at: Any) -> tuple[bool, Any]:
    """Sort key for `at`: records without a time first (a stable sort keeps their order)."""
    return (True, at) if at is not None else (False, 0)


@dataclass(frozen=True, slots=True)
class MasteryStatus:
    """How far a learner is towards a mastery rule, for a progress bar in the player:
    `correct` of `needed` ("3 of the last 5 right, 4 needed"; "2 right in a row, 3 needed";
    "5 of 7 exercises right")."""

    met: bool
    correct: int
    needed: int


def mastery_status(
    rule: MasteryRule, exercise_ids: Sequence[str], answers: Sequence[AnswerRecord]
) -> MasteryStatus:
    """Where `answers` (oldest first, only those for this set) stand against `rule`."""
    if rule.kind == "all_correct":
        latest: dict[str, bool] = {}
        for answer in answers:
            latest[answer.exercise_id] = answer.is_correct
        correct = sum(latest.get(ex, False) for ex in exercise_ids)
        needed = len(exercise_ids)
    elif rule.kind == "streak":
        last = answers[-rule.n :] if rule.n else []
        # the run of correct answers at the end of the window
        correct = next((i for i, a in enumerate(reversed(last)) if not a.is_correct), len(last))
        needed = rule.n
    else:  # m_of_n: among the last n answers at least m correct (fewer answers may reach m)
        correct = sum(a.is_correct for a in answers[-rule.n :])
        needed = rule.m
    return MasteryStatus(bool(exercise_ids) and correct >= needed, correct, needed)


def mastery_met(
    rule: MasteryRule, exercise_ids: Sequence[str], answers: Sequence[AnswerRecord]
) -> bool:
    """Whether `answers` (oldest first, only those for this set) meet `rule`."""
    return mastery_status(rule, exercise_ids, answers).met


def step_mastery(step: Step, answers: Iterable[AnswerRecord]) -> MasteryStatus | None:
    """The mastery status of an `exercises` or `review` step with exercises (None for other
    steps), from a learner's answers in any order."""
    if not isinstance(step, ExercisesStep | ReviewStep) or not step.exercises:
        return None
    return mastery_status(step.mastery, step.exercises, _answers_for(step, _chronological(answers)))


def _answers_for(step: Step, answers: Sequence[AnswerRecord]) -> list[AnswerRecord]:
    ids = set(getattr(step, "exercises", ()))
    return [
        a for a in answers if a.exercise_id in ids and (a.step_id is None or a.step_id == step.id)
    ]


def _step_done(step: Step, recorded: set[str], answers: Sequence[AnswerRecord]) -> bool:
    if step.id in recorded:
        return True
    if isinstance(step, ExercisesStep | ReviewStep) and step.exercises:
        return mastery_met(step.mastery, step.exercises, _answers_for(step, answers))
    return False


def _lesson_activity(
    lesson: Lesson, steps: Sequence[StepRecord], answers: Sequence[AnswerRecord]
) -> tuple[bool, Any]:
    """Whether the learner touched the lesson, and the latest `at` of that."""
    step_ids = set(lesson.step_ids)
    exercise_ids = {ex for s in lesson.steps for ex in getattr(s, "exercises", ())}
    exercise_ids |= {ex for s in lesson.steps for ex in getattr(s, "checkpoints", ())}
    touched = False
    latest: Any = None
    for record in steps:
        if record.lesson_id == lesson.id and record.step_id in step_ids:
            touched = True
            latest = _later(latest, record.at)
    for answer in answers:
        if answer.exercise_id in exercise_ids and (
            answer.step_id is None or answer.step_id in step_ids
        ):
            touched = True
            latest = _later(latest, answer.at)
    return touched, latest


def _later(a: Any, b: Any) -> Any:
    if a is None:
        return b
    if b is None:
        return a
    try:
        return max(a, b)
    except TypeError:  # records from different stores with incomparable times
        return a


def progress(
    course: Course, steps: Iterable[StepRecord] = (), answers: Iterable[AnswerRecord] = ()
) -> CourseProgress:
    """Where the learner stands in `course` (see the module docstring for the rules)."""
    steps = list(steps)
    answers = _chronological(answers)
    lesson_ids = {lesson.id for lesson in course.lessons}
    recorded: dict[str, set[str]] = {}
    for record in steps:
        if record.done and record.lesson_id in lesson_ids:
            recorded.setdefault(record.lesson_id, set()).add(record.step_id)

    done_steps: dict[str, frozenset[str]] = {}
    activity: dict[str, tuple[bool, Any]] = {}
    for lesson in course.lessons:
        mine = recorded.get(lesson.id, set())
        done_steps[lesson.id] = frozenset(
            s.id for s in lesson.steps if _step_done(s, mine, answers)
        )
        activity[lesson.id] = _lesson_activity(lesson, steps, answers)
    return _assemble(course, done_steps, activity)


@dataclass(frozen=True, slots=True)
class LessonRecord:
    """What a store keeps of one lesson for a learner (a summary kept up to date on every
    record): the steps done, by record or by mastery, and the time of the latest activity.
    Having one at all means the learner touched the lesson."""

    lesson_id: str
    steps_done: frozenset[str]
    last_activity: Any = None


def progress_from_lessons(course: Course, records: Iterable[LessonRecord]) -> CourseProgress:
    """The same as `progress`, from summaries per lesson instead of the whole history: what a
    page needs without reading every answer the learner ever gave."""
    known = {lesson.id: lesson for lesson in course.lessons}
    done_steps = {lesson.id: frozenset() for lesson in course.lessons}
    activity: dict[str, tuple[bool, Any]] = {lesson.id: (False, None) for lesson in course.lessons}
    for record in records:
        lesson = known.get(record.lesson_id)
        if lesson is None:  # a lesson a new course version removed
            continue
        done_steps[lesson.id] = frozenset(set(record.steps_done) & set(lesson.step_ids))
        activity[lesson.id] = (True, record.last_activity)
    return _assemble(course, done_steps, activity)


def steps_done(
    lesson: Lesson, steps: Iterable[StepRecord], answers: Iterable[AnswerRecord]
) -> frozenset[str]:
    """The steps of `lesson` done by these records (any order), as `progress` counts them."""
    recorded = {r.step_id for r in steps if r.done and r.lesson_id == lesson.id}
    answers = _chronological(answers)
    return frozenset(s.id for s in lesson.steps if _step_done(s, recorded, answers))


def _assemble(
    course: Course,
    done_steps: dict[str, frozenset[str]],
    activity: dict[str, tuple[bool, Any]],
) -> CourseProgress:
    """Lesson states, shares and where to go on, from each lesson's steps done and activity."""

    def is_done(lesson: Lesson) -> bool:
        return len(done_steps[lesson.id]) == len(lesson.steps)

    lessons: dict[str, LessonProgress] = {}
    for lesson in course.lessons:
        touched, latest = activity[lesson.id]
        prerequisites_done = all(
            is_done(course.lesson(p)) for p in lesson.prerequisites if course.has("lesson", p)
        )
        if is_done(lesson):
            state = LessonState.DONE
        elif touched or done_steps[lesson.id]:
            state = LessonState.IN_PROGRESS
        elif prerequisites_done:
            state = LessonState.AVAILABLE
        else:
            state = LessonState.LOCKED
        next_step = next((s.id for s in lesson.steps if s.id not in done_steps[lesson.id]), None)
        lessons[lesson.id] = LessonProgress(
            lesson.id, state, done_steps[lesson.id], len(lesson.steps), next_step, latest
        )

    units = {
        unit.id: Share(
            sum(len(lessons[x.id].steps_done) for x in unit.lessons),
            sum(len(x.steps) for x in unit.lessons),
        )
        for unit in course.units
    }
    whole = Share(sum(u.done for u in units.values()), sum(u.total for u in units.values()))
    return CourseProgress(
        course.id,
        MappingProxyType(lessons),
        MappingProxyType(units),
        whole,
        _continue_at(course, lessons),
    )


def _chronological(answers: Iterable[AnswerRecord]) -> list[AnswerRecord]:
    """Answers oldest first; records without `at` keep their given order, before the rest."""
    answers = list(answers)
    try:
        return sorted(answers, key=lambda a: _key(a.at))
    except TypeError:  # incomparable times: trust the order given
        return answers


def _continue_at(course: Course, lessons: dict[str, LessonProgress]) -> tuple[str, str] | None:
    """The most recently active lesson in progress, else the first available lesson."""
    started = [
        (order, p)
        for order, p in enumerate(lessons[lesson.id] for lesson in course.lessons)
        if p.state is LessonState.IN_PROGRESS and p.next_step is not None
    ]
    if started:
        timed = [(o, p) for o, p in started if p.last_activity is not None]
        if timed:
            try:
                _, best = max(timed, key=lambda op: (op[1].last_activity, -op[0]))
            except TypeError:
                best = timed[0][1]
        else:
            best = started[0][1]
        return best.lesson_id, best.next_step  # type: ignore[return-value]
    for lesson in course.lessons:
        p = lessons[lesson.id]
        if p.state is LessonState.AVAILABLE and p.next_step is not None:
            return lesson.id, p.next_step
    return None
