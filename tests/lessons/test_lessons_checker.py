"""The content checker: every class of mistake is reported with its file, line and field."""

from __future__ import annotations

import pytest

from lessons import CourseError, Problem, check_course, load_course

ZAWGYI = "ေက်ာင္းသား"  # "student" in Zawgyi; in Unicode it is ကျောင်းသား
DECOMPOSED = "sa\u0300-wa\u0300t-dii"  # sà-wàt-dii with combining graves: not NFC

# (case, file edited, old text, new text, expected file, line, field, words in the message)
CASES = [
    (
        "bad-yaml",
        "01-hello/lesson.yaml",
        "  en: Hello\n",
        "  en: [Hello\n",
        "01-hello/lesson.yaml",
        5,
        "",
        "not valid YAML",
    ),
    (
        "duplicate-yaml-key",
        "01-hello/lesson.yaml",
        "    start: 0\n",
        "    start: 0\n    start: 1\n",
        "01-hello/lesson.yaml",
        16,
        "",
        "duplicate key 'start'",
    ),
    (
        "missing-field",
        "01-hello/lesson.yaml",
        "    media: mini-hello\n",
        "",
        "01-hello/lesson.yaml",
        12,
        "steps.0.media",
        "missing required field",
    ),
    (
        "unknown-field",
        "01-hello/lesson.yaml",
        "    media: mini-hello\n",
        "    media: mini-hello\n    medai: x\n",
        "01-hello/lesson.yaml",
        15,
        "steps.0.medai",
        "did you mean 'media'",
    ),
    (
        "wrong-type",
        "01-hello/lesson.yaml",
        "    start: 0\n",
        "    start: soon\n",
        "01-hello/lesson.yaml",
        15,
        "steps.0.start",
        "expected a number",
    ),
    (
        "number-where-text",
        "course.yaml",
        'version: "1.0"',
        "version: 1.0",
        "course.yaml",
        3,
        "version",
        "put it in quotes",
    ),
    (
        "version-that-cannot-name-a-folder",
        "course.yaml",
        'version: "1.0"',
        'version: "../1.0"',
        "course.yaml",
        3,
        "version",
        "not a version",
    ),
    (
        "unknown-step-type",
        "01-hello/lesson.yaml",
        "    type: reading\n",
        "    type: quiz\n",
        "01-hello/lesson.yaml",
        19,
        "steps.1.type",
        "unknown step type",
    ),
    (
        "bad-mastery",
        "01-hello/lesson.yaml",
        "mastery: {m_of_n: [2, 3]}",
        "mastery: {m_of_n: [4, 3]}",
        "01-hello/lesson.yaml",
        24,
        "steps.2.mastery.m_of_n",
        "1 <= m <= n",
    ),
    (
        "clip-ends-before-start",
        "01-hello/lesson.yaml",
        "    end: 30\n",
        "    end: 0\n",
        "01-hello/lesson.yaml",
        16,
        "steps.0.end",
        "before it starts",
    ),
    (
        "duplicate-vocabulary-id",
        "02-thanks/vocabulary.yaml",
        "id: khop-khun",
        "id: sawatdii",
        "02-thanks/vocabulary.yaml",
        1,
        "0.id",
        "duplicate vocabulary id 'sawatdii'",
    ),
    (
        "duplicate-step-id",
        "02-thanks/lesson.yaml",
        "id: thanks-reading",
        "id: hello-video",
        "02-thanks/lesson.yaml",
        10,
        "steps.0.id",
        "duplicate step id",
    ),
    (
        "duplicate-exercise-id",
        "02-thanks/exercises.yaml",
        "id: thanks-meaning",
        "id: hello-meaning",
        "02-thanks/exercises.yaml",
        1,
        "0.id",
        "duplicate exercise id",
    ),
    (
        "duplicate-lesson-id",
        "02-thanks/lesson.yaml",
        "id: thanks\n",
        "id: hello\n",
        "02-thanks/lesson.yaml",
        1,
        "id",
        "duplicate lesson id 'hello'",
    ),
    (
        "dangling-prerequisite",
        "02-thanks/lesson.yaml",
        "prerequisites: [hello]",
        "prerequisites: [helo]",
        "02-thanks/lesson.yaml",
        8,
        "prerequisites.0",
        "no lesson with id 'helo'",
    ),
    (
        "dangling-exercise",
        "01-hello/lesson.yaml",
        "hello-polite]",
        "hello-polit]",
        "01-hello/lesson.yaml",
        23,
        "steps.2.exercises.1",
        "no exercise with id 'hello-polit'",
    ),
    (
        "dangling-checkpoint",
        "01-hello/lesson.yaml",
        "[hello-check]",
        "[hello-chek]",
        "01-hello/lesson.yaml",
        17,
        "steps.0.checkpoints.0",
        "no exercise",
    ),
    (
        "dangling-vocabulary",
        "01-hello/lesson.yaml",
        "[sawatdii, khrap]",
        "[sawatdii, khrab]",
        "01-hello/lesson.yaml",
        27,
        "steps.3.vocabulary.1",
        "no vocabulary with id 'khrab'",
    ),
    (
        "dangling-speaker",
        "01-hello/dialogue.yaml",
        "  - speaker: malee",
        "  - speaker: mali",
        "01-hello/dialogue.yaml",
        17,
        "lines.1.speaker",
        "unknown speaker 'mali'",
    ),
    (
        "dangling-lesson-folder",
        "course.yaml",
        "      - 02-thanks",
        "      - 03-thanks",
        "course.yaml",
        15,
        "units.0.lessons.1",
        "no lesson folder '03-thanks'",
    ),
    (
        "reading-without-dialogue",
        "01-hello/lesson.yaml",
        "    content: dialogue",
        "    content: text",
        "01-hello/lesson.yaml",
        20,
        "steps.1.content",
        "no reading",
    ),
    (
        "missing-language",
        "01-hello/lesson.yaml",
        "  en: Hello\n",
        "",
        "01-hello/lesson.yaml",
        2,
        "title.en",
        "missing translation",
    ),
    (
        "missing-language-in-translation",
        "01-hello/vocabulary.yaml",
        "    en: hello; goodbye\n",
        "    km: សួស្តី\n",
        "01-hello/vocabulary.yaml",
        4,
        "0.meaning.en",
        "missing translation",
    ),
    (
        "unknown-language",
        "01-hello/lesson.yaml",
        "  en: Hello\n",
        "  en: Hello\n  fr: Bonjour\n",
        "01-hello/lesson.yaml",
        5,
        "title.fr",
        "unknown language",
    ),
    (
        "non-nfc",
        "01-hello/vocabulary.yaml",
        "pron: sà-wàt-dii",
        f"pron: {DECOMPOSED}",
        "01-hello/vocabulary.yaml",
        3,
        "0.pron",
        "NFC",
    ),
    (
        "zawgyi",
        "01-hello/vocabulary.yaml",
        "    en: hello; goodbye\n",
        f"    en: hello; goodbye\n    my: {ZAWGYI}\n",
        "01-hello/vocabulary.yaml",
        6,
        "0.meaning.my",
        "Zawgyi",
    ),
    (
        "khmer-letter-in-burmese-text",
        "01-hello/vocabulary.yaml",
        "    en: hello; goodbye\n",
        "    en: hello; goodbye\n    my: ဘာအဓိပ္ပာ\u1799်လဲ\n",
        "01-hello/vocabulary.yaml",
        6,
        "0.meaning.my",
        "Khmer letters",
    ),
    (
        "pron-in-thai-script",
        "02-thanks/vocabulary.yaml",
        "pron: khàawp-khun",
        "pron: ขอบคุณ",
        "02-thanks/vocabulary.yaml",
        3,
        "0.pron",
        "Latin letters",
    ),
    (
        "bad-exercise-spec",
        "01-hello/exercises.yaml",
        "  answer: kha\n",
        "  answer: khaa\n",
        "01-hello/exercises.yaml",
        42,
        "2.answer",
        "not the id of an option",
    ),
    (
        "missing-language-in-exercise",
        "02-thanks/exercises.yaml",
        "    en: What does ขอบคุณ mean?\n",
        "",
        "02-thanks/exercises.yaml",
        3,
        "0.prompt.en",
        "missing translation",
    ),
    (
        "checkpoint-not-a-checkpoint",
        "01-hello/lesson.yaml",
        "[hello-check]",
        "[hello-meaning]",
        "01-hello/lesson.yaml",
        17,
        "steps.0.checkpoints.0",
        "not a video_checkpoint",
    ),
    (
        "checkpoint-on-another-video",
        "01-hello/exercises.yaml",
        "  media: mini-hello",
        "  media: mini-other",
        "01-hello/lesson.yaml",
        17,
        "steps.0.checkpoints.0",
        "on video 'mini-other'",
    ),
    (
        "checkpoint-outside-the-clip",
        "01-hello/exercises.yaml",
        "  at: 12",
        "  at: 31",
        "01-hello/lesson.yaml",
        17,
        "steps.0.checkpoints.0",
        "outside the clip",
    ),
    (
        "unknown-exercise-type",
        "02-thanks/exercises.yaml",
        "type: single_choice",
        "type: essay",
        "02-thanks/exercises.yaml",
        2,
        "0.type",
        "unknown exercise type",
    ),
]


