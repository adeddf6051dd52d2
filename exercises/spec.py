"""Reading exercise specs: typed values out of plain mappings, every problem recorded.

A `Reader` never raises on bad input: it records a `SpecError` with the dotted path of the
field and returns a placeholder, so one pass over a spec finds all its problems.
`from_spec` raises the first; `check_spec` returns them all.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from exercises import burmese
from exercises.errors import SpecError
from exercises.text import LANGUAGES, LocalText

_ID = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
_THAI = re.compile("[\u0e01-\u0e5b]")
MISSING: Any = object()


def join(path: str, key: str | int) -> str:
    return f"{path}.{key}" if path else str(key)


class Reader:
    """Typed access to a spec mapping that records every problem instead of raising."""

    def __init__(self) -> None:
        self.errors: list[SpecError] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(SpecError(path, message))

    def mapping(self, value: object, path: str) -> Mapping[str, Any]:
        if isinstance(value, Mapping):
            return value
        self.fail(path, f"must be a mapping, got {type(value).__name__}")
        return {}

    def only(self, spec: Mapping[str, Any], allowed: set[str], path: str) -> None:
        """Record a field that this part of a spec does not have (usually a typo)."""
        for key in spec:
            if key not in allowed:
                self.fail(join(path, str(key)), f"unknown field; expected one of {sorted(allowed)}")

    def get(self, spec: Mapping[str, Any], key: str, path: str, required: bool = True) -> Any:
        if key in spec and spec[key] is not None:
            return spec[key]
        if required:
            self.fail(join(path, key), "is required")
        return MISSING

    def string(self, spec: Mapping[str, Any], key: str, path: str, required: bool = True) -> str:
        value = self.get(spec, key, path, required)
        return "" if value is MISSING else self.string_value(value, join(path, key))

    def string_value(self, value: object, path: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, "must be a non-empty string")
            return ""
        return unicodedata.normalize("NFC", value.strip())

    def ident(self, spec: Mapping[str, Any], key: str, path: str) -> str:
        value = self.get(spec, key, path)
        return "" if value is MISSING else self.ident_value(value, join(path, key))

    def ident_value(self, value: object, path: str) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # YAML reads `id: 1` as a number; ids are strings
        if not isinstance(value, str) or not _ID.fullmatch(value):
            self.fail(
                path, f"must be an id of lowercase letters, digits, '_', '.', '-', got {value!r}"
            )
            return ""
        return value

    def thai(self, spec: Mapping[str, Any], key: str, path: str, required: bool = True) -> str:
        """A Thai text being learned: a plain string with Thai letters in it."""
        value = self.get(spec, key, path, required)
        return "" if value is MISSING else self.thai_value(value, join(path, key))

    def thai_value(self, value: object, path: str) -> str:
        text = self.string_value(value, path)
        if text and not _THAI.search(text):
            self.fail(path, f"must be Thai text, got {text!r}")
            return ""
        return text

    def local(
        self, spec: Mapping[str, Any], key: str, path: str, required: bool = True
    ) -> LocalText | None:
        """A learner-facing text: a mapping of language code to string."""
        value = self.get(spec, key, path, required)
        if value is MISSING:
            return None
        return self.local_value(value, join(path, key))

    def local_value(self, value: object, path: str) -> LocalText | None:
        if not isinstance(value, Mapping) or not value:
            self.fail(path, f"must be a mapping of language code ({', '.join(LANGUAGES)}) to text")
            return None
        texts: dict[str, str] = {}
        for lang, text in value.items():
            where = join(path, str(lang))
            if lang not in LANGUAGES:
                self.fail(where, f"unknown language code; expected one of {', '.join(LANGUAGES)}")
            elif not isinstance(text, str) or not text.strip():
                self.fail(where, "must be a non-empty string")
            elif lang == "my" and burmese.is_zawgyi(text):
                self.fail(where, "is Zawgyi-encoded Burmese; content must be Unicode")
            else:
                texts[lang] = unicodedata.normalize("NFC", text.strip())
        return LocalText(texts) if texts else None

    def text_or_local(self, spec: Mapping[str, Any], key: str, path: str) -> str | LocalText:
        """An option's text: Thai as a plain string, or a learner-facing mapping."""
        value = self.get(spec, key, path)
        if value is MISSING:
            return ""
        if isinstance(value, Mapping):
            return self.local_value(value, join(path, key)) or ""
        return self.thai(spec, key, path)

    def items(
        self, spec: Mapping[str, Any], key: str, path: str, minimum: int = 1
    ) -> list[tuple[str, Any]]:
        """A list field as (path, item) pairs; too short or not a list is recorded."""
        value = self.get(spec, key, path)
        if value is MISSING:
            return []
        where = join(path, key)
        if isinstance(value, str | bytes) or not isinstance(value, Sequence):
            self.fail(where, f"must be a list, got {type(value).__name__}")
            return []
        if len(value) < minimum:
            self.fail(where, f"must have at least {minimum} item(s), has {len(value)}")
        return [(join(where, i), item) for i, item in enumerate(value)]

    def number(self, spec: Mapping[str, Any], key: str, path: str, minimum: float = 0.0) -> float:
        value = self.get(spec, key, path)
        if value is MISSING:
            return minimum
        number = isinstance(value, int | float) and not isinstance(value, bool)
        try:  # float() of a whole number of 400 digits overflows; nan compares false
            number = number and minimum <= float(value) < math.inf
        except OverflowError:
            number = False
        if not number:
            self.fail(join(path, key), f"must be a number >= {minimum:g}, got {value!r}")
            return minimum
        return float(value)

    def unique(self, ids: Sequence[str], path: str, field: str = "id") -> None:
        """Record each repeated id; `field` is the key of the id inside each item ("" when the
        items are the ids themselves)."""
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident and ident in seen:
                where = join(join(path, i), field) if field else join(path, i)
                self.fail(where, f"duplicate id {ident!r}")
            seen.add(ident)
