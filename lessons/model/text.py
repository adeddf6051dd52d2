"""Languages and the localized-text type of every learner-facing text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

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
