"""The Thai alphabet for the textbook's appendix: 44 consonants with their class, the vowels,
and the tone rules (consonant class x live/dead syllable x tone mark -> tone).

The sounds are given in a plain Latin spelling (the one most Thai courses use), not IPA: most
learners read Latin letters better than phonetic symbols.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ConsonantClass = Literal["mid", "high", "low"]
Tone = Literal["mid", "low", "falling", "high", "rising"]


@dataclass(frozen=True, slots=True)
class Consonant:
    """A consonant letter, its name (letter + acrophonic word), class and sounds."""

    letter: str
    name: str
    cls: ConsonantClass
    initial: str
    final: str  # "" where the letter never ends a syllable
    obsolete: bool = False


@dataclass(frozen=True, slots=True)
class Vowel:
    """A vowel written around the carrier อ, its sound and length."""

    form: str
    sound: str
    long: bool


def _c(letter, name, cls, initial, final, obsolete=False) -> Consonant:
    return Consonant(letter, name, cls, initial, final, obsolete)


CONSONANTS: tuple[Consonant, ...] = (
    _c("ก", "ก ไก่", "mid", "k", "k"),
    _c("ข", "ข ไข่", "high", "kh", "k"),
    _c("ฃ", "ฃ ขวด", "high", "kh", "k", obsolete=True),
    _c("ค", "ค ควาย", "low", "kh", "k"),
    _c("ฅ", "ฅ คน", "low", "kh", "k", obsolete=True),
    _c("ฆ", "ฆ ระฆัง", "low", "kh", "k"),
    _c("ง", "ง งู", "low", "ng", "ng"),
    _c("จ", "จ จาน", "mid", "j", "t"),
    _c("ฉ", "ฉ ฉิ่ง", "high", "ch", ""),
    _c("ช", "ช ช้าง", "low", "ch", "t"),
    _c("ซ", "ซ โซ่", "low", "s", "t"),
    _c("ฌ", "ฌ เฌอ", "low", "ch", ""),
    _c("ญ", "ญ หญิง", "low", "y", "n"),
    _c("ฎ", "ฎ ชฎา", "mid", "d", "t"),
    _c("ฏ", "ฏ ปฏัก", "mid", "t", "t"),
    _c("ฐ", "ฐ ฐาน", "high", "th", "t"),
    _c("ฑ", "ฑ มณโฑ", "low", "th", "t"),
    _c("ฒ", "ฒ ผู้เฒ่า", "low", "th", "t"),
    _c("ณ", "ณ เณร", "low", "n", "n"),
    _c("ด", "ด เด็ก", "mid", "d", "t"),
    _c("ต", "ต เต่า", "mid", "t", "t"),
    _c("ถ", "ถ ถุง", "high", "th", "t"),
    _c("ท", "ท ทหาร", "low", "th", "t"),
    _c("ธ", "ธ ธง", "low", "th", "t"),
    _c("น", "น หนู", "low", "n", "n"),
    _c("บ", "บ ใบไม้", "mid", "b", "p"),
    _c("ป", "ป ปลา", "mid", "p", "p"),
    _c("ผ", "ผ ผึ้ง", "high", "ph", ""),
    _c("ฝ", "ฝ ฝา", "high", "f", ""),
    _c("พ", "พ พาน", "low", "ph", "p"),
    _c("ฟ", "ฟ ฟัน", "low", "f", "p"),
    _c("ภ", "ภ สำเภา", "low", "ph", "p"),
    _c("ม", "ม ม้า", "low", "m", "m"),
    _c("ย", "ย ยักษ์", "low", "y", "y"),
    _c("ร", "ร เรือ", "low", "r", "n"),
    _c("ล", "ล ลิง", "low", "l", "n"),
    _c("ว", "ว แหวน", "low", "w", "w"),
    _c("ศ", "ศ ศาลา", "high", "s", "t"),
    _c("ษ", "ษ ฤๅษี", "high", "s", "t"),
    _c("ส", "ส เสือ", "high", "s", "t"),
    _c("ห", "ห หีบ", "high", "h", ""),
    _c("ฬ", "ฬ จุฬา", "low", "l", "n"),
    _c("อ", "อ อ่าง", "mid", "-", ""),
    _c("ฮ", "ฮ นกฮูก", "low", "h", ""),
)

# Short and long pairs side by side, as Thai primers teach them.
VOWELS: tuple[Vowel, ...] = (
    Vowel("อะ", "a", False), Vowel("อา", "aa", True),
    Vowel("อิ", "i", False), Vowel("อี", "ii", True),
    Vowel("อึ", "ue", False), Vowel("อือ", "uue", True),
    Vowel("อุ", "u", False), Vowel("อู", "uu", True),
    Vowel("เอะ", "e", False), Vowel("เอ", "ee", True),
    Vowel("แอะ", "ae", False), Vowel("แอ", "aae", True),
    Vowel("โอะ", "o", False), Vowel("โอ", "oo", True),
    Vowel("เอาะ", "aw", False), Vowel("ออ", "aaw", True),
    Vowel("เออะ", "oe", False), Vowel("เออ", "oee", True),
    Vowel("เอียะ", "ia", False), Vowel("เอีย", "iia", True),
    Vowel("เอือะ", "uea", False), Vowel("เอือ", "uuea", True),
    Vowel("อัวะ", "ua", False), Vowel("อัว", "uua", True),
    Vowel("อำ", "am", False), Vowel("ใอ", "ai", False),
    Vowel("ไอ", "ai", False), Vowel("เอา", "ao", False),
)  # fmt: skip

TONE_MARKS: tuple[str, ...] = ("\u0e48", "\u0e49", "\u0e4a", "\u0e4b")  # ่ ้ ๊ ๋
TONE_MARK_NAMES: dict[str, str] = {
    "\u0e48": "ไม้เอก",
    "\u0e49": "ไม้โท",
    "\u0e4a": "ไม้ตรี",
    "\u0e4b": "ไม้จัตวา",
}

# (class, column) -> tone; columns: "live", "dead_short", "dead_long", then each tone mark.
# None: the combination is not written in Thai.
TONE_RULES: dict[tuple[ConsonantClass, str], Tone | None] = {
    ("mid", "live"): "mid",
    ("mid", "dead_short"): "low",
    ("mid", "dead_long"): "low",
    ("mid", "\u0e48"): "low",
    ("mid", "\u0e49"): "falling",
    ("mid", "\u0e4a"): "high",
    ("mid", "\u0e4b"): "rising",
    ("high", "live"): "rising",
    ("high", "dead_short"): "low",
    ("high", "dead_long"): "low",
    ("high", "\u0e48"): "low",
    ("high", "\u0e49"): "falling",
    ("high", "\u0e4a"): None,
    ("high", "\u0e4b"): None,
    ("low", "live"): "mid",
    ("low", "dead_short"): "high",
    ("low", "dead_long"): "falling",
    ("low", "\u0e48"): "falling",
    ("low", "\u0e49"): "high",
    ("low", "\u0e4a"): None,
    ("low", "\u0e4b"): None,
}
TONE_COLUMNS: tuple[str, ...] = ("live", "dead_short", "dead_long", *TONE_MARKS)
CLASSES: tuple[ConsonantClass, ...] = ("mid", "high", "low")

# The finals that make a syllable live (sonorants) or dead (stops), by their sound group.
LIVE_FINALS = "ง น ม ย ว"
DEAD_FINALS = "ก บ ด"


def tone(cls: ConsonantClass, column: str) -> Tone | None:
    """The tone of a syllable with an initial of class cls, by column of the tone table."""
    return TONE_RULES[(cls, column)]


def consonants_of(cls: ConsonantClass) -> tuple[Consonant, ...]:
    return tuple(c for c in CONSONANTS if c.cls == cls)