@pytest.mark.parametrize(
    ("edit_file", "old", "new", "file", "line", "field", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_each_mistake_is_reported_with_file_line_and_field(
    pack, edit_file, old, new, file, line, field, words
):
    pack.edit(edit_file, old, new)
    problems = check_course(pack.root)
    assert problems, "the broken pack passed the check"
    found = [p for p in problems if p.file == file and p.field == field and words in p.message]
    assert found, f"expected {file}:{line}: {field}: ...{words}..., got:\n" + "\n".join(
        map(str, problems)
    )
    assert found[0].line == line, str(found[0])


def test_the_minimal_pack_has_no_problems(pack):
    assert check_course(pack.root) == []


def test_five_different_mistakes_are_all_reported(pack):
    pack.edit("course.yaml", 'version: "1.0"', "version: 1.0")
    pack.edit("01-hello/lesson.yaml", "    media: mini-hello\n", "    medai: mini-hello\n")
    pack.edit("01-hello/vocabulary.yaml", "pron: sà-wàt-dii", f"pron: {DECOMPOSED}")
    pack.edit("02-thanks/lesson.yaml", "prerequisites: [hello]", "prerequisites: [helo]")
    pack.edit("02-thanks/exercises.yaml", "  answer: thanks\n", "  answer: thank\n")
    problems = check_course(pack.root)
    where = {(p.file, p.line, p.field) for p in problems}
    assert where >= {
        ("course.yaml", 3, "version"),
        ("01-hello/lesson.yaml", 14, "steps.0.medai"),
        ("01-hello/vocabulary.yaml", 3, "0.pron"),
        ("02-thanks/lesson.yaml", 8, "prerequisites.0"),
        ("02-thanks/exercises.yaml", 13, "0.answer"),
    }
    with pytest.raises(CourseError) as refused:
        load_course(pack.root)
    assert refused.value.problems == problems
    text = str(refused.value)
    assert "course.yaml:3: version:" in text and "02-thanks/exercises.yaml:13: 0.answer:" in text


def test_media_ids_are_checked_against_the_library_when_it_is_known(pack):
    assert check_course(pack.root, known_media={"mini-hello", "mini-sawatdii"}) == []
    problems = check_course(pack.root, known_media={"mini-sawatdii"})
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("01-hello/exercises.yaml", 3, "0.media"),
        ("01-hello/lesson.yaml", 14, "steps.0.media"),
    ]
    assert all("not in the media library" in p.message for p in problems)


@pytest.mark.parametrize(
    ("prerequisite", "words"),
    [("thanks", "comes after this one"), ("hello", "its own prerequisite")],
)
def test_a_prerequisite_must_come_before_its_lesson(pack, prerequisite, words):
    pack.edit("01-hello/lesson.yaml", "notes:", f"prerequisites: [{prerequisite}]\nnotes:")
    problems = check_course(pack.root)
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("01-hello/lesson.yaml", 8, "prerequisites.0")
    ]
    assert words in problems[0].message


