"""Burmese input: detect text typed in Zawgyi and convert it to Unicode.

Many phones in Myanmar still type Zawgyi, a font hack that reuses Unicode's Myanmar code points
with other meanings. Answers are compared and stored in Unicode only, so Zawgyi is detected with
Google's myanmartools model and converted with ICU's CLDR transform "Zawgyi-my".
"""

from __future__ import annotations

import functools
import re
import warnings

# myanmartools' README: "If over-predicting Zawgyi is bad (e.g., when conversion will take place
# automatically), set a high threshold like 0.95" -- fewer than 1 % of Unicode strings are then
# wrongly flagged. We convert automatically, so converting Unicode by mistake is the harm to avoid.
ZAWGYI_THRESHOLD = 0.95

_MYANMAR = re.compile("[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]")

# Sequences that Unicode Burmese never has but Zawgyi writes all the time: a vowel sign e or a
# medial ra typed before its consonant at the start of a word (Zawgyi stores visual order), and
# U+1039 not followed by a consonant (Zawgyi's asat; in Unicode it only stacks consonants).
_NOT_UNICODE = re.compile("(?:^|[^\u1000-\u109f])[\u1031\u103b\u103c]|\u1039(?![\u1000-\u1021])")


@functools.cache
def _detector():
    from myanmartools import ZawgyiDetector  # loads a model: only when Burmese text comes in

    # myanmartools 1.2.1 loads its model with importlib.resources.open_binary, deprecated since
    # Python 3.11; the warning is theirs, and the suite turns warnings into errors.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "open_binary is deprecated", DeprecationWarning)
        return ZawgyiDetector()


@functools.cache
def _converter():
    import icu

    return icu.Transliterator.createInstance("Zawgyi-my")


def zawgyi_probability(text: str) -> float:
    """The detector's probability that `text` is Zawgyi (0.0 for text with no Burmese in it)."""
    if not _MYANMAR.search(text):
        return 0.0
    probability = _detector().get_zawgyi_probability(text)
    return max(0.0, float(probability))  # the detector says -inf for text it cannot judge


def is_zawgyi(text: str) -> bool:
    """Whether `text` is Zawgyi: the detector is sure (> 0.95) and the text cannot be Unicode.

    The second condition is there because the detector alone flags some short, well-formed
    Unicode phrases with stacked consonants: "ဒီစကားလုံးက ဘာအဓိပ္ပာယ်လဲ။" ("what does this word
    mean?") scores 0.974. Converting it would garble it, so such text is left as it is.
    """
    return zawgyi_probability(text) > ZAWGYI_THRESHOLD and bool(_NOT_UNICODE.search(text))


def to_unicode(text: str) -> str:
    """`text` in Unicode Burmese: converted from Zawgyi if it is Zawgyi, else unchanged."""
    if not is_zawgyi(text):
        return text
    return _converter().transliterate(text)
