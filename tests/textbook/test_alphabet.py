"""The Thai alphabet appendix data: 44 consonants in three classes and the tone rules."""

import pytest

from textbook.alphabet import CONSONANTS, TONE_COLUMNS, TONE_RULES, VOWELS, consonants_of, tone


def test_44_consonants_in_their_classes():
    assert len(CONSONANTS) == 44
    assert len({c.letter for c in CONSONANTS}) == 44
    assert [len(consonants_of(cls)) for cls in ("mid", "high", "low")] == [9, 11, 24]
    assert "".join(c.letter for c in consonants_of("mid")) == "กจฎฏดตบปอ"
    assert "".join(c.letter for c in consonants_of("high")) == "ขฃฉฐถผฝศษสห"
    assert {c.letter for c in CONSONANTS if c.obsolete} == {"ฃ", "ฅ"}
    assert all(c.name.startswith(c.letter + " ") for c in CONSONANTS)


def test_vowels_come_in_short_long_pairs_first():
    pairs = VOWELS[:24]
    assert all(not a.long and b.long for a, b in zip(pairs[::2], pairs[1::2], strict=True))


# Syllables a learner meets, with their class, column and tone.
TONES = [
    ("กา", "mid", "live", "mid"),
    ("กะ", "mid", "dead_short", "low"),
    ("ก่า", "mid", "\u0e48", "low"),
    ("ก้า", "mid", "\u0e49", "falling"),
    ("ก๊า", "mid", "\u0e4a", "high"),
    ("ก๋า", "mid", "\u0e4b", "rising"),
    ("ขา", "high", "live", "rising"),
    ("ขาด", "high", "dead_long", "low"),
    ("ข่า", "high", "\u0e48", "low"),
    ("ข้าว", "high", "\u0e49", "falling"),
    ("มา", "low", "live", "mid"),
    ("คะ", "low", "dead_short", "high"),
    ("มาก", "low", "dead_long", "falling"),
    ("ค่ะ", "low", "\u0e48", "falling"),
    ("ม้า", "low", "\u0e49", "high"),
]


@pytest.mark.parametrize(("syllable", "cls", "column", "expected"), TONES)
def test_tone_rules(syllable, cls, column, expected):
    assert tone(cls, column) == expected


def test_tone_table_is_complete():
    assert set(TONE_RULES) == {(c, col) for c in ("mid", "high", "low") for col in TONE_COLUMNS}
    assert tone("high", "\u0e4a") is None and tone("low", "\u0e4b") is None
