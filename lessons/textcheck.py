"""Rules every text of a pack follows: Unicode NFC, Burmese in Unicode (not Zawgyi), Thai
marks in their standard order, and each language in its own script."""

from __future__ import annotations

import functools
import re
import unicodedata
import warnings

MYANMAR_RE = re.compile(r"[\u1000-\u109f]")
#: Unicode Burmese scores near 0 and Zawgyi near 1 (PLATFORM.md); short texts sit between.
ZAWGYI_THRESHOLD = 0.95


@functools.cache
def _detector():
    # myanmartools 1.2 loads its model with importlib.resources.open_binary, deprecated
    # since Python 3.11: silence only that, only while the model loads.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "open_binary is deprecated", DeprecationWarning)
        from myanmartools import ZawgyiDetector

        return ZawgyiDetector()


#: Sequences that well-formed Unicode Burmese never has and Zawgyi always does: the vowel
#: sign E typed before its consonant, the virama used as a visible asat, and Zawgyi's
#: private stacked forms in the range Unicode gives to Mon, Karen and Shan letters.
ILL_FORMED_RE = re.compile(
    r"(?:^|[^\u1000-\u102a\u103b-\u103f\u104e])\u1031"
    r"|\u1039(?![\u1000-\u1021])"
    r"|[\u1060-\u1097]"
)


def is_zawgyi(text: str) -> bool:
    """Whether Burmese `text` is written in the Zawgyi font encoding.

    The detector alone flags some short, correct Unicode sentences (ဒီစကားလုံးက
    ဘာအဓိပ္ပာယ်လဲ။ scores 0.97), so a text counts as Zawgyi only when it also has a
    sequence that Unicode Burmese cannot have.
    """
    if not MYANMAR_RE.search(text) or not ILL_FORMED_RE.search(text):
        return False
    # the detector says -inf for text it cannot judge; that is not Zawgyi
    return _detector().get_zawgyi_probability(text) > ZAWGYI_THRESHOLD


#: The learner scripts; a text in one language must not hold letters of another's
#: (a slip of the keyboard layout: Khmer ឃ looks nothing like Burmese ယ, yet both get
#: typed). Thai is allowed everywhere: it is what is being learned, and texts quote it.
SCRIPTS = {
    "km": ("Khmer", re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")),
    "lo": ("Lao", re.compile(r"[\u0e80-\u0eff]")),
    "my": ("Burmese", re.compile(r"[\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f]")),
}


#: Thai that looks right on screen but is spelt in an order no keyboard standard uses, so
#: it would not match the same word typed by a learner or found by a search.
THAI_ORDER_RULES = (
    (
        re.compile(r"[\u0e48-\u0e4b][\u0e31\u0e34-\u0e37\u0e47]"),
        "Thai tone mark typed before its vowel (type consonant, vowel, then tone mark)",
    ),
    (re.compile(r"[\u0e48-\u0e4b]{2}"), "two Thai tone marks in a row"),
    (re.compile(r"\u0e4d[\u0e48-\u0e4b]?\u0e32"), "ำ typed as ํ + า (use the one character ำ)"),
)


def text_problem(text: str, lang: str | None = None) -> str | None:
    """What is wrong with one text of a pack, or None; `lang` is the text's language
    when it is one entry of a per-language mapping."""
    if not unicodedata.is_normalized("NFC", text):
        return "text is not in Unicode NFC (save it normalised; see docs/content-format.md)"
    if is_zawgyi(text):
        return "Burmese text is in Zawgyi, not Unicode (convert it to Unicode)"
    for pattern, message in THAI_ORDER_RULES:
        if pattern.search(text):
            return message
    if lang is not None:
        for other, (name, letters) in SCRIPTS.items():
            found = letters.search(text) if other != lang else None
            if found:
                return f"{lang} text holds {name} letters ({found.group()!r}): a typing slip?"
    return None
