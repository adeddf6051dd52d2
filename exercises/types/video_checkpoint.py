"""Video checkpoint: a single-choice question shown at a timestamp of a video."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from exercises.base import Exercise, KeyPart
from exercises.feedback import Result
from exercises.registry import register
from exercises.spec import MISSING, Reader, join
from exercises.types.single_choice import SingleChoice


@register
@dataclass(frozen=True, slots=True, kw_only=True)
class VideoCheckpoint(Exercise):
    """`media` is the video's id, `at` the second at which the video pauses for `question`, a
    single-choice spec without `id` and `type` (its `prompt` is the checkpoint's prompt).
    Response: an option id of the question."""

    TYPE = "video_checkpoint"
    FIELDS = frozenset({"media", "at", "question"})
    PROMPT_REQUIRED = False
    TRIES = 1  # the video goes on after one answer; the lesson can replay the clip

    media: str = ""
    at: float = 0.0
    question: SingleChoice | None = None

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        question = None
        raw = r.get(spec, "question", path)
        if raw is not MISSING:
            where = join(path, "question")
            inner = dict(r.mapping(raw, where))
            for key in ("id", "type"):
                if key in inner:
                    r.fail(join(where, key), "is set by the checkpoint; leave it out")
            inner.update(id="question", type=SingleChoice.TYPE)
            parsed = SingleChoice.parse(r, inner, where)
            assert isinstance(parsed, SingleChoice)
            question = replace(parsed, id=str(spec.get("id", "")))
        fields: dict[str, Any] = {
            "media": r.string(spec, "media", path),
            "at": r.number(spec, "at", path),
            "question": question,
        }
        if "prompt" not in spec and question is not None:
            fields["prompt"] = question.prompt  # one text for translators to write, not two
        return fields

    def grade(self, response: object) -> Result:
        assert self.question is not None, "from_spec never builds a checkpoint without question"
        return self.question.grade(response)

    def answer_key(self) -> tuple[KeyPart, ...]:
        return self.question.answer_key() if self.question else ()
