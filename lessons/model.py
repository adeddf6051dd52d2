"""The course model: immutable dataclasses for a loaded, checked content pack.

A `Course` holds its units, each unit its lessons, each lesson its ordered steps, its
vocabulary, its dialogue, its reading text and its exercises (the objects built by
`exercises.from_spec`). Everything is keyed by stable string ids: learners' progress is
stored against those ids, never against positions, so a new course version keeps it.

Nothing here reads files: `lessons.loader` builds these objects once the checker has
accepted the whole pack. The web layer and the textbook read them, never change them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:  # the model only holds exercises; importing them is the loader's job
    from exercises import Exercise

#: Every language the platform knows, in the order the interface lists them.
LANGUAGES: tuple[str, ...] = ("th", "km", "lo", "my", "en")
#: The language being learned. Translations of Thai into Thai are never required.
TARGET_LANGUAGE = "th"


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """One learner-facing text in several languages (a title, a meaning, a note).

    Built from a mapping `{lang: text}`; `text.get("km")` or `text["km"]` read it and
    `text.best(lang)` falls back to English, then to any language present.
    """

    items: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, mapping: Mapping[str, str]) -> LocalizedText:
        """The text from a `{lang: text}` mapping (order does not matter)."""
        return cls(tuple(sorted(mapping.items())))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.items)

    def get(self, lang: str, default: str | None = None) -> str | None:
        for code, text in self.items:
            if code == lang:
                return text
        return default

    def __getitem__(self, lang: str) -> str:
        text = self.get(lang)
        if text is None:
            raise KeyError(f"no {lang!r} text (have {', '.join(self.languages)})")
        return text

    def __contains__(self, lang: object) -> bool:
        return any(code == lang for code, _ in self.items)

    def best(self, lang: str, fallbacks: tuple[str, ...] = ("en",)) -> str:
        """The text in `lang`, else in the first fallback present, else in any language."""
        for code in (lang, *fallbacks):
            text = self.get(code)
            if text is not None:
                return text
        return self.items[0][1] if self.items else ""

    def pick(self, lang: str, fallbacks: tuple[str, ...] = ("en", "th")) -> str:
        """Like `best`, with the fallbacks of `exercises.LocalText.pick`."""
        return self.best(lang, fallbacks)

    def __iter__(self) -> Iterator[str]:
        return iter(self.languages)

    def __len__(self) -> int:
        return len(self.items)

    def as_dict(self) -> dict[str, str]:
        return dict(self.items)


@dataclass(frozen=True, slots=True)
class VocabularyItem:
    """A Thai word or phrase with its pronunciation guide and its meaning per language.

    `pron` is the Latin pronunciation guide with tone marks (docs/content-format.md).
    `transcription` optionally gives the pronunciation in the learner's own script,
    written by hand (it overrides any generated transcription).
    """

    id: str
    lesson_id: str
    thai: str
    pron: str
    meaning: LocalizedText
    audio: str | None = None
    image: str | None = None
    transcription: LocalizedText | None = None
    note: LocalizedText | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person in a dialogue: an id used by the lines, and the name in Thai."""

    id: str
    thai: str
    pron: str


@dataclass(frozen=True, slots=True)
class DialogueLine:
    """One line of a dialogue: who says it, the Thai, its pronunciation and translations."""

    speaker: Speaker
    thai: str
    pron: str
    translation: LocalizedText
    audio: str | None = None


@dataclass(frozen=True, slots=True)
class Dialogue:
    """A short dialogue of a lesson, from its `dialogue.yaml`."""

    title: LocalizedText
    speakers: tuple[Speaker, ...]
    lines: tuple[DialogueLine, ...]
    setting: LocalizedText | None = None


@dataclass(frozen=True, slots=True)
class MasteryRule:
    """When an exercise set counts as mastered.

    - `m_of_n`: at least `m` of the last `n` answers to the set are correct;
    - `all_correct`: the latest answer to every exercise of the set is correct;
    - `streak`: the last `n` answers to the set are all correct (`m == n`).
    """

    kind: Literal["m_of_n", "all_correct", "streak"]
    m: int = 0
    n: int = 0

    @classmethod
    def all_correct(cls) -> MasteryRule:
        return cls("all_correct")

    @classmethod
    def m_of_n(cls, m: int, n: int) -> MasteryRule:
        return cls("m_of_n", m, n)

    @classmethod
    def streak(cls, n: int) -> MasteryRule:
        return cls("streak", n, n)


@dataclass(frozen=True, slots=True)
class VideoStep:
    """Watch a media item, or the clip `start`..`end` seconds of it.

    `checkpoints` are ids of video-checkpoint exercises shown while it plays.
    """

    id: str
    media: str
    start: float | None = None
    end: float | None = None
    checkpoints: tuple[str, ...] = ()
    title: LocalizedText | None = None
    kind: ClassVar[str] = "video"


@dataclass(frozen=True, slots=True)
class ExercisesStep:
    """Practise a set of exercises of the course until the mastery rule is met."""

    id: str
    exercises: tuple[str, ...]
    mastery: MasteryRule
    title: LocalizedText | None = None
    kind: ClassVar[str] = "exercises"


