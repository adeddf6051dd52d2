"""`compare`: what is wrong with a typed Thai answer, named at grapheme-cluster level.

An answer one character edit away from the expected text (after normalisation, spaces aside)
is a near miss, named after the character: a tone mark missing or wrong, a vowel wrong or
missing, a consonant of the same sound, a consonant missing or extra. It is reported with the
clusters around it: a cluster is a base character with its combining marks (tone marks, upper
and lower vowels). Unlike ICU's extended grapheme clusters, sara am and sara aa stay clusters of
their own, so น้ำ typed as น้า shows as ำ -> า, not as a whole wrong syllable.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
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
# Alignment costs len(expected) * len(typed) steps: a pasted page must not cost a second.
MAX_ALIGN = 200

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


def _is_vowel(char: str) -> bool:
    return char in _VOWEL_MARKS or char in _SPACING_VOWELS


def _substitution(e: str, t: str) -> Code:
    if e in _TONES:
        return Code.THAI_WRONG_TONE_MARK if t in _TONES else Code.THAI_WRONG
    if _is_vowel(e) and _is_vowel(t):
        return Code.THAI_WRONG_VOWEL
    if same_sound(e, t):
        return Code.THAI_SAME_SOUND_CONSONANT
    return Code.THAI_WRONG


def _gap(char: str, missing: bool) -> Code:
    if char in _TONES:
        return Code.THAI_MISSING_TONE_MARK if missing else Code.THAI_WRONG_TONE_MARK
    if _is_vowel(char):
        return Code.THAI_WRONG_VOWEL
    return Code.THAI_MISSING_CHARACTER if missing else Code.THAI_EXTRA_CHARACTER


def _edits(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int]]:
    """A cheapest edit script from `a` to `b` (Levenshtein), as (op, index in a, index in b)
    with op "sub", "del" (a[i] missing from b) or "ins" (b[j] extra), in order."""
    n, m = len(a), len(b)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        cost[i][0] = i
    for j in range(m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            sub = cost[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            cost[i][j] = min(sub, cost[i - 1][j] + 1, cost[i][j - 1] + 1)
    edits: list[tuple[str, int, int]] = []
    i, j = n, m
    while i or j:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            if a[i - 1] != b[j - 1]:
                edits.append(("sub", i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + 1:
            edits.append(("del", i - 1, j))
            i -= 1
        else:
            edits.append(("ins", i, j - 1))
            j -= 1
    return edits[::-1]


def _cluster_index(text: str) -> tuple[list[str], list[int]]:
    """The clusters of `text` and, for each character, the index of its cluster."""
    parts = clusters(text)
    owner = [n for n, part in enumerate(parts) for _ in part]
    return parts, owner


def _one_edit(exp: str, typ: str, edit: tuple[str, int, int]) -> Diff:
    """The named difference for a single character edit, shown as whole clusters."""
    op, i, j = edit
    e_parts, e_owner = _cluster_index(exp)
    t_parts, t_owner = _cluster_index(typ)

    def e_at(k: int) -> int:
        return e_owner[min(k, len(exp) - 1)] if exp else 0

    def t_at(k: int) -> int:
        return t_owner[min(k, len(typ) - 1)] if typ else 0

    if op == "sub":
        code = _substitution(exp[i], typ[j])
        return Diff(code, e_at(i) + 1, e_parts[e_at(i)], t_parts[t_at(j)])
    if op == "del":
        char, code = exp[i], _gap(exp[i], missing=True)
        # a missing mark shows the typed cluster that lacks it; a missing letter shows nothing
        typed = t_parts[t_at(j - 1)] if _is_mark(char) and j > 0 else ""
        return Diff(code, e_at(i) + 1, e_parts[e_at(i)], typed)
    char, code = typ[j], _gap(typ[j], missing=False)
    if _is_mark(char) and i > 0:  # an extra mark sits on the expected cluster before it
        return Diff(code, e_at(i - 1) + 1, e_parts[e_at(i - 1)], t_parts[t_at(j)])
    # an extra letter is inserted before the expected cluster at this position
    position = e_at(i) + 1 if i < len(exp) else len(e_parts) + 1
    return Diff(code, position, "", t_parts[t_at(j)])


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


def _cluster_diffs(exp: list[str], typ: list[str]) -> tuple[Diff, ...]:
    """Every differing cluster, for an answer that is more than one edit away."""
    diffs = []
    for op, i, j in _edits(exp, typ):
        if op == "sub":
            diffs.append(Diff(Code.THAI_WRONG, i + 1, exp[i], typ[j]))
        elif op == "del":
            diffs.append(Diff(Code.THAI_MISSING_CHARACTER, i + 1, exp[i], ""))
        else:
            diffs.append(Diff(Code.THAI_EXTRA_CHARACTER, i + 1, "", typ[j]))
    return tuple(diffs)


def compare(expected: str, typed: str) -> Comparison:
    """How `typed` differs from `expected`, both normalized first.

    CORRECT if equal; THAI_SPACING if only spaces differ (accepted); the diff's own code if
    exactly one cluster differs and the answer is long enough for that to be a near miss;
    THAI_WRONG otherwise (with every diff, for a teacher's view).
    """
    exp, typ = normalize(expected), normalize(typed)
    if exp == typ:
        return Comparison(Code.CORRECT)
    exp, typ = exp.replace(" ", ""), typ.replace(" ", "")
    if exp == typ:
        return Comparison(Code.THAI_SPACING)
    if len(exp) > MAX_ALIGN or len(typ) > MAX_ALIGN:
        return Comparison(Code.THAI_WRONG)
    edits = _edits(exp, typ)
    if len(edits) == 1:
        diff = _one_edit(exp, typ, edits[0])
        gap = diff.code in (Code.THAI_MISSING_CHARACTER, Code.THAI_EXTRA_CHARACTER)
        if diff.code is not Code.THAI_WRONG and (
            not gap or len(clusters(exp)) >= _MIN_CLUSTERS_FOR_GAP
        ):
            return Comparison(diff.code, (diff,))
    return Comparison(Code.THAI_WRONG, _cluster_diffs(clusters(exp), clusters(typ)))
