"""The `Exercise` base class and the small content pieces exercise types share.

Every exercise is a frozen dataclass built from a spec mapping by `parse`, graded by the pure
`grade(response) -> Result`, and able to show its correct answer with `answer_key()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from exercises.feedback import Result
from exercises.spec import MISSING, Reader, join
from exercises.text import LocalText

COMMON_FIELDS = frozenset({"id", "type", "prompt", "hint", "audio", "tries"})
MAX_TRIES = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class Option:
    """A choice with a stable id. `text` is Thai (a plain string) or a learner-language text;
    `image` and `audio` are media ids."""

    id: str
    text: str | LocalText = ""
    pron: str = ""
    image: str = ""
    audio: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyPart:
    """One piece of a correct answer, ready to display.

    `ref` is the id of the option, tile, gap or left-hand item it answers; `text` is Thai (a
    plain string, with `pron`) or a learner-language text; `tone` is a tone name from
    `exercises.types.tone.TONES`; `match` is the right-hand item paired with this one.
    """

    ref: str = ""
    text: str | LocalText = ""
    pron: str = ""
    image: str = ""
    audio: str = ""
    tone: str = ""
    match: KeyPart | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-able dict (a learner-language text as a dict of language to text)."""
        return {
            "ref": self.ref,
            "text": self.text if isinstance(self.text, str) else dict(self.text),
            "pron": self.pron,
            "image": self.image,
            "audio": self.audio,
            "tone": self.tone,
            "match": self.match.to_dict() if self.match else None,
        }


def key_of(option: Option) -> KeyPart:
    return KeyPart(
        ref=option.id, text=option.text, pron=option.pron, image=option.image, audio=option.audio
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Exercise:
    """Fields every exercise has. `prompt` is the localized instruction; `hint` an optional
    localized hint; `audio` an optional media id played with the prompt; `tries` how many
    answers the player should allow before it shows the answer key.

    Where a spec holds Thai being learned (`thai`, `answer`), its pronunciation guide is the
    sibling field `pron`."""

    TYPE: ClassVar[str] = ""
    FIELDS: ClassVar[frozenset[str]] = frozenset()  # the type's own spec fields
    TRIES: ClassVar[int] = 2  # default for `tries`
    PROMPT_REQUIRED: ClassVar[bool] = True

    id: str
    type: str
    prompt: LocalText
    hint: LocalText | None = None
    audio: str = ""
    tries: int = 2

    @classmethod
    def parse(cls, r: Reader, spec: Mapping[str, Any], path: str = "") -> Exercise:
        """Build the exercise from `spec`, recording every problem in `r`."""
        r.only(spec, set(COMMON_FIELDS | cls.FIELDS), path)
        tries = r.get(spec, "tries", path, required=False)
        if tries is MISSING:
            tries = cls.TRIES
        elif isinstance(tries, bool) or not isinstance(tries, int) or not 1 <= tries <= MAX_TRIES:
            r.fail(join(path, "tries"), f"must be a whole number from 1 to {MAX_TRIES}")
            tries = cls.TRIES
        common = {
            "id": r.ident(spec, "id", path),
            "type": cls.TYPE,
            "prompt": r.local(spec, "prompt", path, required=cls.PROMPT_REQUIRED) or LocalText({}),
            "hint": r.local(spec, "hint", path, required=False),
            "audio": r.string(spec, "audio", path, required=False),
            "tries": tries,
        }
        return cls(**{**common, **cls.read(r, spec, path)})

    @classmethod
    def read(cls, r: Reader, spec: Mapping[str, Any], path: str) -> dict[str, Any]:
        """The type's own fields, read from `spec` (a type may also fill in a common field)."""
        raise NotImplementedError

    def grade(self, response: object) -> Result:
        """Grade one response: pure, deterministic, never raises."""
        raise NotImplementedError

    def answer_key(self) -> tuple[KeyPart, ...]:
        """The correct answer, ready to display."""
        raise NotImplementedError


def read_options(
    r: Reader, spec: Mapping[str, Any], path: str, key: str = "options", pictures: bool = False
) -> tuple[Option, ...]:
    """A list of options with unique ids: `{id, text, pron?, audio?}`, or for pictures
    `{id, image, text?}`."""
    options = []
    allowed = {"id", "text", "pron", "image", "audio"}
    for where, item in r.items(spec, key, path, minimum=2):
        if not isinstance(item, Mapping):
            r.fail(where, f"must be a mapping such as {{id: a, text: ...}}, got {item!r}")
            continue
        r.only(item, allowed, where)
        if pictures:
            text = r.text_or_local(item, "text", where) if "text" in item else ""
            image = r.string(item, "image", where)
        else:
            text, image = (
                r.text_or_local(item, "text", where),
                r.string(item, "image", where, False),
            )
        options.append(
            Option(
                id=r.ident(item, "id", where),
                text=text,
                pron=r.string(item, "pron", where, required=False),
                image=image,
                audio=r.string(item, "audio", where, required=False),
            )
        )
    r.unique([o.id for o in options], join(path, key))
    return tuple(options)


def read_choice(
    r: Reader, spec: Mapping[str, Any], path: str, options: tuple[Option, ...], key: str = "answer"
) -> str:
    """The id of the right option, which must be one of `options`."""
    answer = r.ident(spec, key, path)
    if answer and options and answer not in {o.id for o in options}:
        r.fail(join(path, key), f"{answer!r} is not the id of an option")
    return answer