def test_unlisted_folders_and_stray_files_are_reported(pack):
    pack.write("03-draft/lesson.yaml", "id: draft\n")
    pack.write("01-hello/vocabulary.yml", "[]\n")
    problems = {(p.file, p.message.split(" (")[0]) for p in check_course(pack.root)}
    assert ("03-draft", "lesson folder not listed in any unit of course.yaml") in problems
    assert ("01-hello/vocabulary.yml", "unexpected file in a lesson folder") in problems


def test_a_reading_is_needed_in_every_offered_language(pack):
    (pack.root / "02-thanks" / "reading.en.md").unlink()
    problems = check_course(pack.root)
    assert [(p.file, p.line) for p in problems] == [("02-thanks/reading.en.md", 0)]


def test_markdown_lines_are_checked_for_nfc(pack):
    pack.write("02-thanks/reading.en.md", f"# Thank you\n\nSay {DECOMPOSED}.\n")
    problems = check_course(pack.root)
    assert [(p.file, p.line) for p in problems] == [("02-thanks/reading.en.md", 3)]


def test_text_that_is_not_utf8_is_reported_with_its_line(pack):
    (pack.root / "01-hello" / "vocabulary.yaml").write_bytes(b"- id: x\n  thai: \xe0\xb8\n")
    problems = check_course(pack.root)
    assert ("01-hello/vocabulary.yaml", 2) in {(p.file, p.line) for p in problems}


def test_a_folder_without_course_yaml_is_refused(tmp_path):
    problems = check_course(tmp_path)
    assert [p.file for p in problems] == ["course.yaml"]


def test_problem_prints_as_file_line_field_message():
    problem = Problem("01-hello/lesson.yaml", 14, "steps.0.media", "missing required field")
    assert str(problem) == "01-hello/lesson.yaml:14: steps.0.media: missing required field"


def test_zawgyi_in_an_exercise_is_reported_once(pack):
    pack.edit(
        "02-thanks/exercises.yaml",
        "    en: What does ขอบคุณ mean?\n",
        f"    en: What does ขอบคุณ mean?\n    my: {ZAWGYI}\n",
    )
    problems = check_course(pack.root)
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("02-thanks/exercises.yaml", 6, "0.prompt.my")
    ]


def test_a_symbolic_link_in_a_pack_folder_is_reported_not_followed(pack, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not course content", encoding="utf-8")
    (pack.root / "01-hello" / "reading.en.md").symlink_to(secret)
    problems = check_course(pack.root)
    assert [(p.file, p.message) for p in problems] == [
        ("01-hello/reading.en.md", "symbolic links are not allowed")
    ]
