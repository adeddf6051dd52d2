"""Small text pieces the templates print: a string with the language it is really in.

A learner-language text may be missing in the learner's language (the pack offers fewer
languages, a translator has not finished); the textbook then prints the English or Thai one
and must mark it with that language, or fonts, line breaking and screen readers go wrong.
Exercise texts (`exercises.LocalText`) and course texts (`lessons.LocalizedText`) are both
accepted here; a plain str in content is Thai.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

FALLBACKS = ("en", "th")
_THAI_RUN = re.compile(r"[\u0e01-\u0e5b][\u0e01-\u0e5b\u200b ]*[\u0e01-\u0e5b]|[\u0e01-\u0e5b]")


@dataclass(frozen=True, slots=True)
class Span:
    """A text and the language it is written in."""

    text: str
    lang: str

    def __bool__(self) -> bool:
        return bool(self.text)


def _items(text: object) -> dict[str, str]:
    if text is None:
        return {}
    if isinstance(text, Mapping):
        return dict(text)
    as_dict = getattr(text, "as_dict", None)
    if callable(as_dict):
        return as_dict()
    raise TypeError(f"not a localized text: {text!r}")


def pick(text: object, lang: str) -> Span:
    """The text in lang, else in English, else in Thai, else in any language it has.

    A plain str is Thai content (the language being learned).
    """
    if text is None:
        return Span("", lang)
    if isinstance(text, str):
        return Span(unicodedata.normalize("NFC", text), "th")
    items = _items(text)
    for code in (lang, *FALLBACKS):
        if items.get(code):
            return Span(unicodedata.normalize("NFC", items[code]), code)
    for code, value in sorted(items.items()):
        if value:
            return Span(unicodedata.normalize("NFC", value), code)
    return Span("", lang)


def has_lang(text: object, lang: str) -> bool:
    """Whether a localized text has a non-empty text in exactly lang."""
    if text is None or isinstance(text, str):
        return False
    return bool(_items(text).get(lang))


def mark_thai(text: str, lang: str) -> Markup:
    """text escaped, with each run of Thai letters inside it wrapped in <span lang="th">.

    Prompts in the learner's language quote the Thai being learned ("What does สวัสดี mean?");
    the span gives that Thai its font stack and language. Text that is Thai itself is left
    whole.
    """
    if lang.split("-", 1)[0] == "th":
        return escape(text)
    out, last = [], 0
    for match in _THAI_RUN.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(Markup('<span lang="th">') + escape(match.group()) + Markup("</span>"))
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def element(span: Span, doc_lang: str, tag: str = "span", cls: str = "") -> Markup:
    """span as an HTML element, with lang="..." when it differs from the document's."""
    attrs = f' class="{escape(cls)}"' if cls else ""
    if span.lang != doc_lang:
        attrs += f' lang="{escape(span.lang)}"'
    body = escape(span.text) if span.lang == "th" else mark_thai(span.text, span.lang)
    return Markup(f"<{tag}{attrs}>") + body + Markup(f"</{tag}>")
