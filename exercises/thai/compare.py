"""`compare`: what is wrong with a typed Thai answer, named at grapheme-cluster level.

Clusters here are a base character with its combining marks (tone marks, upper and lower
vowels). Unlike ICU's extended grapheme clusters, sara am and sara aa stay clusters of their own,
so น้ำ typed as น้า is one wrong vowel, not a wrong syllable.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from exercises.feedback import Code
from exercises.thai.normalize import LEADING_VOWELS, TONE_MARKS, normalize
from exercises.thai.sounds import same_sound

_VOWEL_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47")  # ั ิ ี ึ ื ุ ู ็
_SPACING_VOWELS = frozenset(LEADING_VOWELS + "\u0e30\u0e32\u0e33\u0e45")  # leading, ะ า ำ ๅ
_TONES = frozenset(TONE_MARKS)

# One near miss in an answer of at least this many clusters is "almost"; in a shorter answer a
# missing or extra cluster changes too much of it to be called near.
_MIN_CLUSTERS_FOR_GAP = 3
NEAR_MISS_SCORE = 0.5

NEAR_MISSES = frozenset(
    {
        Code.THAI_MISSING_TONE_MARK,
        Code.THAI_WRONG_TONE_MARK,
        Code.THAI_WRONG_VOWEL,
        Code.THAI_SAME_SOUND_CONSONANT,
        Code.THAI_MISSING_CHARACTER,
        Code.THAI_EXTRA_CHARACTER,
    }
)


@dataclass(frozen=True, slots=True)
class Diff:
    """One difference: its kind, the 1-based cluster position in the expected text, and the
    expected and typed clusters ("" where one side has none)."""

    code: Code
    position: int
    expected: str
    typed: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """The verdict on a typed answer: `code` is THAI_* or CORRECT, `diffs` every difference."""

    code: Code
    diffs: tuple[Diff, ...] = ()

    @property
    def correct(self) -> bool:
        return self.code in (Code.CORRECT, Code.THAI_SPACING)

    @property
    def score(self) -> float:
        if self.correct:
            return 1.0
        return NEAR_MISS_SCORE if self.code in NEAR_MISSES else 0.0


def clusters(text: str) -> list[str]:
    """`text` split into base characters each with its following combining marks."""
    out: list[str] = []
    for char in text:
        if out and unicodedata.category(char) in ("Mn", "Me"):
            out[-1] += char
        else:
            out.append(char)
    return out


def _classify(expected: str, typed: str) -> Code:
    """The kind of difference between two clusters that differ."""
    if expected[0] == typed[0]:
        e_tones = [c for c in expected[1:] if c in _TONES]
        t_tones = [c for c in typed[1:] if c in _TONES]
        e_rest = [c for c in expected[1:] if c not in _TONES]
        t_rest = [c for c in typed[1:] if c not in _TONES]
        if e_rest == t_rest:
            if not t_tones:
                return Code.THAI_MISSING_TONE_MARK
            return Code.THAI_WRONG_TONE_MARK
        if e_tones == t_tones:
            e_vowels = [c for c in e_rest if c in _VOWEL_MARKS]
            t_vowels = [c for c in t_rest if c in _VOWEL_MARKS]
            if e_vowels != t_vowels:
                return Code.THAI_WRONG_VOWEL
            # only a thanthakhat, phinthu or yamakkan differs
            if len(e_rest) > len(t_rest):
                return Code.THAI_MISSING_CHARACTER
            return Code.THAI_EXTRA_CHARACTER
        return Code.THAI_WRONG
    if expected[1:] == typed[1:] and same_sound(expected[0], typed[0]):
        return Code.THAI_SAME_SOUND_CONSONANT
    if expected in _SPACING_VOWELS and typed in _SPACING_VOWELS:
        return Code.THAI_WRONG_VOWEL
    return Code.THAI_WRONG


def _align(exp: list[str], typ: list[str]) -> list[Diff]:
    """The differences along a cheapest edit path (Levenshtein over clusters)."""
    n, m = len(exp), len(typ)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        cost[i][0] = i
    for j in range(m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            sub = cost[i - 1][j - 1] + (exp[i - 1] != typ[j - 1])
            cost[i][j] = min(sub, cost[i - 1][j] + 1, cost[i][j - 1] + 1)
    diffs: list[Diff] = []
    i, j = n, m
    while i or j:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + (exp[i - 1] != typ[j - 1]):
            if exp[i - 1] != typ[j - 1]:
                diffs.append(Diff(_classify(exp[i - 1], typ[j - 1]), i, exp[i - 1], typ[j - 1]))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + 1:
            diffs.append(Diff(Code.THAI_MISSING_CHARACTER, i, exp[i - 1], ""))
            i -= 1
        else:
            diffs.append(Diff(Code.THAI_EXTRA_CHARACTER, i + 1, "", typ[j - 1]))
            j -= 1
    return diffs[::-1]


def compare(expected: str, typed: str) -> Comparison:
    """How `typed` differs from `expected`, both normalized first.

    CORRECT if equal; THAI_SPACING if only spaces differ (accepted); the diff's own code if
    exactly one cluster differs and the answer is long enough for that to be a near miss;
    THAI_WRONG otherwise (with every diff, for a teacher's view).
    """
    exp, typ = normalize(expected), normalize(typed)
    if exp == typ:
        return Comparison(Code.CORRECT)
    if exp.replace(" ", "") == typ.replace(" ", ""):
        return Comparison(Code.THAI_SPACING)
    exp_clusters = clusters(exp.replace(" ", ""))
    diffs = tuple(_align(exp_clusters, clusters(typ.replace(" ", ""))))
    if len(diffs) == 1:
        code = diffs[0].code
        gap = code in (Code.THAI_MISSING_CHARACTER, Code.THAI_EXTRA_CHARACTER)
        if not gap or len(exp_clusters) >= _MIN_CLUSTERS_FOR_GAP:
            return Comparison(code, diffs)
    return Comparison(Code.THAI_WRONG, diffs)
