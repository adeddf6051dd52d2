"""`normalize`: one string for every way of typing the same Thai text.

Thai is stored in visual order, and Unicode's canonical ordering only sorts the lower vowels
before the tone marks: a tone mark typed before an upper vowel, or a sara am typed as nikhahit
and sara aa, stays a different string after NFC although it looks the same. Thai keyboards and
phones produce all of these, so answers are compared after this normalisation.
"""

from __future__ import annotations

import re
import unicodedata

from exercises.text import INVISIBLE

SARA_AM = "\u0e33"  # ำ
NIKHAHIT = "\u0e4d"  # ํ
SARA_AA = "\u0e32"  # า
SARA_E = "\u0e40"  # เ
SARA_AE = "\u0e41"  # แ
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"  # เ แ โ ใ ไ

# Rank of each combining mark within a cluster; the canonical order is the one Thai spelling
# uses and fonts expect: upper or lower vowel, then maitaikhu / tone mark / thanthakhat, then
# nikhahit (so that nikhahit + sara aa can become sara am after the tone mark, as in น้ำ).
_RANK = {
    **dict.fromkeys("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a", 0),  # ั ิ ี ึ ื ุ ู ฺ
    **dict.fromkeys("\u0e47" + TONE_MARKS + "\u0e4c\u0e4e", 1),  # ็ tone marks ์ ๎
    NIKHAHIT: 2,
}
_MARKS = "".join(_RANK)
_CLUSTER = re.compile(f"([^{_MARKS}])([{_MARKS}]+)")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_SPACES = re.compile(r"\s+")
# A tone mark typed after sara am (น ำ ้) belongs before it (น ้ ำ); before the first of a
# run of sara am typed by mistake (ำำ ่), or a second pass would move it again.
_TONE_AFTER_AM = re.compile(f"((?:{NIKHAHIT}{SARA_AA})+)([{TONE_MARKS}]+)")
# No Thai word has a leading vowel followed by a space: it was typed apart from its consonant.
_SPACE_AFTER_LEADING = re.compile(f"([{LEADING_VOWELS}]) +")


def _order_marks(match: re.Match[str]) -> str:
    base, marks = match.group(1), match.group(2)
    ordered = sorted(marks, key=_RANK.__getitem__)  # stable: same-rank marks keep typed order
    deduped = [m for i, m in enumerate(ordered) if i == 0 or m != ordered[i - 1]]
    return base + "".join(deduped)


def normalize(text: str) -> str:
    """`text` in one canonical spelling.

    NFC; zero-width characters, word joiner, BOM and soft hyphen removed; whitespace folded to
    single spaces and stripped; sara am as U+0E33 (never nikhahit + sara aa), with the tone mark
    before it; within a cluster, upper/lower vowel before tone mark or thanthakhat; a mark typed
    twice in a row kept once; sara e typed twice (เเ) as sara ae (แ). Idempotent.
    Two texts that look different never normalize to the same string.
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_AFTER_LEADING.sub(r"\1", text)
    text = text.replace(SARA_E + SARA_E, SARA_AE)
    text = text.replace(SARA_AM, NIKHAHIT + SARA_AA)
    text = _TONE_AFTER_AM.sub(lambda m: m.group(2) + m.group(1), text)
    text = _CLUSTER.sub(_order_marks, text)
    text = text.replace(NIKHAHIT + SARA_AA, SARA_AM)
    return unicodedata.normalize("NFC", text)