@dataclass(frozen=True, slots=True)
class ReadingStep:
    """Read something of the lesson: its `dialogue`, its `text` (reading.<lang>.md) or
    its `notes`."""

    id: str
    content: Literal["dialogue", "text", "notes"]
    title: LocalizedText | None = None
    kind: ClassVar[str] = "reading"


@dataclass(frozen=True, slots=True)
class ReviewStep:
    """Go back over vocabulary and exercises (of this or earlier lessons).

    With exercises it is done when `mastery` is met; without, when the learner finishes it.
    """

    id: str
    vocabulary: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    mastery: MasteryRule = field(default_factory=MasteryRule.all_correct)
    title: LocalizedText | None = None
    kind: ClassVar[str] = "review"


Step = VideoStep | ExercisesStep | ReadingStep | ReviewStep
STEP_TYPES: dict[str, type] = {
    cls.kind: cls for cls in (VideoStep, ExercisesStep, ReadingStep, ReviewStep)
}


@dataclass(frozen=True, slots=True)
class Lesson:
    """A lesson: what it teaches, what it needs first, and its ordered steps.

    `folder` is the lesson's folder name in the pack; `reading` is the Markdown text of
    its `reading.<lang>.md` files, if it has any.
    """

    id: str
    unit_id: str
    folder: str
    title: LocalizedText
    objectives: tuple[LocalizedText, ...]
    prerequisites: tuple[str, ...]
    notes: tuple[LocalizedText, ...]
    steps: tuple[Step, ...]
    vocabulary: tuple[VocabularyItem, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    dialogue: Dialogue | None = None
    reading: LocalizedText | None = None

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"lesson {self.id!r} has no step {step_id!r}")

    @property
    def step_ids(self) -> tuple[str, ...]:
        return tuple(step.id for step in self.steps)


@dataclass(frozen=True, slots=True)
class Unit:
    """A group of lessons in the course map."""

    id: str
    title: LocalizedText
    lessons: tuple[Lesson, ...]


@dataclass(frozen=True, slots=True)
class Course:
    """A whole course, as loaded from one checked content pack.

    `content_hash` is the sha256 of the pack's files (their paths and bytes), the same on
    every machine; `version` is the author's version string from course.yaml. `source` is
    the folder it was loaded from (informative only: not part of equality).
    """

    id: str
    version: str
    title: LocalizedText
    languages: tuple[str, ...]
    units: tuple[Unit, ...]
    content_hash: str
    description: LocalizedText | None = None
    source: str = field(default="", compare=False)
    _index: Mapping[str, Mapping[str, Any]] = field(
        init=False, repr=False, compare=False, default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        lessons: dict[str, Lesson] = {}
        units: dict[str, Unit] = {}
        exercises: dict[str, Any] = {}
        vocabulary: dict[str, VocabularyItem] = {}
        owner: dict[str, Lesson] = {}
        for unit in self.units:
            units[unit.id] = unit
            for lesson in unit.lessons:
                lessons[lesson.id] = lesson
                for item in lesson.vocabulary:
                    vocabulary[item.id] = item
                    owner[item.id] = lesson
                for exercise in lesson.exercises:
                    exercises[exercise.id] = exercise
                    owner[exercise.id] = lesson
        index = {
            "lesson": lessons,
            "unit": units,
            "exercise": exercises,
            "vocabulary": vocabulary,
            "owner": owner,
        }
        object.__setattr__(
            self, "_index", MappingProxyType({k: MappingProxyType(v) for k, v in index.items()})
        )

    def _get(self, kind: str, item_id: str) -> Any:
        try:
            return self._index[kind][item_id]
        except KeyError:
            raise KeyError(f"course {self.id!r} has no {kind} {item_id!r}") from None

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        """All lessons, in course order."""
        return tuple(lesson for unit in self.units for lesson in unit.lessons)

    def lesson(self, lesson_id: str) -> Lesson:
        return self._get("lesson", lesson_id)

    def unit(self, unit_id: str) -> Unit:
        return self._get("unit", unit_id)

    def unit_of(self, lesson_id: str) -> Unit:
        return self.unit(self.lesson(lesson_id).unit_id)

    def exercise(self, exercise_id: str) -> Exercise:
        return self._get("exercise", exercise_id)

    def vocabulary_item(self, item_id: str) -> VocabularyItem:
        return self._get("vocabulary", item_id)

    def lesson_of(self, item_id: str) -> Lesson:
        """The lesson that defines an exercise or a vocabulary item."""
        return self._get("owner", item_id)

    def has(self, kind: str, item_id: str) -> bool:
        """Whether the course has a `lesson`, `unit`, `exercise` or `vocabulary` id."""
        return item_id in self._index[kind]

    def iter_steps(self) -> Iterator[tuple[Lesson, Step]]:
        for lesson in self.lessons:
            for step in lesson.steps:
                yield lesson, step

    def ids(self) -> dict[str, frozenset[str]]:
        """Every stable id, by kind: `lesson`, `step`, `exercise`, `vocabulary`."""
        return {
            "lesson": frozenset(self._index["lesson"]),
            "step": frozenset(step.id for _, step in self.iter_steps()),
            "exercise": frozenset(self._index["exercise"]),
            "vocabulary": frozenset(self._index["vocabulary"]),
        }
