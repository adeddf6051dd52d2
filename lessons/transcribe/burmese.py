"""Thai sounds spelt in Burmese letters (Unicode, never Zawgyi), with Burmese tone marks
where Burmese has the tone and an arrow where it has not.

Burmese reads a final consonant for the rhyme it makes, not letter by letter (-က် is ɛʔ,
-င် is ɪɴ), so each Thai rhyme is spelt with the Burmese rhyme that sounds nearest. The
rules, the tone legend and the known gaps are in docs/transcription.md.
"""

from __future__ import annotations

from lessons.transcribe.khmer import TONE_HINTS
from lessons.transcribe.syllable import Syllable

ASAT = "\u103a"
VISARGA = "း"  # high tone
MEDIAL_W = "ွ"
# Burmese ရ reads y; Thai r is written လ, as many Thai speakers say it (see the docs).
ONSETS = {
    "k": "က", "kh": "ခ", "ng": "င", "j": "ကျ", "ch": "ချ", "s": "စ", "y": "ယ", "d": "ဒ",
    "t": "တ", "th": "ထ", "n": "န", "b": "ဘ", "p": "ပ", "ph": "ဖ", "f": "ဖ", "m": "မ",
    "r": "လ", "l": "လ", "w": "ဝ", "h": "ဟ", "": "အ",
}  # fmt: skip
#: Letters after which Burmese writes the tall aa (ါ), so that ပါ is not read as ဟ.
TALL_AA_AFTER = frozenset("ခဂငဒပဝ")

# The Thai vowel -> the Burmese vowel quality it is spelt with.
QUALITY = {
    "a": "a", "aa": "a", "i": "i", "ii": "i", "u": "u", "uu": "u", "ue": "u", "uue": "u",
    "e": "e", "ee": "e", "oe": "e", "ooe": "e", "ae": "ae", "aae": "ae", "o": "o", "oo": "o",
    "aw": "aw", "aaw": "aw",
}  # fmt: skip
# Open syllables: quality -> (long, long with high tone, short).
OPEN = {
    "a": ("ာ", "ား", ""),
    "i": ("ီ", "ီး", "ိ"),
    "u": ("ူ", "ူး", "ု"),
    "e": ("ေ", "ေး", "ေ့"),
    "ae": ("ယ်", "ဲ", "ဲ့"),
    "o": ("ို", "ိုး", "ို့"),
    "aw": ("ော်", "ော", "ော့"),
}
# Nasal finals: quality -> rhyme for (m, n, ng). Burmese has one final nasal sound; the
# letter keeps the Thai one where the vowel allows it.
NASAL = {
    "a": ("မ်", "န်", "န်"),
    "i": ("င်", "င်", "င်"),
    "u": ("ုမ်", "ုန်", "ုံ"),
    "o": ("ုမ်", "ုန်", "ုံ"),
    "e": ("ိမ်", "ိန်", "ိန်"),
    "ae": ("မ်", "န်", "န်"),
    "aw": ("ောင်", "ောင်", "ောင်"),
}
# Stop finals: quality -> rhyme for (k, t, p).
STOP = {
    "a": ("တ်", "တ်", "ပ်"),
    "i": ("စ်", "စ်", "စ်"),
    "u": ("ုတ်", "ုတ်", "ုပ်"),
    "o": ("ုတ်", "ုတ်", "ုပ်"),
    "e": ("ိတ်", "ိတ်", "ိပ်"),
    "ae": ("က်", "က်", "က်"),
    "aw": ("ောက်", "ောက်", "ောက်"),
}
#: Rhymes with a final y: ai-like ones are ိုင် (as in ထိုင်း "Thai"), e-like ones ယ် (ɛ).
Y_FINAL = {"a": "ိုင်", "aw": "ိုင်", "o": "ိုင်", "u": "ွယ်", "e": "ယ်", "ae": "ယ်", "i": "ီ"}


def _rhyme(quality: str, syl: Syllable) -> tuple[str, bool]:
    """The Burmese rhyme for `quality` + the final of `syl`, and whether it takes a tone mark."""
    final = syl.final
    if final in ("m", "n", "ng"):
        return NASAL[quality][("m", "n", "ng").index(final)], True
    if final in ("k", "t", "p"):
        return STOP[quality][("k", "t", "p").index(final)], False
    if final == "y":
        return Y_FINAL[quality], True
    if final == "w":
        # Burmese has no final w: as in loanwords (လာအို "Laos", မကာအို "Macao"), a
        # vowel-initial syllable follows: aa-o after a, -u after the other vowels.
        if quality == "a":
            return "ာအို", True
        return OPEN[quality][0] + "အူ", True
    if syl.long or syl.vowel in ("ue", "oe"):
        return OPEN[quality][0], True
    return OPEN[quality][2], False


def _with_tone(rhyme: str, markable: bool, tone: str) -> str:
    if not markable:
        return rhyme + TONE_HINTS[tone]
    if tone == "high":
        return rhyme[:-2] + "ဲ" if rhyme.endswith("ယ်") else rhyme + VISARGA
    if tone == "mid":
        return rhyme
    return rhyme + TONE_HINTS[tone]


def _short_open(syl: Syllable) -> bool:
    return not syl.final and not syl.long


def spell(syl: Syllable) -> str:
    """One syllable in Burmese letters, with its tone mark or hint."""
    onset = ONSETS[syl.onset]
    lead = ""
    if syl.cluster == "w":
        onset += MEDIAL_W
    elif syl.cluster:
        # r and l clusters as in loanwords (ကလပ် "club"): the head, then လ with the rhyme.
        lead, onset = onset, ONSETS["l"]
    if syl.vowel in ("ua", "uea"):
        # No ua in Burmese: the w medial with an a rhyme (ခွာ, ဒွန် dʊɴ, ချွယ် tɕʰwɛ).
        if MEDIAL_W not in onset:
            onset += MEDIAL_W
        rhyme, markable = _rhyme("a", syl) if syl.final != "y" else ("ယ်", True)
    elif syl.vowel == "ia":
        # No ia in Burmese: ii, then ya with an a rhyme (ရီယာ as in loanwords).
        onset += "ီယ"
        rhyme, markable = _rhyme("a", syl)
    else:
        rhyme, markable = _rhyme(QUALITY[syl.vowel], syl)
        if syl.tone != "mid" and _short_open(syl):
            markable = False
    if onset[-1] in TALL_AA_AFTER and rhyme[:1] in ("ာ", "ေ") and "ာ" in rhyme[:2]:
        rhyme = rhyme.replace("ာ", "ါ", 1)
    return lead + onset + _with_tone(rhyme, markable, syl.tone)
