"""What every free-text form field does to what a person typed, before anything else sees it.

Text is stored as NFC Unicode. Burmese typed on a phone set up for Zawgyi (the legacy font
encoding many Myanmar phones still use) looks right on that phone but is garbage everywhere
else, so it is detected and converted to Unicode here, in one place, for every field.
"""

from __future__ import annotations

import re
import unicodedata

from exercises.burmese import to_unicode

_SPACES = re.compile(r"\s+")


def clean_text(value: str | None) -> str | None:
    """A WTForms filter: NFC, Zawgyi converted to Unicode, spaces collapsed and trimmed."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", value)
    text = unicodedata.normalize("NFC", to_unicode(text))
    return _SPACES.sub(" ", text).strip()
