"""Reading a content pack folder: its files, parsed, with every problem of reading them.

`read_pack(root)` never raises for bad content: files that cannot be read or parsed
become `Problem`s and are left out, so the checker can go on and report everything else.
It also computes the pack's content hash (sha256 over the sorted relative paths and bytes
of every file, hidden files excepted), which is the same on every machine.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lessons.problems import Problem
from lessons.yamlsrc import Source, YamlProblem, parse_yaml

MAX_FILE_BYTES = 2 * 1024 * 1024
#: Text files (YAML, Markdown) are written by hand: the largest of the bundled course is
#: 27 KB. Checking costs time per value, so big text is refused before it is parsed.
MAX_TEXT_BYTES = 256 * 1024
#: Values in all the YAML files of a pack together (the bundled course has about 13,000):
#: with `lessons.yamlsrc.MAX_NODES` per file, this keeps the check of any pack to seconds.
MAX_PACK_NODES = 100_000
LESSON_YAML_FILES = ("lesson.yaml", "vocabulary.yaml", "exercises.yaml", "dialogue.yaml")
READING_RE = re.compile(r"^reading\.([a-z]{2})\.md$")
#: Files at the top of a pack besides course.yaml and the lesson folders.
TOP_LEVEL_EXTRA = re.compile(r"^[A-Za-z0-9_-]+\.(md|txt)$")
#: Pictures a pack ships for its exercises (`media/<id>.svg|png|jpg|webp`): part of the content
#: hash; `rianthai media samples` copies them into the media library, which serves them.
PACK_MEDIA = re.compile(r"^media/[a-z0-9][a-z0-9-]*\.(svg|png|jpg|jpeg|webp)$")


@dataclass(slots=True)
class RawLesson:
    """One lesson folder's files: YAML sources by file name and readings by language."""

    folder: str
    sources: dict[str, Source] = field(default_factory=dict)
    readings: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class RawPack:
    """A pack as read from disk, before any checking of its content."""

    root: Path
    content_hash: str
    course: Source | None
    folders: dict[str, RawLesson]
    problems: list[Problem]


def _skip(name: str) -> bool:
    return name.startswith(".") or name == "__pycache__"


def shown_name(name: str) -> str:
    """A file name that may hold bytes that are not UTF-8 (os.walk keeps them as surrogates)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _entry_problem(rel: str, path: Path) -> str | None:
    """Why the file or folder at `path` cannot be part of a pack, or None."""
    if shown_name(rel) != rel:
        return "file name is not UTF-8 text"
    if path.is_symlink():
        return "symbolic links are not allowed"
    if not path.is_file() and not path.is_dir():  # reading a pipe would wait for ever
        return "not a regular file"
    return None


def _list_files(root: Path, problems: list[Problem]) -> list[str]:
    """Every file of the pack as a relative posix path, sorted; symlinks, special files and
    names that are not UTF-8 are problems."""
    found: list[str] = []

    def unreadable(error: OSError) -> None:
        rel = Path(error.filename).relative_to(root).as_posix() if error.filename else "."
        problems.append(Problem(shown_name(rel), 0, "", f"folder cannot be read: {error.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        rel_dir = Path(dirpath).relative_to(root)
        kept = []
        for name in sorted(n for n in [*dirnames, *filenames] if not _skip(n)):
            rel = (rel_dir / name).as_posix()
            message = _entry_problem(rel, Path(dirpath) / name)
            if message:
                problems.append(Problem(shown_name(rel), 0, "", message))
            elif name in dirnames:
                kept.append(name)
            else:
                found.append(rel)
        dirnames[:] = kept
    return sorted(found)


def _decode(rel: str, data: bytes, problems: list[Problem]) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(rel, line, "", "not UTF-8 text (save the file as UTF-8)"))
        return None
    if text.startswith("\ufeff"):
        text = text[1:]  # editors on Windows add a byte-order mark; it means nothing here
    return text


def _parse(rel: str, text: str, problems: list[Problem]) -> Source | None:
    try:
        return parse_yaml(text)
    except YamlProblem as error:
        problems.append(Problem(rel, error.line, "", error.message))
        return None


def read_pack(root: str | os.PathLike[str]) -> RawPack:
    """Read every file of the pack at `root` (see the module docstring)."""
    root = Path(root)
    problems: list[Problem] = []
    if not (root / "course.yaml").is_file():
        problems.append(Problem("course.yaml", 0, "", f"no course.yaml in {root}"))
        return RawPack(root, "", None, {}, problems)
    digest = hashlib.sha256()
    course: Source | None = None
    folders: dict[str, RawLesson] = {}
    nodes = 0
    for rel in _list_files(root, problems):
        path = root / rel
        limit = MAX_FILE_BYTES if rel.startswith("media/") else MAX_TEXT_BYTES
        try:
            if path.stat().st_size > limit:
                problems.append(Problem(rel, 0, "", f"file larger than {limit} bytes"))
                continue
            data = path.read_bytes()
        except OSError as error:
            problems.append(Problem(rel, 0, "", f"file cannot be read: {error.strerror}"))
            continue
        name = rel.encode("utf-8")
        digest.update(len(name).to_bytes(8, "big") + name + len(data).to_bytes(8, "big") + data)
        parts = rel.split("/")
        if nodes > MAX_PACK_NODES and rel.endswith(".yaml"):
            continue  # the pack is refused already; parsing more would only take time
        if len(parts) == 1:
            if rel == "course.yaml":
                text = _decode(rel, data, problems)
                course = _parse(rel, text, problems) if text is not None else None
                nodes += course.nodes if course else 0
            elif not TOP_LEVEL_EXTRA.match(rel):
                problems.append(Problem(rel, 0, "", "unexpected file at the top of the pack"))
            continue
        if parts[0] == "media":
            if not PACK_MEDIA.match(rel):
                problems.append(
                    Problem(rel, 0, "", "media/ holds pictures named <id>.svg, .png, .jpg or .webp")
                )
            continue
        if len(parts) > 2:
            problems.append(Problem(rel, 0, "", "unexpected file below a lesson folder"))
            continue
        folder, name_ = parts
        lesson = folders.setdefault(folder, RawLesson(folder))
        reading = READING_RE.match(name_)
        if name_ in LESSON_YAML_FILES or reading:
            text = _decode(rel, data, problems)
            if text is None:
                continue
            if reading:
                lesson.readings[reading.group(1)] = text
            else:
                source = _parse(rel, text, problems)
                if source is not None:
                    lesson.sources[name_] = source
                    nodes += source.nodes
                    if nodes > MAX_PACK_NODES:
                        message = f"the pack's YAML files hold more than {MAX_PACK_NODES} values"
                        problems.append(Problem(rel, 0, "", message))
        else:
            problems.append(
                Problem(
                    rel,
                    0,
                    "",
                    "unexpected file in a lesson folder (expected lesson.yaml, "
                    "vocabulary.yaml, exercises.yaml, dialogue.yaml, reading.<lang>.md)",
                )
            )
    return RawPack(root, digest.hexdigest(), course, folders, problems)
