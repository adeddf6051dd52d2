"""Thai pronunciation written in the learner's own script (Khmer, Lao, Burmese).

Works from the Latin pronunciation guide of the content (`pron`, docs/content-format.md),
which already gives the sounds syllable by syllable with their tones:

- `transcribe(pron, lang) -> str` for lang in `SCRIPTS` (`km`, `lo`, `my`);
- `check_transcribable(pron) -> list[str]`: what in `pron` cannot be transcribed;
- `for_item(item, lang) -> str`: an item's hand-written transcription if it has one for
  `lang`, else the generated one;
- `tone_examples(lang)`: the five Thai tones on one syllable, for a legend beside the text.

A syllable that cannot be read is left as it is (Latin) and reported by
`check_transcribable`; nothing here raises on odd text. The rules: docs/transcription.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from lessons.model import DialogueLine, Speaker, VocabularyItem
from lessons.transcribe import burmese, khmer, lao
from lessons.transcribe.khmer import TONE_HINTS
from lessons.transcribe.syllable import Syllable, parse_syllable, split_pron

__all__ = [
    "SCRIPTS",
    "TONE_HINTS",
    "check_transcribable",
    "for_item",
    "tone_examples",
    "transcribe",
]

#: The learner languages with a script of their own, and how each spells a syllable.
_SPELLERS: dict[str, Callable[[Syllable], str]] = {
    "km": khmer.spell,
    "lo": lao.spell,
    "my": burmese.spell,
}
SCRIPTS: tuple[str, ...] = tuple(_SPELLERS)
# Lao and Burmese syllables are self-delimiting (every vowel is written); Khmer keeps the
# guide's hyphens, because a bare consonant (គ kɔɔ) would read into the next syllable.
_JOINERS = {"km": "-", "lo": "", "my": ""}


def transcribe(pron: str, lang: str) -> str:
    """`pron` (the Latin guide, `sà-wàt-dii khráp`) written in the script of `lang`, NFC.

    Spaces and punctuation are kept; a syllable that cannot be read stays in Latin.
    Raises ValueError for a `lang` that is not in `SCRIPTS`.
    """
    try:
        spell = _SPELLERS[lang]
    except KeyError:
        raise ValueError(
            f"no transcription into {lang!r}: choose one of {', '.join(SCRIPTS)}"
        ) from None
    out: list[str] = []
    for kind, parts in split_pron(unicodedata.normalize("NFD", pron)):
        if kind == "other":
            out.append(parts[0])
            continue
        joiner, previous_read = _JOINERS[lang], True
        for i, text in enumerate(parts):
            syl = parse_syllable(text)
            if i:
                # Keep the guide's hyphen beside a syllable left in Latin.
                out.append(joiner if syl is not None and previous_read else "-")
            out.append(text if syl is None else spell(syl))
            previous_read = syl is not None
    return unicodedata.normalize("NFC", "".join(out))


def check_transcribable(pron: str) -> list[str]:
    """What in `pron` cannot be transcribed, one message per syllable or stray letter
    (empty when all of it can)."""
    problems: list[str] = []
    for kind, parts in split_pron(unicodedata.normalize("NFD", pron)):
        if kind == "other":
            stray = sorted({ch for ch in parts[0] if ch.isalpha()})
            if stray:
                problems.append(
                    f"letters outside the pronunciation guide in {pron!r}: {''.join(stray)}"
                )
            continue
        for text in parts:
            if parse_syllable(text) is None:
                shown = unicodedata.normalize("NFC", text)
                problems.append(
                    f"cannot read the syllable {shown!r} in {pron!r}: expected onset, vowel "
                    "and final of docs/content-format.md with at most one tone mark"
                )
    return problems


def for_item(item: VocabularyItem | DialogueLine | Speaker, lang: str) -> str:
    """The pronunciation of a vocabulary item (or a dialogue line or speaker) in the script
    of `lang`: its hand-written `transcription` for `lang` if it has one, else generated."""
    # Only vocabulary items have a `transcription` field today.
    written = getattr(item, "transcription", None)
    if written is not None:
        text = written.get(lang)
        if text:
            return unicodedata.normalize("NFC", text)
    return transcribe(item.pron, lang)


#: The Thai tones in the order Thai teaches them, with `maa` marked for each.
_TONE_GUIDES = (
    ("mid", "maa"),
    ("low", "màa"),
    ("falling", "mâa"),
    ("high", "máa"),
    ("rising", "mǎa"),
)


def tone_examples(lang: str) -> tuple[tuple[str, str, str], ...]:
    """`(tone, guide, transcription)` for each Thai tone on the syllable `maa`, so a page or
    the textbook can show the legend in the learner's script (`("rising", "mǎa", "មា↗")`)."""
    return tuple((tone, guide, transcribe(guide, lang)) for tone, guide in _TONE_GUIDES)
