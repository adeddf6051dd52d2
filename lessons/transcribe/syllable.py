"""Parsing the Latin pronunciation guide (`pron`) into syllables of sounds.

The guide (docs/content-format.md) writes each Thai syllable as onset, vowel and final in
Latin letters, with the tone as a mark on the first vowel letter. A `Syllable` holds those
parts as sound names that the script modules (`lao`, `khmer`, `burmese`) map to letters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Combining marks of the guide (after NFD) and the tones they stand for.
TONE_MARKS = {"\u0300": "low", "\u0301": "high", "\u0302": "falling", "\u030c": "rising"}

# Longest first, so that `kh` is never read as `k` + `h`.
ONSETS = (
    "khr", "khl", "khw", "phr", "phl",
    "kr", "kl", "kw", "pr", "pl", "tr", "br", "bl", "fr", "fl", "dr",
    "kh", "ph", "th", "ch", "ng",
    "k", "j", "d", "t", "b", "p", "m", "n", "r", "l", "w", "y", "s", "h", "f",
    "",
)  # fmt: skip
# `aaw` is the vowel of ขอ (ɔɔ); `a` + final `w` is written `ao`, `aa` + `w` is `aao`.
VOWELS = (
    "uea", "uue", "ooe", "aae", "aaw",
    "ia", "ua", "ue", "oe", "ae", "aw", "aa", "ii", "uu", "ee", "oo",
    "a", "i", "u", "e", "o",
)  # fmt: skip
FINALS = ("ng", "k", "t", "p", "m", "n", "w", "o", "y", "i", "")

LONG_VOWELS = frozenset(
    {"aa", "ii", "uu", "ee", "oo", "aae", "aaw", "uue", "ooe", "ia", "uea", "ua"}
)
STOP_FINALS = frozenset({"k", "t", "p"})

_SYLLABLE = re.compile(
    "(?P<onset>{})(?P<vowel>{})(?P<final>{})".format(
        "|".join(ONSETS), "|".join(VOWELS), "|".join(FINALS)
    )
)
#: A run of guide letters (a word, possibly of several `-`-joined syllables) or anything else.
_WORD = re.compile(r"[A-Za-z\u0300-\u036f]+(?:-[A-Za-z\u0300-\u036f]+)*")


@dataclass(frozen=True, slots=True)
class Syllable:
    """One syllable of the guide as sounds.

    `onset` is the initial consonant sound(s) (`""` for the glottal stop of อ), `cluster` the
    second consonant of a cluster (`r`, `l` or `w`, else `""`); `vowel` the vowel as written in
    the guide (`aa`, `uea`, ...); `final` one of `k t p m n ng w y` or `""`; `tone` one of
    `mid low falling high rising`.
    """

    onset: str
    cluster: str
    vowel: str
    final: str
    tone: str

    @property
    def long(self) -> bool:
        return self.vowel in LONG_VOWELS

    @property
    def dead(self) -> bool:
        """A checked syllable (stop final, or a short vowel with no final): Thai tone rules
        treat it apart from a live one."""
        return self.final in STOP_FINALS or (not self.final and not self.long)


def parse_syllable(text: str) -> Syllable | None:
    """The syllable written `text` in the guide (`khráp`), or None if it is not one."""
    decomposed = unicodedata.normalize("NFD", text)
    tones = [TONE_MARKS[ch] for ch in decomposed if ch in TONE_MARKS]
    letters = "".join(ch for ch in decomposed if ch not in TONE_MARKS).lower()
    if len(tones) > 1 or not letters.isascii():
        return None
    match = _SYLLABLE.fullmatch(letters)
    if match is None:
        return None
    onset, vowel, final = match["onset"], match["vowel"], match["final"]
    # `o` and `i` as finals are how the guide spells w and y after some vowels.
    if final == "o":
        if vowel not in ("a", "aa"):
            return None
        final = "w"
    elif final == "i":
        final = "y"
    cluster = ""
    if len(onset) >= 2 and onset[-1] in "rlw" and onset not in ("ng",):
        onset, cluster = onset[:-1], onset[-1]
    return Syllable(onset, cluster, vowel, final, tones[0] if tones else "mid")


def split_pron(pron: str) -> list[tuple[str, list[str]]]:
    """`pron` cut into pieces: `("word", [syllables])` for each run of guide letters and
    `("other", [text])` for everything between (spaces, punctuation, digits)."""
    pieces: list[tuple[str, list[str]]] = []
    pos = 0
    for match in _WORD.finditer(pron):
        if match.start() > pos:
            pieces.append(("other", [pron[pos : match.start()]]))
        pieces.append(("word", match.group().split("-")))
        pos = match.end()
    if pos < len(pron):
        pieces.append(("other", [pron[pos:]]))
    return pieces
