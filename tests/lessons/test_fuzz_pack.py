"""Fuzzing the content-pack loader with random and mutated packs, files and archives.

Whatever a pack holds, `load_course` either returns a course that checks clean or raises
`CourseError` whose problems each name a file of the pack and a line inside it; `unpack_pack`
refuses a hostile archive the same way and leaves nothing behind. Never another exception,
and never a hang: a watchdog turns one into a failure. The mutations start from the bundled
course, two lessons at a time (a whole-course check per example would take the suite's
time budget); one test mutates the whole course, with fewer examples.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import os
import re
import signal
import stat
import tempfile
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import exercises
from lessons import (
    LANGUAGES,
    Course,
    CourseError,
    ExercisesStep,
    Problem,
    check_course,
    load_course,
)
from lessons import progress as course_progress
from lessons.install import install_pack
from lessons.reader import MAX_PACK_NODES, MAX_TEXT_BYTES
from lessons.yamlsrc import MAX_DEPTH, MAX_NODES, YamlProblem, parse_yaml

HERE = Path(__file__).parent
MINIMAL = HERE / "packs" / "minimal"
BUNDLED = HERE.parents[1] / "lessons" / "courses" / "thai-for-work"
WATCHDOG_SECONDS = 60  # far above any example; only a hang reaches it

FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: The whole bundled course costs about 0.5 s a check: a tenth of the profile's examples.
FEWER = settings(FUZZ, max_examples=max(10, settings.default.max_examples // 10))


@contextlib.contextmanager
def watchdog(seconds: int = WATCHDOG_SECONDS):
    """Fail instead of hanging (a pipe read, an alias bomb expanding, a quadratic check)."""

    def expire(signum, frame):
        raise AssertionError(f"still working after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- what a pack's files can hold ------------------------------------------------------------

FIELDS = sorted(
    {
        *("id", "version", "title", "languages", "units", "lessons", "description"),
        *("objectives", "steps", "prerequisites", "notes", "type", "media", "start", "end"),
        *("checkpoints", "exercises", "mastery", "content", "vocabulary", "thai", "pron"),
        *("meaning", "audio", "image", "transcription", "note", "speakers", "lines", "speaker"),
        *("translation", "setting", "prompt", "hint", "tries", "options", "answer", "accept"),
        *("left", "right", "tiles", "gaps", "text", "at", "question", "m_of_n", "streak"),
        *("th", "km", "lo", "my", "en"),
    }
)
WORDS = [
    *("video", "exercises", "reading", "review", "dialogue", "text", "notes", "all_correct"),
    *sorted(exercises.TYPES),
    *("hello", "thanks", "sawatdii", "khrap", "01-hello", "mini", "1.0", "mid", "rising"),
    *("สวัสดี", "sà-wàt-dii", "ขอบคุณ", "សួស្តី", "ສະບາຍດີ", "မင်္ဂလာပါ", "ေက်ာင္းသား"),
]
#: Characters that trip text handling: NUL and other controls, a lone combining mark, bidi
#: and zero-width marks, a BOM, Zawgyi's vowel-first order, a lone surrogate.
TRICKY = [
    *("\x00", "\x07", "\x1b[31m", "\t", "\r", "\x85", "\u0301", "\u0e48", "\u200b", "\u200f"),
    *("\u202e", "\ufeff", "\ufffe", "\u1031\u1000", "\ud800", "\U0001f600", "e\u0301", "\n"),
]
text_values = st.one_of(
    st.text(max_size=12),
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(TRICKY + WORDS), min_size=1, max_size=4).map("".join),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**15, max_value=10**40),
    st.floats(),
    text_values,
    st.dates(),
    st.binary(max_size=6),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=6), st.integers(-2, 3))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=20,
)
#: Pieces of YAML syntax to build broken (and sometimes valid) files from.
FRAGMENTS = [
    *("\t", "'", '"', "[", "]", "{", "}", "- ", ": ", "? ", ", ", "#", "|", ">", "\n", "  "),
    *("&a ", "*a", "<<: ", "!!int ", "!!float ", "!!bool ", "!!binary ", "!!timestamp ", "!x "),
    *("!!python/object:os.system ", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! x\n", "\ufeff"),
    *("\\0", "\\ud800", '"\\x07"', "2024-13-45", "1e999", ".nan", "0x", "yes", "~", "=\n"),
    *("id: ", "type: ", "steps:\n", "  - ", "th: ", "en: "),
]
yaml_texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), text_values), max_size=30).map("".join)


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def documents(shape: list[str]):
    """Documents in a file's place: a mapping of its own fields, a list of such mappings,
    or anything at all."""
    fields = st.fixed_dictionaries({}, optional={k: values for k in shape})
    return st.one_of(fields, st.lists(fields, max_size=3), values)


SHAPES = {
    "course.yaml": ["id", "version", "title", "languages", "units", "description"],
    "lesson.yaml": ["id", "title", "objectives", "steps", "prerequisites", "notes"],
    "vocabulary.yaml": ["id", "thai", "pron", "meaning", "audio", "image", "note"],
    "exercises.yaml": ["id", "type", "prompt", "options", "answer", "accept", "left", "right"],
    "dialogue.yaml": ["title", "speakers", "lines", "setting", "speaker", "translation"],
}
ENCODINGS = ["utf-16", "utf-16-be", "utf-32", "cp874", "latin-1", "utf-8-sig"]
BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"]


def contents(name: str):
    """What a file named `name` may be made to hold: text or bytes."""
    shape = SHAPES.get(PurePosixPath(name).name, FIELDS)
    return st.one_of(
        documents(shape).map(dump),
        yaml_texts,
        st.binary(max_size=40),
        st.tuples(st.sampled_from(BOMS), st.binary(max_size=20)).map(b"".join),
        st.tuples(documents(shape).map(dump), st.sampled_from(ENCODINGS)).map(
            lambda pair: pair[0].encode(pair[1], "replace")
        ),
    )


# -- writing a pack, special files included ----------------------------------------------------


@dataclass(frozen=True)
class Symlink:
    """A symbolic link; `target` relative to the folder the pack is in, or absolute."""

    target: str


@dataclass(frozen=True)
class Fifo:
    """A named pipe: reading one waits for a writer for ever."""


#: Outside the pack folder: what a link out of the pack would leak.
SECRET = "secret.yaml"
OUTSIDE = "outside"


def write_pack(root: Path, files: dict[str, object]) -> None:
    """Write `files` (relative path -> str, bytes, Symlink or Fifo) as the pack at `root`,
    with a secret file and folder beside it for links to point at."""
    root.parent.mkdir(parents=True, exist_ok=True)
    (root.parent / SECRET).write_text("id: secret\npassword: hunter2\n", encoding="utf-8")
    (root.parent / OUTSIDE).mkdir(exist_ok=True)
    (root.parent / OUTSIDE / "lesson.yaml").write_text("id: stolen\n", encoding="utf-8")
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = root / os.fsdecode(rel.encode("utf-8", "surrogateescape"))
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Symlink):
            target = content.target
            os.symlink(target if target.startswith("/") else root.parent / target, path)
        elif isinstance(content, Fifo):
            os.mkfifo(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(str(content), encoding="utf-8", errors="surrogatepass")


def read_files(folder: Path) -> dict[str, object]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        if p.suffix in (".yaml", ".md")
        else p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


#: Where YAML (and so the line numbers of problems) ends a line.
LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def line_count(path: Path) -> int:
    return len(LINE_BREAKS.findall(path.read_bytes().decode("utf-8", "replace"))) + 1


def assert_loaded_or_refused(root: Path) -> Course | None:
    """The one property of the loader: a good course, or every problem named in place."""
    with watchdog():
        try:
            course = load_course(root)
        except CourseError as error:
            assert error.problems, "a refusal lists its problems"
            crashed = [p for p in error.problems if "could not be checked" in p.message]
            assert not crashed, "exercises.check_spec raised on a spec"
            for problem in error.problems:
                assert_names_a_place(root, problem)
            assert error.problems[0].file in str(error)
            event("refused")
            return None
    event("loaded")
    assert isinstance(course, Course)
    assert check_course(root) == []
    ids = course.ids()
    for lesson in course.lessons:
        for step in lesson.steps:
            if isinstance(step, ExercisesStep):
                assert set(step.exercises) <= ids["exercise"]
        for exercise in lesson.exercises:
            assert course.lesson_of(exercise.id) is lesson
    course_progress(course)  # the engine copes with whatever the checker let through
    return course


def assert_names_a_place(root: Path, problem: Problem) -> None:
    assert isinstance(problem, Problem)
    assert problem.message and isinstance(problem.message, str)
    str(problem).encode("utf-8")  # printable by `rianthai course check` and on a page
    path = PurePosixPath(problem.file)
    assert problem.file and not path.is_absolute() and ".." not in path.parts, problem
    top = root / os.fsdecode(path.parts[0].encode("utf-8", "surrogateescape"))
    assert problem.file == "course.yaml" or top.exists() or top.is_symlink(), problem
    assert problem.line >= 0
    where = root / problem.file
    if problem.line > 0 and where.is_file() and not where.is_symlink():
        assert problem.line <= line_count(where), problem


# -- random files in every place of the minimal pack -----------------------------------------

PLACES = [
    *read_files(MINIMAL),
    "02-thanks/reading.km.md",
    "02-thanks/dialogue.yaml",
    "03-new/lesson.yaml",
    "README.md",
    "media/picture.svg",
]


@FUZZ
@given(
    files=st.dictionaries(st.sampled_from(PLACES), st.none(), min_size=1, max_size=3),
    data=st.data(),
)
def test_any_content_in_any_file_of_a_pack(files, data):
    pack = read_files(MINIMAL)
    for name in files:
        pack[name] = data.draw(contents(name), label=name)
    with tempfile.TemporaryDirectory() as folder:
        write_pack(Path(folder) / "pack", pack)
        assert_loaded_or_refused(Path(folder) / "pack")


@FUZZ
@given(text=st.one_of(yaml_texts, values.map(dump)))
@example(text="x: !!int abc\n")
@example(text="x: !!bool maybe\n")
@example(text="!!float ")
@example(text="!!int ")
@example(text="x: !!timestamp someday\n")
@example(text="x: 2024-13-45\n")
@example(text="x: " + "9" * 5000 + "\n")
@example(text="x: " + "[" * 5000 + "]" * 5000 + "\n")
@example(text="x: '\\0'\nid: \"\\0\"\n")
@example(text='x: "\\ud800"\n')
@example(text='"\\x1b[31m": 1\n')
def test_parse_yaml_returns_data_or_a_problem_with_a_line(text):
    with watchdog():
        try:
            source = parse_yaml(text)
        except YamlProblem as problem:
            assert 1 <= problem.line <= text.count("\n") + 2 and problem.message
            return
    for path in source.lines:
        assert len(path) <= MAX_DEPTH + 1


OTHER_TYPES = [
    *(None, "", " ", 0, -1, 1.5, float("nan"), float("inf"), True, [], {}, ["x"], {"x": 1}),
    *(10**30, "no-such-id", "🙂", "\u0301", "x" * 300, [{"id": ["x"]}], {"²": 1, "1.x": 2}),
]


DOC_SPECS = [
    yaml.safe_load(block)
    for block in re.findall(
        r"```yaml\n(.*?)```",
        (HERE.parents[1] / "docs" / "exercise-types.md").read_text(encoding="utf-8"),
        re.S,
    )
]


# -- mutations of the bundled course ---------------------------------------------------------


@functools.cache
def bundled_files() -> dict[str, object]:
    return read_files(BUNDLED)


@functools.lru_cache(maxsize=512)
def parsed(text: str):
    """The data of a YAML text (None if a mutation broke it): the fuzzer's view, not the
    loader's."""
    try:
        return yaml.safe_load(text)
    except Exception:  # PyYAML itself raises ValueError, KeyError... (see the tests below)
        return None


