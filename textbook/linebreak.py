"""Line-break opportunities for Khmer, Lao and Burmese, made visible to WeasyPrint as U+200B.

Pango breaks Thai by itself (through libthai) but Khmer, Lao and Burmese only at spaces, and
those scripts write whole phrases without spaces: a narrow table cell overflows. ICU's line
BreakIterator knows where a line may break (dictionary-based for these scripts); we write a
ZERO WIDTH SPACE at each of those places inside runs of the script, and Pango breaks there.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator

import icu

ZWSP = "\u200b"

# Languages whose text gets U+200B. Thai is left to Pango (libthai); Latin breaks at spaces.
SEGMENTED_LANGUAGES = frozenset({"km", "lo", "my"})

# Code point ranges of each segmented language's script.
_SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "km": ((0x1780, 0x17FF), (0x19E0, 0x19FF)),
    "lo": ((0x0E80, 0x0EFF),),
    "my": ((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)),
}

# A line must never start with these: repetition marks, sentence and clause marks, closing
# punctuation written without a space in these scripts.
NO_BREAK_BEFORE = frozenset(
    "ๆໆ"  # Thai and Lao repetition marks
    "។៕៖ៗ"  # Khmer khan, bariyoosan, camnuc pii kuuh, lek too
    "။၊"  # Burmese section and little section
    "ฯ"  # Thai paiyannoi
    ")]}»›”’!?,.:;%"
)
# Nor may a line end right after these.
_NO_BREAK_AFTER = frozenset("([{«‹“‘")
# Closing and final punctuation, and combining marks, never start a line; opening and initial
# punctuation never end one.
_NO_BREAK_BEFORE_CATEGORIES = frozenset({"Pe", "Pf", "Mn", "Mc"})
_NO_BREAK_AFTER_CATEGORIES = frozenset({"Ps", "Pi"})
# Characters that already give (or forbid) a break: never put a U+200B beside them.
_BREAK_CONTROLS = frozenset({ZWSP, "\u2060", "\ufeff", "\u00ad", "\u200c", "\u200d", "\u00a0"})


def _primary(lang: str) -> str:
    return lang.split("-", 1)[0].split("_", 1)[0].lower()


def _in_script(char: str, lang: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _SCRIPT_RANGES[lang])


# A BreakIterator holds the text it walks, so each thread keeps its own per language.
_local = threading.local()


def _line_iterator(lang: str) -> icu.BreakIterator:
    cache = _local.__dict__.setdefault("iterators", {})
    if lang not in cache:
        cache[lang] = icu.BreakIterator.createLineInstance(icu.Locale(lang))
    return cache[lang]


def utf16_to_index(text: str) -> dict[int, int]:
    """Map each UTF-16 code-unit offset at a code point boundary of text to its str index.

    ICU counts in UTF-16 code units; a character outside the BMP is two units there and one
    character in a Python str, so offsets after it are shifted.
    """
    mapping = {}
    units = 0
    for index, char in enumerate(text):
        mapping[units] = index
        units += 2 if ord(char) > 0xFFFF else 1
    mapping[units] = len(text)
    return mapping


def break_positions(text: str, lang: str) -> list[int]:
    """ICU line-break opportunities in text, as str indices (0 and len(text) excluded)."""
    if not text:
        return []
    iterator = _line_iterator(_primary(lang))
    iterator.setText(text)
    mapping = utf16_to_index(text)
    positions = []
    for offset in iterator:
        index = mapping.get(offset)
        if index is not None and 0 < index < len(text):
            positions.append(index)
    return positions


def _allowed(text: str, index: int, lang: str) -> bool:
    before, after = text[index - 1], text[index]
    if before.isspace() or after.isspace() or before in _BREAK_CONTROLS or after in _BREAK_CONTROLS:
        return False
    if after in NO_BREAK_BEFORE or before in _NO_BREAK_AFTER:
        return False
    if unicodedata.category(after) in _NO_BREAK_BEFORE_CATEGORIES:
        return False
    if unicodedata.category(before) in _NO_BREAK_AFTER_CATEGORIES:
        return False
    # Only inside or at the edge of a run of the language's own script: Latin words and numbers
    # in the same sentence already break at their spaces.
    return _in_script(before, lang) or _in_script(after, lang)


def insert_breaks(text: str, lang: str) -> str:
    """text with U+200B at every ICU line-break opportunity, for km, lo and my; else unchanged."""
    primary = _primary(lang)
    if primary not in SEGMENTED_LANGUAGES or not text:
        return text
    if not any(_in_script(char, primary) for char in text):
        return text
    pieces = []
    last = 0
    for index in break_positions(text, primary):
        if _allowed(text, index, primary):
            pieces.append(text[last:index])
            last = index
    pieces.append(text[last:])
    return ZWSP.join(pieces)


def strip_breaks(text: str) -> str:
    """text without any U+200B (for comparing, searching, or copying out)."""
    return text.replace(ZWSP, "")


# Elements whose text is not prose (or not shown) and must be left byte for byte.
_RAW_ELEMENTS = frozenset({"script", "style", "title", "textarea", "pre", "code"})
_VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


# Markup tokens: comments, CDATA, declarations and processing instructions, then tags.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*>?|</?[A-Za-z][^>]*>?", re.DOTALL
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
_LANG_ATTR = re.compile(
    r"""\s(?:xml:)?lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>'"]+))""", re.IGNORECASE
)


