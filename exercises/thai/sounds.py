"""Thai consonants grouped by the sound they have at the start of a syllable.

Learners who hear a word and type it often pick another letter of the same sound (ส for ศ,
ค for ข): that is a spelling slip, not a listening error, and the feedback says so.
"""

from __future__ import annotations

SOUND_GROUPS: tuple[str, ...] = (
    "สศษซ",  # s
    "ทธฒฑถฐ",  # th
    "คฆขฅฃ",  # kh
    "พภผ",  # ph
    "ตฏ",  # t
    "ดฎ",  # d
    "นณ",  # n
    "ลฬ",  # l
    "ยญ",  # y
    "ฟฝ",  # f
    "หฮ",  # h
    "จ",  # c
    "ชฌฉ",  # ch
    "ก",  # k
    "บ",  # b
    "ป",  # p
    "อ",  # glottal stop
    "ม",  # m
    "ร",  # r
    "ว",  # w
    "ง",  # ng
)

_GROUP_OF = {letter: index for index, group in enumerate(SOUND_GROUPS) for letter in group}


def same_sound(a: str, b: str) -> bool:
    """Whether `a` and `b` are two different consonants with the same initial sound."""
    return a != b and a in _GROUP_OF and _GROUP_OF.get(a) == _GROUP_OF.get(b)
