"""Rules every text of a pack follows: Unicode NFC, and Burmese in Unicode, not Zawgyi."""

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


def is_zawgyi(text: str) -> bool:
    """Whether Burmese `text` is written in the Zawgyi font encoding."""
    if not MYANMAR_RE.search(text):
        return False
    # the detector says -inf for text it cannot judge; that is not Zawgyi
    return _detector().get_zawgyi_probability(text) > ZAWGYI_THRESHOLD


def text_problem(text: str) -> str | None:
    """What is wrong with one text of a pack, or None."""
    if not unicodedata.is_normalized("NFC", text):
        return "text is not in Unicode NFC (save it normalised; see docs/content-format.md)"
    if is_zawgyi(text):
        return "Burmese text is in Zawgyi, not Unicode (convert it to Unicode)"
    return None