@functools.cache
def window(first: int) -> dict[str, object]:
    """Two consecutive lessons of the bundled course as a pack that checks clean: the course
    file lists only them, and references to other lessons are left out."""
    files = bundled_files()
    course = copy.deepcopy(parsed(files["course.yaml"]))
    folders = [f for unit in course["units"] for f in unit["lessons"]][first : first + 2]
    for unit in course["units"]:
        unit["lessons"] = [f for f in unit["lessons"] if f in folders]
    course["units"] = [unit for unit in course["units"] if unit["lessons"]]
    pack = {"course.yaml": dump(course)}
    pack.update({r: c for r, c in files.items() if r.split("/")[0] in (*folders, "media")})
    defined = {"lesson": set(), "vocabulary": set(), "exercises": set()}
    for folder in folders:
        defined["lesson"].add(parsed(files[f"{folder}/lesson.yaml"])["id"])
        for kind, name in (("vocabulary", "vocabulary.yaml"), ("exercises", "exercises.yaml")):
            defined[kind] |= {item["id"] for item in parsed(files.get(f"{folder}/{name}", "[]"))}
    for folder in folders:
        lesson = copy.deepcopy(parsed(files[f"{folder}/lesson.yaml"]))
        lesson["prerequisites"] = [
            p for p in lesson.get("prerequisites", []) if p in defined["lesson"]
        ]
        if not lesson["prerequisites"]:
            del lesson["prerequisites"]
        for step in lesson["steps"]:
            for kind in ("vocabulary", "exercises"):
                if step["type"] == "review" and kind in step:
                    step[kind] = [i for i in step[kind] if i in defined[kind]]
        pack[f"{folder}/lesson.yaml"] = dump(lesson)
    return pack


