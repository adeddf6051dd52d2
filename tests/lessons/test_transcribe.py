"""The transcriber: Thai pronunciation (the Latin guide) in Lao, Khmer and Burmese letters."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons import DialogueLine, LocalizedText, Speaker, VocabularyItem, load_course
from lessons.textcheck import SCRIPTS as SCRIPT_LETTERS
from lessons.textcheck import is_zawgyi
from lessons.transcribe import (
    SCRIPTS,
    check_transcribable,
    for_item,
    tone_examples,
    transcribe,
)

from .conftest import BUNDLED

# Real words of the bundled course: (guide, Lao, Khmer, Burmese). Greetings, polite
# particles, numbers; clusters (khr, kl, pl, khw), long and short vowels, diphthongs, each
# final (k t p m n ng w y) and each tone. Reviewed by hand against the rules of
# docs/transcription.md; the Lao column is the cognate spelling wherever Lao has one.
WORDS = [
    ("sà-wàt-dii", "ສະຫວັດດີ", "សះ↓-វ៉ាត់↓-ឌី", "စ↓ဝတ်↓ဒီ"),
    ("khráp", "ຄັບ", "ខ្រាប់↑", "ခလပ်↑"),
    ("khâ", "ຄ່ະ", "ខះ↘", "ခ↘"),
    ("khá", "ຄະ", "ខះ↑", "ခ↑"),
    ("khàawp-khun", "ຂອບຄຸນ", "ឃប↓-ឃុន", "ခေါက်↓ခုန်"),
    ("khǎaw-thôot", "ຂໍໂທດ", "ឃ↗-ធោត↘", "ခေါ်↗ထုတ်↘"),
    ("mâi-pen-rai", "ໄມ່ເປັນໄຣ", "ម៉ៃ↘-ពេន-រ៉ៃ", "မိုင်↘ပိန်လိုင်"),
    ("phîi", "ພີ່", "ភី↘", "ဖီ↘"),
    ("náawng", "ນ້ອງ", "នង↑", "နောင်း"),
    ("chûue", "ຊື່", "ឈឺ↘", "ချူ↘"),
    ("nùeng", "ໜຶ່ງ", "នឹង↓", "နုံ↓"),
    ("sǎawng", "ສອງ", "ស៊ង↗", "စောင်↗"),
    ("sǎam", "ສາມ", "សាម↗", "စမ်↗"),
    ("sìi", "ສີ່", "ស៊ី↓", "စီ↓"),
    ("hâa", "ຫ້າ", "ហា↘", "ဟာ↘"),
    ("hòk", "ຫົກ", "ហុក↓", "ဟုတ်↓"),
    ("jèt", "ເຈັດ", "ជេត↓", "ကျိတ်↓"),
    ("pàaet", "ແປດ", "ពែត↓", "ပက်↓"),
    ("kâo", "ເກົ້າ", "កៅ↘", "ကာအို↘"),
    ("sìp", "ສິບ", "ស៊ិប↓", "စစ်↓"),
    ("ráawy", "ຣ້ອຍ", "រយ↑", "လိုင်း"),
    ("bàat", "ບາດ", "បាត↓", "ဘတ်↓"),
    ("ngoen", "ເງິນ", "ងើន", "ငိန်"),
    ("khwǎa", "ຂວາ", "ខ្វា↗", "ခွာ↗"),
    ("plaa", "ປາ", "ប្លា", "ပလာ"),
    ("khrûeang-jàk", "ເຄື່ອງຈັກ", "ខ្រឿង↘-ចាក់↓", "ခလွန်↘ကျတ်↓"),
    ("ráawng-rian", "ຣ້ອງຣຽນ", "រង↑-រៀន", "လောင်းလီယန်"),
    ("líaw", "ລ້ຽວ", "លៀវ↑", "လီယာအိုး"),
    ("kǔay-tǐaw", "ກ໋ວຍຕ໋ຽວ", "កួយ↗-តៀវ↗", "ကွယ်↗တီယာအို↗"),
    ("duean", "ເດືອນ", "ដឿន", "ဒွန်"),
    ("hǐw", "ຫິວ", "ហ៊ិវ↗", "ဟီအူ↗"),
    ("kài", "ໄກ່", "កៃ↓", "ကိုင်↓"),
    ("pùat hǔa", "ປວດ ຫົວ", "ពួត↓ ហួ↗", "ပွတ်↓ ဟွာ↗"),
    ("yùu", "ຢູ່", "យូ↓", "ယူ↓"),
    ("lôoek", "ເລີກ", "លើក↘", "လိတ်↘"),
    ("pòoet", "ເປີດ", "ពើត↓", "ပိတ်↓"),
    ("khǎaen", "ແຂນ", "ឃែន↗", "ခန်↗"),
    ("taa", "ຕາ", "តា", "တာ"),
    ("khâa-jâang", "ຄ່າຈ້າງ", "ខា↘-ចាង↘", "ခါ↘ကျန်↘"),
    ("doen", "ເດິນ", "ឌើន", "ဒိန်"),
    ("thîi-nǎi", "ທີ່ໄໜ", "ធី↘-ណៃ↗", "ထီ↘နိုင်↗"),
]


@pytest.mark.parametrize(("pron", "lao", "khmer", "burmese"), WORDS)
def test_course_words_in_each_script(pron: str, lao: str, khmer: str, burmese: str) -> None:
    assert transcribe(pron, "lo") == lao
    assert transcribe(pron, "km") == khmer
    assert transcribe(pron, "my") == burmese


# Lao spells the tone by class and mark, as Thai does: one row per class and tone.
@pytest.mark.parametrize(
    ("pron", "lao"),
    [
        ("kin", "ກິນ"),  # mid class, live: mid
        ("kài", "ໄກ່"),  # mid class + mai ek: low
        ("tâawng", "ຕ້ອງ"),  # mid class + mai tho: falling
        ("tó", "ໂຕ໊ະ"),  # mid class + mai ti: high (โต๊ะ)
        ("kǔay", "ກ໋ວຍ"),  # mid class + mai catawa: rising
        ("jàak", "ຈາກ"),  # mid class, dead: low unmarked
        ("khǎa", "ຂາ"),  # high class, live: rising unmarked
        ("sài", "ໄສ່"),  # high class + mai ek: low (ໄ stands for both ไ and ใ)
        ("khâao", "ຄ່າວ"),  # falling on a live syllable: low class + mai ek
        ("hàk", "ຫັກ"),  # high class, dead: low
        ("khon", "ຄົນ"),  # low class, live: mid
        ("náawng", "ນ້ອງ"),  # low class + mai tho: high
        ("phák", "ພັກ"),  # low class, dead short: high
        ("lûuk", "ລູກ"),  # low class, dead long: falling
        ("mǔu", "ໝູ"),  # ໝ: the high-class m, rising
        ("nǎi", "ໄໜ"),  # ໜ: the high-class n
        ("lǎng", "ຫຼັງ"),  # ຫຼ: the high-class l
        ("wàt", "ຫວັດ"),  # ຫວ: the high-class w, dead: low
    ],
)
def test_lao_tone_spelling_follows_the_class_rules(pron: str, lao: str) -> None:
    assert transcribe(pron, "lo") == lao


# Khmer: the series of the consonant chosen for the vowel (a-series ា, o-series ី ូ ...).
@pytest.mark.parametrize(
    ("pron", "khmer"),
    [
        ("taa", "តា"),  # aa: a-series ត
        ("tuu", "ទូ"),  # uu: o-series ទ
        ("mii", "មី"),  # ii: o-series ម
        ("maa", "ម៉ា"),  # aa after m: ៉ moves ម to the a-series
        ("sii", "ស៊ី"),  # ii after s: ៊ moves ស to the o-series
        ("kaaw", "គ"),  # ɔɔ: the o-series consonant alone
        ("pai", "ប៉ៃ"),  # ai: a-series ៃ
        ("kham", "ខាំ"),  # am: a-series ាំ
        ("jàp", "ចាប់↓"),  # short a closed: ា + final + bantoc
    ],
)
def test_khmer_series_gives_the_vowel(pron: str, khmer: str) -> None:
    assert transcribe(pron, "km") == khmer


@pytest.mark.parametrize(
    ("pron", "burmese"),
    [
        ("maa", "မာ"),  # mid: Burmese low tone, no mark
        ("máa", "မား"),  # high: Burmese high tone း
        ("mǎa", "မာ↗"),  # rising: no Burmese tone, the legend's arrow
        ("mâa", "မာ↘"),  # falling
        ("màa", "မာ↓"),  # low
        ("paa", "ပါ"),  # tall aa after ပ
        ("ná", "န↑"),  # a short open syllable is creaky: only the arrow
        ("thai", "ထိုင်"),  # ai as in ထိုင်း
        ("laao", "လာအို"),  # a final w as in loanwords: လာအို is "Laos" in Burmese
        ("kwaang", "ကွန်"),  # w cluster: the medial ွ
    ],
)
def test_burmese_tone_marks_and_legend(pron: str, burmese: str) -> None:
    assert transcribe(pron, "my") == burmese


@pytest.mark.parametrize("lang", SCRIPTS)
def test_punctuation_spaces_and_capitals_are_kept_or_ignored(lang: str) -> None:
    assert (
        transcribe("Khráp, dii!", lang)
        == transcribe("khráp", lang) + ", " + transcribe("dii", lang) + "!"
    )


@pytest.mark.parametrize("lang", SCRIPTS)
def test_decomposed_input_gives_the_same_nfc_output(lang: str) -> None:
    pron = "khàawp-khun khráp"
    out = transcribe(unicodedata.normalize("NFD", pron), lang)
    assert out == transcribe(pron, lang) == unicodedata.normalize("NFC", out)


@pytest.mark.parametrize(
    ("pron", "lao", "problem"),
    [
        ("xq-dii", "xq-ດີ", "'xq'"),  # not a syllable: kept in Latin, beside its hyphen
        ("khráàp", "khráàp", "'khráàp'"),  # two tone marks
        ("dii ครับ", "ດີ ครับ", "ครับ"),  # Thai letters are not the guide
        ("khráp ñ", "ຄັບ ñ", "'ñ'"),
    ],
)
def test_what_cannot_be_read_stays_as_it_is_and_is_reported(
    pron: str, lao: str, problem: str
) -> None:
    assert transcribe(pron, "lo") == lao
    problems = check_transcribable(pron)
    assert len(problems) == 1 and problem in problems[0]


def test_a_readable_guide_has_no_problems() -> None:
    assert check_transcribable("khǎaw-thôot khâ, chǎn mâi khâo-jai!") == []


def test_unknown_language_is_an_error_naming_it() -> None:
    with pytest.raises(ValueError, match="'en'"):
        transcribe("dii", "en")


@given(st.text())
def test_never_raises_and_always_nfc(text: str) -> None:
    for lang in SCRIPTS:
        out = transcribe(text, lang)
        assert out == unicodedata.normalize("NFC", out)
    assert isinstance(check_transcribable(text), list)


def _item(transcription: dict[str, str] | None) -> VocabularyItem:
    return VocabularyItem(
        id="khrap",
        lesson_id="greetings",
        thai="ครับ",
        pron="khráp",
        meaning=LocalizedText.of({"en": "polite word (men)"}),
        transcription=LocalizedText.of(transcription) if transcription else None,
    )


def test_hand_written_transcription_overrides_the_generated_one() -> None:
    item = _item({"lo": "ຄຣັບ"})
    assert for_item(item, "lo") == "ຄຣັບ"
    assert for_item(item, "km") == transcribe("khráp", "km")  # no Khmer override
    assert for_item(_item(None), "my") == transcribe("khráp", "my")


def test_dialogue_lines_and_speakers_are_transcribed_too() -> None:
    dara = Speaker(id="dara", thai="ดารา", pron="daa-raa")
    line = DialogueLine(
        speaker=dara,
        thai="สวัสดีค่ะ",
        pron="sà-wàt-dii khâ",
        translation=LocalizedText.of({"en": "hello"}),
    )
    assert for_item(line, "lo") == "ສະຫວັດດີ ຄ່ະ"
    assert for_item(dara, "lo") == "ດາຣາ"


def test_importing_the_transcriber_does_not_import_flask() -> None:
    code = "import sys, lessons.transcribe; print('flask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@cache
def _bundled_prons() -> tuple[str, ...]:
    course = load_course(BUNDLED)
    prons: list[str] = []
    for lesson in course.lessons:
        prons += [item.pron for item in lesson.vocabulary]
        if lesson.dialogue is not None:
            prons += [speaker.pron for speaker in lesson.dialogue.speakers]
            prons += [line.pron for line in lesson.dialogue.lines]
    return tuple(prons)


def test_every_pron_of_the_bundled_course_is_transcribable() -> None:
    prons = _bundled_prons()
    assert len(prons) > 400
    assert {pron: check_transcribable(pron) for pron in prons if check_transcribable(pron)} == {}


@pytest.mark.parametrize("lang", SCRIPTS)
def test_bundled_course_comes_out_in_the_learners_script_only(lang: str) -> None:
    _, letters = SCRIPT_LETTERS[lang]
    others = [pattern for code, (_, pattern) in SCRIPT_LETTERS.items() if code != lang]
    for pron in _bundled_prons():
        out = transcribe(pron, lang)
        assert letters.search(out), pron
        assert not re.search(r"[A-Za-z\u00c0-\u024f]", out), (pron, out)
        assert not any(pattern.search(out) for pattern in others), (pron, out)
        if lang == "my":
            assert not is_zawgyi(out), (pron, out)
        if lang == "lo":  # Lao spells the tone: no arrows
            assert not re.search("[↓↘↑↗]", out), (pron, out)


def test_the_examples_in_the_docs_are_what_the_transcriber_writes() -> None:
    doc = (BUNDLED.parents[2] / "docs" / "transcription.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| \S+ \| (\S+) \| (\S+) \| (\S+) \|$", doc, re.M)
    assert len(rows) >= 5
    for pron, lao, khmer, burmese in rows:
        assert (transcribe(pron, "lo"), transcribe(pron, "km"), transcribe(pron, "my")) == (
            lao,
            khmer,
            burmese,
        ), pron


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("lo", ("ມາ", "ໝ່າ", "ມ່າ", "ມ້າ", "ໝາ")),
        ("km", ("ម៉ា", "ម៉ា↓", "ម៉ា↘", "ម៉ា↑", "ម៉ា↗")),
        ("my", ("မာ", "မာ↓", "မာ↘", "မား", "မာ↗")),
    ],
)
def test_tone_examples_give_a_legend_of_the_five_tones(lang: str, expected: tuple) -> None:
    examples = tone_examples(lang)
    assert [tone for tone, _, _ in examples] == ["mid", "low", "falling", "high", "rising"]
    assert tuple(text for _, _, text in examples) == expected
