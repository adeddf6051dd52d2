"""Rules every text of a pack follows: Unicode NFC, and Burmese in Unicode, not Zawgyi."""

from __future__ import annotations

import functools
import re
import unicodedata

MYANMAR_RE = re.compile(r"[\u1000-\u109f]")
#: Unicode Burmese scores near 0 and Zawgyi near 1 (PLATFORM.md); short texts sit between.
ZAWGYI_THRESHOLD = 0.95


@functools.cache
def _detector():
    from myanmartools import ZawgyiDetector  # loads its model once, on first Burmese text

    return ZawgyiDetector()


def is_zawgyi(text: str) -> bool:
    """Whether Burmese `text` is written in the Zawgyi font encoding."""
    if not MYANMAR_RE.search(text):
        return False
    return _detector().get_zawgyi_probability(text) > ZAWGYI_THRESHOLD


def text_problem(text: str) -> str | None:
    """What is wrong with one text of a pack, or None."""
    if not unicodedata.is_normalized("NFC", text):
        return "text is not in Unicode NFC (save it normalised; see docs/content-format.md)"
    if is_zawgyi(text):
        return "Burmese text is in Zawgyi, not Unicode (convert it to Unicode)"
    return None
