"""Text as it enters the exercises: localized texts from specs and typed answers.

`LocalText` is a read-only, hashable mapping of language code to string, the shape of every
learner-facing text in a spec. `clean_input` is what every typed answer goes through first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping

from exercises import burmese

LANGUAGES: tuple[str, ...] = ("en", "km", "lo", "my", "th")

# Invisible characters that phones, copy-paste and some keyboards insert: zero width space,
# non-joiner, joiner, word joiner, byte order mark, soft hyphen. None changes what was written.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_SPACES = re.compile(r"\s+")


class LocalText(Mapping[str, str]):
    """A text in several learner languages, e.g. ``{"en": "Hello", "km": "សួស្តី"}``."""

    __slots__ = ("_items",)

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._items = tuple(sorted((str(k), str(v)) for k, v in texts.items()))

    def __getitem__(self, lang: str) -> str:
        for key, value in self._items:
            if key == lang:
                return value
        raise KeyError(lang)

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"LocalText({dict(self._items)!r})"

    def pick(self, lang: str, fallback: tuple[str, ...] = ("en", "th")) -> str:
        """The text in `lang`, else in the first fallback language present, else any."""
        for candidate in (lang, *fallback):
            for key, value in self._items:
                if key == candidate:
                    return value
        return self._items[0][1] if self._items else ""


def clean_input(text: str, lang: str = "th") -> str:
    """A typed answer made comparable: NFC, no invisible characters, single inner spaces, no
    outer spaces, and for Burmese (`lang="my"`) Zawgyi converted to Unicode."""
    # NFC after the invisible characters go: one between two combining marks kept them in
    # an order NFC changes once it is gone.
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", _SPACES.sub(" ", text).strip())
    if lang == "my":
        text = unicodedata.normalize("NFC", burmese.to_unicode(text))
    return text
