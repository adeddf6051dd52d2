"""What a lesson teaches: vocabulary items and dialogues."""

from __future__ import annotations

from dataclasses import dataclass

from lessons.model.text import LocalizedText


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
