"""Thai sounds spelt in Lao letters, with the tone spelt by the rules Lao and Thai share.

Lao keeps Thai's consonant classes (high, mid, low), live and dead syllables and tone marks,
so a syllable is spelt the way the cognate Thai word is: `khàawp-khun` -> ຂອບຄຸນ, `khráp` ->
ຄັບ. The rules and their known gaps are in docs/transcription.md.
"""

from __future__ import annotations

from lessons.transcribe.syllable import Syllable

MAI_EK, MAI_THO, MAI_TI, MAI_CATAWA = "\u0ec8", "\u0ec9", "\u0eca", "\u0ecb"

#: Sounds with one mid-class letter: every tone is spelt with a mark.
MID = {"k": "ກ", "j": "ຈ", "d": "ດ", "t": "ຕ", "b": "ບ", "p": "ປ", "": "ອ"}
#: Sounds with a high-class and a low-class letter: (high, low). Lao has no ช; ຊ/ສ (s) is
#: the letter of the cognate words (ช้าง = ຊ້າງ). Thai r is ຣ, Lao's letter for r in names.
PAIRED = {
    "kh": ("ຂ", "ຄ"), "ng": ("ຫງ", "ງ"), "ch": ("ສ", "ຊ"), "s": ("ສ", "ຊ"),
    "y": ("ຫຍ", "ຍ"), "th": ("ຖ", "ທ"), "n": ("ໜ", "ນ"), "ph": ("ຜ", "ພ"),
    "f": ("ຝ", "ຟ"), "m": ("ໝ", "ມ"), "r": ("ຫຣ", "ຣ"), "l": ("ຫຼ", "ລ"),
    "w": ("ຫວ", "ວ"), "h": ("ຫ", "ຮ"),
}  # fmt: skip
FINALS = {"k": "ກ", "t": "ດ", "p": "ບ", "m": "ມ", "n": "ນ", "ng": "ງ", "w": "ວ", "y": "ຍ", "": ""}

# Vowel: (before the consonant, above or below it, after it) for an open and a closed
# syllable. The tone mark goes between the second and the third part.
VOWELS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "a": (("", "", "ະ"), ("", "ັ", "")),
    "aa": (("", "", "າ"), ("", "", "າ")),
    "i": (("", "ິ", ""), ("", "ິ", "")),
    "ii": (("", "ີ", ""), ("", "ີ", "")),
    "ue": (("", "ຶ", ""), ("", "ຶ", "")),
    "uue": (("", "ື", ""), ("", "ື", "")),
    "u": (("", "ຸ", ""), ("", "ຸ", "")),
    "uu": (("", "ູ", ""), ("", "ູ", "")),
    "e": (("ເ", "", "ະ"), ("ເ", "ັ", "")),
    "ee": (("ເ", "", ""), ("ເ", "", "")),
    "ae": (("ແ", "", "ະ"), ("ແ", "ັ", "")),
    "aae": (("ແ", "", ""), ("ແ", "", "")),
    "o": (("ໂ", "", "ະ"), ("", "ົ", "")),
    "oo": (("ໂ", "", ""), ("ໂ", "", "")),
    # A short ɔ before a final is rare; it is spelt like the long one (ອ).
    "aw": (("ເ", "", "າະ"), ("", "", "ອ")),
    "aaw": (("", "ໍ", ""), ("", "", "ອ")),
    "oe": (("ເ", "ິ", ""), ("ເ", "ິ", "")),
    "ooe": (("ເ", "ີ", ""), ("ເ", "ີ", "")),
    "ia": (("ເ", "", "ຍ"), ("", "", "ຽ")),
    "uea": (("ເ", "ື", "ອ"), ("ເ", "ື", "ອ")),
    "ua": (("", "ົ", "ວ"), ("", "", "ວ")),
}
#: Short a with a final w, y or m has a vowel letter of its own (ເ-ົາ, ໄ-, -ຳ).
SPECIAL_RHYMES = {"w": ("ເ", "ົ", "າ"), "y": ("ໄ", "", ""), "m": ("", "", "ຳ")}

# Tone -> (class, mark), by the Thai/Lao rules. A class is "high" or "low" for paired
# sounds; mid-class sounds take every tone from a mark.
_LIVE = {"mid": ("low", ""), "low": ("high", MAI_EK), "falling": ("low", MAI_EK),
         "high": ("low", MAI_THO), "rising": ("high", "")}  # fmt: skip
_DEAD_SHORT = {"low": ("high", ""), "high": ("low", ""), "falling": ("low", MAI_EK)}
_DEAD_LONG = {"low": ("high", ""), "high": ("low", MAI_THO), "falling": ("low", "")}
_MID_LIVE = {"mid": "", "low": MAI_EK, "falling": MAI_THO, "high": MAI_TI, "rising": MAI_CATAWA}
_MID_DEAD = {"low": "", "falling": MAI_THO, "high": MAI_TI, "rising": MAI_CATAWA}


def onset_and_mark(syl: Syllable) -> tuple[str, str]:
    """The initial letter(s) and the tone mark that give `syl` its tone."""
    if syl.onset in MID:
        table = _MID_DEAD if syl.dead else _MID_LIVE
        # A mid tone on a dead syllable cannot be spelt: unmarked is the nearest (low).
        return MID[syl.onset], table.get(syl.tone, "")
    if syl.onset == "y" and syl.tone == "low":
        # อย / ຢ: the mid-class y of the everyday cognates (อยู่ ຢູ່, อย่า ຢ່າ).
        return "ຢ", "" if syl.dead else MAI_EK
    high, low = PAIRED[syl.onset]
    table = _LIVE if not syl.dead else _DEAD_LONG if syl.long else _DEAD_SHORT
    # Dead syllables have no mid or rising tone in the spelling rules; the unmarked low
    # class (high or falling) is the nearest readable form.
    cls, mark = table.get(syl.tone, ("low", ""))
    if syl.onset == "h" and syl.tone == "falling" and not syl.dead:
        # ຫ + ້ (ห้า ຫ້າ) rather than the rarer ຮ + ່: both read falling.
        cls, mark = "high", MAI_THO
    return (high if cls == "high" else low), mark


def spell(syl: Syllable) -> str:
    """One syllable in Lao letters."""
    onset, mark = onset_and_mark(syl)
    # Lao has no r or l clusters: the cognate words drop the second consonant (ครับ ຄັບ,
    # ปลา ປາ); a w cluster is written with ວ (ขวา ຂວາ), and it carries the tone mark.
    if syl.cluster == "w":
        onset += "ວ"
    final = syl.final
    if syl.vowel == "a" and final in SPECIAL_RHYMES:
        (before, over, after), final = SPECIAL_RHYMES[final], ""
    else:
        before, over, after = VOWELS[syl.vowel][1 if final else 0]
    return before + onset + over + mark + after + FINALS[final]
