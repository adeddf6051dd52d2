"""Thai sounds spelt in Khmer letters, with a tone hint after each syllable.

Khmer reads a vowel sign two ways, by the series of the consonant before it (a-series: ក ខ ច
...; o-series: គ ឃ ជ ...). Each Thai vowel is given the series that reads it nearest, and the
initial consonant is taken from that series. Khmer has no tones: a fixed arrow after the
syllable gives the Thai tone (`TONE_HINTS`). The rules are in docs/transcription.md.
"""

from __future__ import annotations

from lessons.transcribe.syllable import Syllable

#: Thai tone -> the hint written after a Khmer (and Burmese) syllable; mid has none.
TONE_HINTS = {"mid": "", "low": "↓", "falling": "↘", "high": "↑", "rising": "↗"}

COENG = "\u17d2"
BANTOC = "\u17cb"  # shortens the vowel of a closed syllable: ាត់ = short a + t
# Sound -> (a-series letter, o-series letter). ៉ moves an o-series letter to the a-series,
# ៊ an a-series letter to the o-series, as in loanwords (ម៉ោង, ស៊ីម).
SERIES = {
    "k": ("ក", "គ"), "kh": ("ខ", "ឃ"), "ng": ("ង៉", "ង"), "j": ("ច", "ជ"),
    "ch": ("ឆ", "ឈ"), "s": ("ស", "ស៊"), "y": ("យ៉", "យ"), "d": ("ដ", "ឌ"),
    "t": ("ត", "ទ"), "th": ("ថ", "ធ"), "n": ("ណ", "ន"), "b": ("ប", "ប៊"),
    "p": ("ប៉", "ព"), "ph": ("ផ", "ភ"), "f": ("ហ្វ", "ហ្វ៊"), "m": ("ម៉", "ម"),
    "r": ("រ៉", "រ"), "l": ("ឡ", "ល"), "w": ("វ៉", "វ"), "h": ("ហ", "ហ៊"), "": ("អ", "អ៊"),
}  # fmt: skip
#: The letter used where either series reads the vowel the same (ia, uea, ua): the plain one.
PLAIN = {"ng": 1, "y": 1, "n": 1, "p": 1, "m": 1, "r": 1, "l": 1, "w": 1}
#: Heads of clusters (C + coeng + r/l/w), letters that need no series sign. ប before a
#: coeng reads p (ប្រ), so p and b share it.
CLUSTER_HEADS = {
    "k": ("ក", "គ"), "kh": ("ខ", "ឃ"), "p": ("ប", "ព"), "ph": ("ផ", "ភ"), "t": ("ត", "ទ"),
    "th": ("ថ", "ធ"), "b": ("ប", "ប"), "d": ("ដ", "ឌ"), "f": ("ហ្វ", "ហ្វ"),
}  # fmt: skip
CLUSTER_SECOND = {"r": "រ", "l": "ល", "w": "វ"}
FINALS = {"k": "ក", "t": "ត", "p": "ប", "m": "ម", "n": "ន", "ng": "ង", "w": "វ", "y": "យ", "": ""}

# Vowel -> (series, open form, closed form); series 0 = a, 1 = o, None = either.
# A short open vowel ends in ះ (a final h), the nearest Khmer has to Thai's glottal stop.
VOWELS: dict[str, tuple[int | None, str, str]] = {
    "a": (0, "ះ", "ា"),  # closed: ា + final + ់ (short a)
    "aa": (0, "ា", "ា"),
    "i": (1, "ិះ", "ិ"),
    "ii": (1, "ី", "ី"),
    "ue": (1, "ឹះ", "ឹ"),
    "uue": (1, "ឺ", "ឺ"),
    "u": (1, "ុះ", "ុ"),
    "uu": (1, "ូ", "ូ"),
    "e": (1, "េះ", "េ"),
    "ee": (1, "េ", "េ"),
    "ae": (1, "ែះ", "ែ"),
    "aae": (1, "ែ", "ែ"),
    "o": (0, "ុះ", "ុ"),
    "oo": (1, "ោ", "ោ"),
    "aw": (0, "ោះ", ""),  # closed: spelt like the long ɔɔ (o-series, no sign)
    "aaw": (1, "", ""),  # the o-series consonant alone reads ɔɔ (គ kɔɔ)
    "oe": (1, "ើះ", "ើ"),
    "ooe": (1, "ើ", "ើ"),
    "ia": (None, "ៀ", "ៀ"),
    "uea": (None, "ឿ", "ឿ"),
    "ua": (None, "ួ", "ួ"),
}
#: Short a with a final w, y or m: one a-series vowel sign (ៅ, ៃ, ាំ) with no final letter.
SPECIAL_RHYMES = {"w": "ៅ", "y": "ៃ", "m": "ាំ"}


def spell(syl: Syllable) -> str:
    """One syllable in Khmer letters, with its tone hint."""
    final = syl.final
    if syl.vowel == "a" and final in SPECIAL_RHYMES:
        series, vowel, final = 0, SPECIAL_RHYMES[final], ""
    else:
        series, open_form, closed_form = VOWELS[syl.vowel]
        if syl.vowel == "aw" and final:
            series = 1
        vowel = closed_form if final else open_form
    if series is None:
        series = PLAIN.get(syl.onset, 0)
    if syl.cluster and syl.onset in CLUSTER_HEADS:
        onset = CLUSTER_HEADS[syl.onset][series] + COENG + CLUSTER_SECOND[syl.cluster]
    else:
        onset = SERIES[syl.onset][series]
        if syl.cluster:  # a rare cluster head (s, m, ...): its second consonant is subscript
            onset += COENG + CLUSTER_SECOND[syl.cluster]
    tail = FINALS[final]
    if syl.vowel == "a" and final:
        tail += BANTOC
    return onset + vowel + tail + TONE_HINTS[syl.tone]