def paths_in(data, path=()):
    """Every path to a value inside `data`, the root included."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths_in(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths_in(value, (*path, index))


def ids_in(data) -> list[str]:
    found = []
    for path in paths_in(data):
        if path and path[-1] == "id":
            value = get(data, path)
            if isinstance(value, str):
                found.append(value)
    return found


def get(data, path):
    for part in path:
        data = data[part]
    return data


@st.composite
def structural(draw, files: dict[str, object]):
    """One change to the data of one YAML file: a key dropped or renamed, a value of
    another type, an id made wrong or duplicated, an item repeated, an unknown type."""
    names = sorted(n for n, c in files.items() if n.endswith(".yaml") and isinstance(c, str))
    name = draw(st.sampled_from(names))
    data = copy.deepcopy(parsed(files[name]))
    path = draw(st.sampled_from(list(paths_in(data))))
    op = draw(
        st.sampled_from(
            [
                "drop",
                "retype",
                "junk",
                "wrong-id",
                "duplicate-id",
                "repeat",
                "rename",
                "add-key",
                "unknown-type",
            ]
        )
    )
    if not path:
        data = draw(st.one_of(st.sampled_from(OTHER_TYPES), values))
    else:
        parent, last = get(data, path[:-1]), path[-1]
        if op == "drop":
            del parent[last]
        elif op == "retype":
            parent[last] = draw(st.sampled_from(OTHER_TYPES))
        elif op == "junk":
            parent[last] = draw(values)
        elif op == "wrong-id":
            parent[last] = draw(st.one_of(st.sampled_from(WORDS), text_values))
        elif op == "duplicate-id":
            every_id = [i for n in names for i in ids_in(parsed(files[n]))]
            parent[last] = draw(st.sampled_from(every_id or ["x"]))
        elif op == "repeat" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        elif op == "rename" and isinstance(parent, dict):
            parent[f"{last}s"] = parent.pop(last)
        elif op == "add-key" and isinstance(parent, dict):
            parent[draw(keys)] = draw(values)
        elif isinstance(parent, dict) and "type" in parent:
            parent["type"] = draw(st.sampled_from(["essay", "Single_Choice", "", "quiz", 3]))
    files[name] = dump(data)


TEXT_INSERTS = FRAGMENTS + TRICKY + ["\n\t", "  - id: hello\n", "<<: *a\n", "&a\n"]


@st.composite
def textual(draw, files: dict[str, object]):
    """One change to the text or bytes of one file, as an editor or a bad upload makes it."""
    name = draw(st.sampled_from(sorted(n for n, c in files.items() if isinstance(c, str))))
    text = files[name]
    at = draw(st.integers(0, len(text)))
    op = draw(
        st.sampled_from(
            ["insert", "delete", "truncate", "tab", "line", "encode", "bom", "bad-byte"]
        )
    )
    if op == "insert":
        files[name] = text[:at] + draw(st.sampled_from(TEXT_INSERTS)) + text[at:]
    elif op == "delete":
        files[name] = text[:at] + text[at + draw(st.integers(1, 40)) :]
    elif op == "truncate":
        files[name] = text[:at]
    elif op == "tab":
        files[name] = text[:at] + text[at:].replace("\n  ", "\n\t", 1)
    elif op == "line":
        lines = text.splitlines(keepends=True) or [""]
        i = draw(st.integers(0, len(lines) - 1))
        lines.insert(i, draw(st.sampled_from([lines[i], "\n", "x\n", "- 1\n", "id: x\n"])))
        files[name] = "".join(lines)
    elif op == "encode":
        files[name] = text.encode(draw(st.sampled_from(ENCODINGS)), "replace")
    elif op == "bom":  # a BOM is allowed ("surrogatepass": an earlier insert may be one)
        files[name] = b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    else:
        data = text.encode("utf-8", "surrogatepass")
        files[name] = data[:at] + b"\xff\xc3" + data[at:]


@st.composite
def file_level(draw, files: dict[str, object]):
    """A file taken away, added where it does not belong, or made special: a link out of
    the pack, a named pipe, a name that is not UTF-8."""
    names = sorted(files)
    folders = sorted({n.split("/")[0] for n in names if "/" in n})
    op = draw(st.sampled_from(["delete", "add", "symlink", "symlink-dir", "fifo", "bad-name"]))
    if op == "delete":
        del files[draw(st.sampled_from(names))]
    elif op == "add":
        folder = draw(st.sampled_from(["", *folders]))
        base = draw(
            st.one_of(
                st.sampled_from(
                    ["reading.km.md", "notes.txt", "x.yaml", "lesson.yml", ".hidden", "a.svg"]
                ),
                # A name the file system can hold: lone surrogates cannot be one (an
                # undecodable name's escape, U+DC80-U+DCFF, is the "bad-name" case below).
                st.text(
                    st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
                    min_size=1,
                    max_size=8,
                ).filter(lambda s: s not in (".", "..")),
            )
        )
        name = f"{folder}/{base}" if folder else base
        files[name] = draw(contents(name))
    elif op == "symlink":
        target = draw(st.sampled_from([SECRET, "/etc/passwd", "/nonexistent", "pack/course.yaml"]))
        files[draw(st.sampled_from(names))] = Symlink(target)
    elif op == "symlink-dir":
        files[f"{draw(st.sampled_from(folders))}/sub" if folders else "sub"] = Symlink(OUTSIDE)
        files["99-linked"] = Symlink(OUTSIDE)
    elif op == "fifo":
        files[draw(st.sampled_from(names))] = Fifo()
    else:
        folder = draw(st.sampled_from(folders or [""]))
        name = (folder + "/" if folder else "") + "bad-\udcff.yaml"
        files[name] = "id: x\n"


def mutations(files: dict[str, object]):
    return st.one_of(structural(files), textual(files), file_level(files))


class Files(dict):
    """A pack's files by relative path; shown short in Hypothesis's reports."""

    def __repr__(self) -> str:
        return f"<{len(self)} files>"


def mutate(data, files: dict[str, object], count: int) -> dict[str, object]:
    files = Files(files)
    for _ in range(count):
        if not any(isinstance(c, str) and n.endswith(".yaml") for n, c in files.items()):
            break
        data.draw(mutations(files))
    return files


def test_every_window_of_the_bundled_course_loads_unchanged(tmp_path):
    """The base of the mutations below is a good pack: what breaks it is the mutation."""
    for first in range(len(load_course(BUNDLED).lessons) - 1):
        write_pack(tmp_path / str(first) / "pack", window(first))
        assert load_course(tmp_path / str(first) / "pack").lessons


@FUZZ
@given(first=st.integers(0, 10), count=st.integers(1, 8), data=st.data())
def test_mutated_bundled_lessons_load_or_are_refused_in_place(first, count, data):
    files = mutate(data, window(first), count)
    with tempfile.TemporaryDirectory() as folder:
        write_pack(Path(folder) / "pack", files)
        assert_loaded_or_refused(Path(folder) / "pack")


@functools.cache
def minimal_with_every_type() -> dict[str, object]:
    """The minimal pack, its first lesson holding also the documented example of every
    exercise type (docs/exercise-types.md)."""
    files = read_files(MINIMAL)
    name = "01-hello/exercises.yaml"
    specs = copy.deepcopy(DOC_SPECS)
    for spec in specs:  # the pack offers Thai: every instruction needs it
        for path in list(paths_in(spec)):
            text = get(spec, path)
            if isinstance(text, dict) and "en" in text and set(text) <= set(LANGUAGES):
                text.setdefault("th", "ภาษาไทย")
    files[name] = dump(yaml.safe_load(files[name]) + specs)
    return files


def test_the_minimal_pack_with_every_exercise_type_loads(tmp_path):
    write_pack(tmp_path / "pack", minimal_with_every_type())
    assert len(load_course(tmp_path / "pack").lessons[0].exercises) > len(exercises.TYPES)


@FUZZ
@given(count=st.integers(1, 8), data=st.data())
def test_mutated_minimal_packs_load_or_are_refused_in_place(count, data):
    files = mutate(data, minimal_with_every_type(), count)
    with tempfile.TemporaryDirectory() as folder:
        write_pack(Path(folder) / "pack", files)
        assert_loaded_or_refused(Path(folder) / "pack")


@FEWER
@given(data=st.data())
def test_a_mutated_whole_bundled_course_loads_or_is_refused_in_place(data):
    files = mutate(data, bundled_files(), 1)
    with tempfile.TemporaryDirectory() as folder:
        write_pack(Path(folder) / "pack", files)
        assert_loaded_or_refused(Path(folder) / "pack")


# -- what the fuzzing found, and the limits that keep a check short ---------------------------


def refusal(root: Path) -> list[Problem]:
    with watchdog(), pytest.raises(CourseError) as error:
        load_course(root)
    for problem in error.value.problems:
        assert_names_a_place(root, problem)
    return error.value.problems


@pytest.mark.parametrize(
    ("rel", "old", "new", "where", "words"),
    [
        # found: a speaker id that is a list crashed the dialogue check (unhashable)
        ("01-hello/dialogue.yaml", "- id: somchai", "- id: [somchai]", "speakers.0.id", "id"),
        # found: a step type that is a list crashed the step rule (unhashable)
        ("02-thanks/lesson.yaml", "type: reading", "type: [reading]", "steps.0.type", "type"),
        # found: a field named "²" crashed the exercise check (int("²") after isdigit())
        (
            "02-thanks/exercises.yaml",
            "- id: thanks-meaning",
            "- ²: 1\n  id: thanks-meaning",
            "0.²",
            "unknown field",
        ),
        # found: .nan and .inf passed as a clip's start (every comparison with nan is false)
        ("01-hello/lesson.yaml", "start: 0", "start: .nan", "steps.0.start", "seconds"),
        ("01-hello/lesson.yaml", "end: 30", "end: .inf", "steps.0.end", "seconds"),
        # found: a whole number of 400 digits overflowed float() in a checkpoint's `at`
        ("01-hello/exercises.yaml", "at: 12", "at: " + "9" * 400, "", "must be a number"),
        # found: PyYAML's constructors raised ValueError, KeyError, IndexError
        ("course.yaml", 'version: "1.0"', "version: !!int one", "", "cannot read 'one' as int"),
        ("course.yaml", 'version: "1.0"', "version: 2024-13-45", "", "as timestamp"),
        ("course.yaml", 'version: "1.0"', "version: !!float", "", "as float"),
        ("course.yaml", 'version: "1.0"', "version: " + "1" * 5000, "", "as int"),
        # found: the pure-Python parser recursed past Python's limit on deep nesting
        ("course.yaml", 'version: "1.0"', "version: " + "[" * 3000 + "]" * 3000, "", "YAML"),
        (
            "course.yaml",
            'version: "1.0"',
            "version:" + "".join("\n" + "  " * i + "- " for i in range(1, MAX_DEPTH + 3)) + "x",
            "",
            "levels deep",
        ),
        # escapes of characters YAML does not allow written in a file
        ("course.yaml", 'version: "1.0"', 'version: "1.0\\0"', "", "#x0000"),
        ("course.yaml", 'version: "1.0"', 'version: "\\e[31m"', "", "#x001b"),
        ("course.yaml", 'version: "1.0"', 'version: "\\ud800"', "", "YAML"),
    ],
)
def test_what_the_fuzzing_found_is_refused_in_place(pack, rel, old, new, where, words):
    pack.edit(rel, old, new)
    problems = refusal(pack.root)
    mine = [p for p in problems if p.file == rel and words in p.message]
    assert mine, problems
    assert where == "" or any(p.field == where for p in mine), mine


def test_reading_lines_are_counted_as_an_editor_counts_them(pack):
    # found: splitlines() also breaks at \x1c-\x1e and \x85, so the line was past the file
    pack.write("02-thanks/reading.en.md", "# Thank you\x1e\n\nေက်ာင္းသား\n")
    problems = refusal(pack.root)
    assert [(p.file, p.line) for p in problems] == [("02-thanks/reading.en.md", 3)]


def test_an_unclosed_quote_at_the_end_names_the_last_line(pack):
    pack.write("01-hello/dialogue.yaml", "title: 'Saying hello")  # no newline at the end
    lines = [(p.file, p.line) for p in refusal(pack.root) if p.file.endswith("dialogue.yaml")]
    assert lines == [("01-hello/dialogue.yaml", 1)]


@pytest.mark.parametrize("text", ["title:\n\tth: x\n", "title: 'x\n", "a: &x 1\nb: *x\n"])
def test_documented_syntax_errors_name_file_and_line(pack, text):
    pack.write("01-hello/dialogue.yaml", text)
    [problem] = [p for p in refusal(pack.root) if p.file == "01-hello/dialogue.yaml"]
    assert problem.line == 2


@pytest.mark.parametrize("width", [2, 9, 50])
def test_alias_bombs_are_refused_at_the_first_alias(pack, width):
    """Billion laughs: each level repeats the one before `width` times. Expanded, ten
    levels of 9 hold 9**10 strings; the loader stops at the first `*`."""
    levels = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    levels += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * width)}]" for n in range(1, 10)]
    pack.write("01-hello/vocabulary.yaml", "\n".join(levels) + "\n")
    problems = refusal(pack.root)
    assert ("01-hello/vocabulary.yaml", 2) in [(p.file, p.line) for p in problems]
    assert any("aliases" in p.message for p in problems)


def test_a_text_file_over_the_limit_is_refused_unread(pack):
    pack.write("01-hello/vocabulary.yaml", "- x\n" * (MAX_TEXT_BYTES // 4 + 1))
    [problem] = [p for p in refusal(pack.root) if p.file == "01-hello/vocabulary.yaml"]
    assert "larger than" in problem.message


def test_a_file_with_too_many_values_is_refused(pack):
    pack.write("01-hello/vocabulary.yaml", "[" + "x," * MAX_NODES + "]\n")
    [problem] = [p for p in refusal(pack.root) if p.file == "01-hello/vocabulary.yaml"]
    assert f"more than {MAX_NODES} values" in problem.message


def test_a_pack_with_too_many_values_is_refused(pack):
    per_file = MAX_NODES - 10
    for n in range(MAX_PACK_NODES // per_file + 1):
        pack.write(f"extra-{n:02}/vocabulary.yaml", "[" + "x," * per_file + "]\n")
    problems = refusal(pack.root)
    assert any(f"more than {MAX_PACK_NODES} values" in p.message for p in problems)


@pytest.mark.parametrize(
    ("rel", "content", "words"),
    [
        ("02-thanks/reading.en.md", Symlink(SECRET), "symbolic links"),
        ("02-thanks/reading.en.md", Symlink("/etc/passwd"), "symbolic links"),
        ("01-hello/vocabulary.yaml", Symlink("/nonexistent"), "symbolic links"),
        ("03-stolen", Symlink(OUTSIDE), "symbolic links"),
        ("02-thanks/reading.en.md", Fifo(), "not a regular file"),
        ("01-hello/bad-\udcff.yaml", "x: 1\n", "not UTF-8"),
    ],
)
def test_links_pipes_and_bad_names_are_refused_from_a_folder_and_never_installed(
    tmp_path, rel, content, words
):
    files = read_files(MINIMAL)
    files[rel] = content
    write_pack(tmp_path / "pack", files)
    problems = refusal(tmp_path / "pack")
    assert any(words in p.message for p in problems), problems
    # found: install_pack copied the folder following links (a link to a secret file was
    # installed as a lesson's reading) and crashed with shutil.Error on a named pipe
    with watchdog(), pytest.raises(CourseError) as error:
        install_pack(tmp_path / "pack", tmp_path / "courses")
    assert any(words in p.message or "named pipe" in p.message for p in error.value.problems)
    assert sorted(p.name for p in (tmp_path / "courses").iterdir()) == []


# -- uploaded archives -------------------------------------------------------------------------

ESCAPE = "ESCAPED"  # replaced by an absolute path beside the sandbox in member names
member_names = st.one_of(
    st.sampled_from(
        [
            *("../evil.md", "../../evil.md", f"/{ESCAPE}/evil.md", "C:/evil.md", "C:\\evil.md"),
            *("01-hello\\..\\..\\evil.md", "01-hello/../../evil.md", "./course.yaml"),
            *("COURSE.YAML", "course.yaml", "01-hello/", "", ".", "a//b.md", "x/" * 40 + "z.md"),
            *("01-hello/reading.en.md", "\u202eevil.md", "a" * 300 + ".md", "mini/course.yaml"),
            *("01-hello/lesson.yaml", "media/x.svg", "02-thanks/reading.en.md"),
        ]
    ),
    st.lists(st.sampled_from(["..", ".", "01-hello", "evil.md", "", "\\", ESCAPE]), max_size=5).map(
        "/".join
    ),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
)
MODES = [None, stat.S_IFLNK | 0o777, stat.S_IFREG | 0o644, stat.S_IFIFO | 0o644, stat.S_IFCHR]
members = st.lists(
    st.tuples(member_names, st.binary(max_size=40), st.sampled_from(MODES)), max_size=5
)


def build_zip(path: Path, base: dict[str, object], extra, prefix: str) -> None:
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")  # "Duplicate name": duplicates are part of the test
        for rel, content in base.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            archive.writestr(prefix + rel, data)
        for name, data, mode in extra:
            info = zipfile.ZipInfo(name.replace(ESCAPE, str(path.parent.parent)))
            if mode is not None:
                info.external_attr = mode << 16
            archive.writestr(info, data)


@FUZZ
@given(base=st.booleans(), prefix=st.sampled_from(["", "mini/"]), extra=members, data=st.data())
def test_any_archive_installs_a_checked_pack_or_is_refused_leaving_nothing(
    base, prefix, extra, data
):
    files = mutate(data, read_files(MINIMAL), data.draw(st.integers(0, 2))) if base else {}
    files = {  # what a zip can hold: no links, pipes or names that are not UTF-8
        rel: c for rel, c in files.items() if isinstance(c, str | bytes) and rel.isprintable()
    }
    with tempfile.TemporaryDirectory() as folder:
        sandbox = Path(folder) / "sandbox"
        sandbox.mkdir()
        upload = sandbox / "upload.zip"
        build_zip(upload, files, extra, prefix)
        courses = sandbox / "courses"
        with watchdog():
            try:
                installed = install_pack(upload, courses)
            except CourseError as error:
                assert error.problems
                for problem in error.problems:
                    assert problem.message and str(problem).encode("utf-8")
                kept = set()
            else:
                assert installed.path == courses / installed.course.id / installed.course.version
                kept = {installed.path, *installed.path.rglob("*"), installed.path.parent}
        left = {p for p in Path(folder).rglob("*")} - kept - {sandbox, upload, courses}
        assert not left, f"files outside the installed pack: {sorted(left)}"
