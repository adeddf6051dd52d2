"""Every interface string of the textbook, in each learner language (km, lo, my, en, th).

Only the Thai being learned stays Thai; everything around it (headings, column labels, notes
about exercises that need the app) is in the learner's language. Translations are short on
purpose; the uncertain ones are listed in docs/textbook.md for a native speaker to review.
`{name}`-style fields are filled by `t(key, lang, name=...)`.
"""

from __future__ import annotations

LANGUAGES = ("km", "lo", "my", "en", "th")

# key -> (km, lo, my, en, th)
_CATALOGUE: dict[str, tuple[str, str, str, str, str]] = {
    "textbook": ("សៀវភៅសិក្សា", "ປຶ້ມແບບຮຽນ", "ဖတ်စာအုပ်", "Textbook", "หนังสือเรียน"),
    "workbook_of": (
        "សៀវភៅលំហាត់របស់ {name}",
        "ປຶ້ມແບບຝຶກຫັດຂອງ {name}",
        "{name} ၏ လေ့ကျင့်စာအုပ်",
        "Workbook of {name}",
        "สมุดแบบฝึกหัดของ {name}",
    ),
    "version": (
        "កំណែ {version}",
        "ສະບັບ {version}",
        "ဗားရှင်း {version}",
        "Version {version}",
        "ฉบับ {version}",
    ),
    "contents": ("មាតិកា", "ສາລະບານ", "မာတိကာ", "Contents", "สารบัญ"),
    "unit_n": ("ជំពូកទី {n}", "ພາກທີ {n}", "အခန်း {n}", "Unit {n}", "หน่วยที่ {n}"),
    "lesson_n": ("មេរៀនទី {n}", "ບົດທີ {n}", "သင်ခန်းစာ {n}", "Lesson {n}", "บทที่ {n}"),
    "objectives": ("គោលបំណង", "ຈຸດປະສົງ", "ရည်မှန်းချက်များ", "Objectives", "จุดประสงค์"),
    "vocabulary": ("វាក្យសព្ទ", "ຄຳສັບ", "ဝေါဟာရ", "Vocabulary", "คำศัพท์"),
    "thai": ("ភាសាថៃ", "ພາສາໄທ", "ထိုင်းဘာသာ", "Thai", "ภาษาไทย"),
    "pronunciation": ("ការបញ្ចេញសំឡេង", "ການອອກສຽງ", "အသံထွက်", "Pronunciation", "คำอ่าน"),
    "meaning": ("អត្ថន័យ", "ຄວາມໝາຍ", "အဓိပ္ပာယ်", "Meaning", "ความหมาย"),
    "dialogue": ("ការសន្ទនា", "ບົດສົນທະນາ", "စကားပြော", "Dialogue", "บทสนทนา"),
    "translation": ("ការបកប្រែ", "ຄຳແປ", "ဘာသာပြန်", "Translation", "คำแปล"),
    "reading": ("អំណាន", "ບົດອ່ານ", "ဖတ်စာ", "Reading", "บทอ่าน"),
    "notes": ("កំណត់សម្គាល់", "ໝາຍເຫດ", "မှတ်ချက်", "Notes", "หมายเหตุ"),
    "exercises": ("លំហាត់", "ແບບຝຶກຫັດ", "လေ့ကျင့်ခန်း", "Exercises", "แบบฝึกหัด"),
    "answer_key": ("ចម្លើយ", "ຄຳຕອບ", "အဖြေများ", "Answer key", "เฉลย"),
    "appendix": ("ឧបសម្ព័ន្ធ", "ພາກຜະໜວກ", "နောက်ဆက်တွဲ", "Appendix", "ภาคผนวก"),
    "alphabet": ("អក្សរថៃ", "ຕົວອັກສອນໄທ", "ထိုင်းအက္ခရာ", "The Thai alphabet", "อักษรไทย"),
    "consonants": ("ព្យញ្ជនៈ", "ພະຍັນຊະນະ", "ဗျည်း", "Consonants", "พยัญชนะ"),
    "vowels": ("ស្រៈ", "ສະຫຼະ", "သရ", "Vowels", "สระ"),
    "tone_rules": ("ច្បាប់សំនៀង", "ການຜັນວັນນະຍຸດ", "အသံ စည်းမျဉ်း", "Tone rules", "การผันวรรณยุกต์"),
    "letter": ("អក្សរ", "ຕົວອັກສອນ", "အက္ခရာ", "Letter", "ตัวอักษร"),
    "name": ("ឈ្មោះ", "ຊື່", "အမည်", "Name", "ชื่อ"),
    "sound": ("សំឡេង", "ສຽງ", "အသံ", "Sound", "เสียง"),
    "initial_final": ("ដើម / ចុង", "ຕົ້ນ / ທ້າຍ", "အစ / အဆုံး", "start / end", "ต้น / สะกด"),
    "class": ("ថ្នាក់", "ໝວດ", "အုပ်စု", "Class", "หมู่"),
    "class_mid": ("អក្សរកណ្ដាល", "ອັກສອນກາງ", "အလယ်အုပ်စု", "Mid class", "อักษรกลาง"),
    "class_high": ("អក្សរខ្ពស់", "ອັກສອນສູງ", "အမြင့်အုပ်စု", "High class", "อักษรสูง"),
    "class_low": ("អក្សរទាប", "ອັກສອນຕ່ຳ", "အနိမ့်အုပ်စု", "Low class", "อักษรต่ำ"),
    "length": ("រយៈ", "ສັ້ນ / ຍາວ", "အတို / အရှည်", "Length", "เสียงสั้นยาว"),
    "short": ("ខ្លី", "ສັ້ນ", "တို", "short", "สั้น"),
    "long": ("វែង", "ຍາວ", "ရှည်", "long", "ยาว"),
    "obsolete": ("លែងប្រើ", "ບໍ່ໃຊ້ແລ້ວ", "မသုံးတော့", "no longer used", "เลิกใช้แล้ว"),
    "live": ("ព្យាង្គរស់", "ຄຳເປັນ", "အသက်ရှင်ဝဏ္ဏ", "Live syllable", "คำเป็น"),
    "dead": ("ព្យាង្គស្លាប់", "ຄຳຕາຍ", "အသေဝဏ္ဏ", "Dead syllable", "คำตาย"),
    # Followed in the textbook by the Thai final letters (ง น ม ย ว, or ก บ ด).
    "live_explained": (
        "ស្រៈវែង ឬ ព្យញ្ជនៈចុង",
        "ສະຫຼະຍາວ ຫຼື ຕົວສະກົດ",
        "သရရှည် သို့မဟုတ် အဆုံးသတ်ဗျည်း",
        "long vowel, or final",
        "สระเสียงยาว หรือตัวสะกด",
    ),
    "dead_explained": (
        "ស្រៈខ្លី ឬ ព្យញ្ជនៈចុង",
        "ສະຫຼະສັ້ນ ຫຼື ຕົວສະກົດ",
        "သရတို သို့မဟုတ် အဆုံးသတ်ဗျည်း",
        "short vowel, or final",
        "สระเสียงสั้น หรือตัวสะกด",
    ),
    "no_mark": ("គ្មានសញ្ញា", "ບໍ່ມີໄມ້", "အမှတ်မရှိ", "no mark", "ไม่มีรูป"),
    "tone_mark": ("សញ្ញាសំនៀង", "ໄມ້ວັນນະຍຸດ", "အသံအမှတ်", "Tone mark", "รูปวรรณยุกต์"),
    "dead_short": ("ស្រៈខ្លី", "ສະຫຼະສັ້ນ", "သရတို", "short vowel", "สระสั้น"),
    "dead_long": ("ស្រៈវែង", "ສະຫຼະຍາວ", "သရရှည်", "long vowel", "สระยาว"),
    "tone_mid": ("សំនៀងកណ្ដាល", "ສຽງກາງ", "အလယ်သံ", "mid", "เสียงสามัญ"),
    "tone_low": ("សំនៀងទាប", "ສຽງຕ່ຳ", "နိမ့်သံ", "low", "เสียงเอก"),
    "tone_falling": ("សំនៀងធ្លាក់", "ສຽງຕົກ", "ကျသံ", "falling", "เสียงโท"),
    "tone_high": ("សំនៀងខ្ពស់", "ສຽງສູງ", "မြင့်သံ", "high", "เสียงตรี"),
    "tone_rising": ("សំនៀងឡើង", "ສຽງຂຶ້ນ", "တက်သံ", "rising", "เสียงจัตวา"),
    "not_used": ("—", "—", "—", "—", "—"),
    "watch_in_app": (
        "មើលវីដេអូក្នុងកម្មវិធី រួចឆ្លើយ។",
        "ເບິ່ງວິດີໂອໃນແອັບ ແລ້ວຕອບ.",
        "အက်ပ်တွင် ဗီဒီယိုကြည့်ပြီး ဖြေပါ။",
        "Watch the video in the app, then answer.",
        "ดูวิดีโอในแอป แล้วตอบ",
    ),
    "listen_in_app": (
        "ស្ដាប់សំឡេងក្នុងកម្មវិធី រួចឆ្លើយ។",
        "ຟັງສຽງໃນແອັບ ແລ້ວຕອບ.",
        "အက်ပ်တွင် အသံနားထောင်ပြီး ဖြေပါ။",
        "Listen to the audio in the app, then answer.",
        "ฟังเสียงในแอป แล้วตอบ",
    ),
    "see_picture_in_app": (
        "មើលរូបភាពក្នុងកម្មវិធី។",
        "ເບິ່ງຮູບໃນແອັບ.",
        "အက်ပ်တွင် ပုံကိုကြည့်ပါ။",
        "See the picture in the app.",
        "ดูรูปในแอป",
    ),
    "write_here": ("សរសេរនៅទីនេះ", "ຂຽນບ່ອນນີ້", "ဤနေရာတွင် ရေးပါ", "Write here", "เขียนที่นี่"),
    "my_progress": (
        "វឌ្ឍនភាពរបស់ខ្ញុំ",
        "ຄວາມຄືບໜ້າຂອງຂ້ອຍ",
        "ကျွန်ုပ်၏ တိုးတက်မှု",
        "My progress",
        "ความก้าวหน้าของฉัน",
    ),
    "lessons_done": (
        "បានបញ្ចប់ {done} ក្នុងចំណោម {total} មេរៀន",
        "ຮຽນຈົບແລ້ວ {done} ຈາກ {total} ບົດ",
        "သင်ခန်းစာ {total} ခုအနက် {done} ခု ပြီးပါပြီ",
        "{done} of {total} lessons done",
        "เรียนจบแล้ว {done} จาก {total} บท",
    ),
    "lesson": ("មេរៀន", "ບົດຮຽນ", "သင်ခန်းစာ", "Lesson", "บทเรียน"),
    "score": ("ពិន្ទុ", "ຄະແນນ", "ရမှတ်", "Score", "คะแนน"),
    "status": ("ស្ថានភាព", "ສະຖານະ", "အခြေအနေ", "Status", "สถานะ"),
    "done": ("បានបញ្ចប់", "ຈົບແລ້ວ", "ပြီးပါပြီ", "done", "จบแล้ว"),
    "not_done": ("មិនទាន់", "ຍັງບໍ່ຈົບ", "မပြီးသေးပါ", "not yet", "ยังไม่จบ"),
    "printed_on": (
        "បោះពុម្ពថ្ងៃ {date}",
        "ພິມວັນທີ {date}",
        "{date} တွင် ပုံနှိပ်သည်",
        "Printed on {date}",
        "พิมพ์วันที่ {date}",
    ),
    "fonts_credit": (
        "ពុម្ពអក្សរ Noto (SIL Open Font License 1.1)",
        "ຟອນ Noto (SIL Open Font License 1.1)",
        "Noto ဖောင့် (SIL Open Font License 1.1)",
        "Noto fonts (SIL Open Font License 1.1)",
        "แบบอักษร Noto (SIL Open Font License 1.1)",
    ),
}

_INDEX = {lang: i for i, lang in enumerate(LANGUAGES)}


class UnknownString(KeyError):
    """A string key or language the catalogue does not have."""


def t(key: str, lang: str, **fields: object) -> str:
    """The interface string `key` in `lang`, with its `{fields}` filled in."""
    try:
        entry = _CATALOGUE[key]
    except KeyError:
        raise UnknownString(f"textbook string {key!r} is not in textbook/strings.py") from None
    primary = lang.split("-", 1)[0]
    if primary not in _INDEX:
        raise UnknownString(f"textbook strings have no language {lang!r} (have {LANGUAGES})")
    text = entry[_INDEX[primary]]
    return text.format(**fields) if fields else text


def keys() -> frozenset[str]:
    """Every string key (for tests: each must exist in every language)."""
    return frozenset(_CATALOGUE)


def catalogue() -> dict[str, dict[str, str]]:
    """The whole catalogue as {key: {lang: text}} (for review and tests)."""
    return {key: dict(zip(LANGUAGES, texts, strict=True)) for key, texts in _CATALOGUE.items()}