def insert_breaks_html(fragment: str, lang: str) -> str:
    """An HTML fragment or document with U+200B in every text node, by its element's lang.

    lang is the language of text outside any element with a lang attribute. Markup, attribute
    values, entities, comments and the content of script, style, pre and code stay exactly as
    they are: the result differs from the input only by the U+200B it adds.
    """
    out: list[str] = []
    stack: list[tuple[str, str]] = [("", lang)]  # (element name, its language)
    raw_until: str | None = None  # inside <style>, <pre>...: the end tag we wait for
    last = 0
    for match in _MARKUP.finditer(fragment):
        text = fragment[last : match.start()]
        out.append(text if raw_until else insert_breaks(text, stack[-1][1]))
        token = match.group()
        out.append(token)
        last = match.end()
        tag = _TAG.match(token)
        if tag is None:
            continue  # a comment or a declaration
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if raw_until:
            if closing and name == raw_until:
                raw_until = None
        elif closing:
            # Pop up to the matching element; a stray end tag changes nothing.
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth][0] == name:
                    del stack[depth:]
                    break
        elif name in _RAW_ELEMENTS and not token.endswith("/>"):
            raw_until = name
        elif name not in _VOID_ELEMENTS and not token.endswith("/>"):
            found = _LANG_ATTR.search(token)
            value = next((g for g in found.groups() if g is not None), "") if found else ""
            stack.append((name, value or stack[-1][1]))
    tail = fragment[last:]
    out.append(tail if raw_until else insert_breaks(tail, stack[-1][1]))
    return "".join(out)


def jinja_filter(value: object, lang: str) -> str:
    """Jinja filter `{{ text | breaks(lang) }}`: escapes value, then inserts U+200B.

    Returns markupsafe.Markup so that autoescaping does not escape it a second time.
    """
    from markupsafe import Markup, escape

    if isinstance(value, Markup):
        return Markup(insert_breaks_html(str(value), lang))
    return Markup(insert_breaks(str(escape(value)), lang))


def iter_segments(text: str, lang: str) -> Iterator[str]:
    """The pieces of text between allowed breaks (for tests and the layout checker)."""
    yield from insert_breaks(text, lang).split(ZWSP)


__all__ = [
    "NO_BREAK_BEFORE",
    "SEGMENTED_LANGUAGES",
    "ZWSP",
    "break_positions",
    "insert_breaks",
    "insert_breaks_html",
    "iter_segments",
    "jinja_filter",
    "strip_breaks",
    "utf16_to_index",
]
