"""Installing content packs from zip files safely, and comparing two versions of a course.

`unpack_pack(zip_path, dest)` extracts an uploaded pack into the new folder `dest` and
returns the loaded `Course`. It refuses the whole archive (raising `CourseError`, nothing
left behind) for: paths that leave the folder (`..`, absolute, drive letters, backslashes),
symbolic links and other special files, too many files, files or a total too large once
uncompressed (zip bombs), and any problem the course check finds.

`compare_courses(old, new)` lists the ids the new version removed or added, so the web
layer can say which learners' records no longer point anywhere.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lessons.loader import load_course
from lessons.model import Course
from lessons.problems import CourseError, Problem

MAX_FILES = 2000
MAX_FILE_BYTES = 2 * 1024 * 1024  # the same limit as lessons.reader: a pack is text
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200  # text compresses 3-10x; a ratio past this is a bomb, not a course
_CHUNK = 64 * 1024


def _refuse(name: str, message: str) -> CourseError:
    return CourseError([Problem(name, 0, "zip", message)])


def _member_path(info: zipfile.ZipInfo) -> PurePosixPath:
    name = info.filename
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise _refuse(name, "absolute or Windows path in the archive")
    path = PurePosixPath(name)
    if not path.parts:  # "" or "."
        raise _refuse(repr(name), "a member without a file name")
    if any(part == ".." for part in path.parts):
        raise _refuse(name, "path leaves the pack folder ('..')")
    if "\x00" in name:
        raise _refuse(name, "NUL character in a file name")
    return path


def _is_regular(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    if stat.S_IFMT(mode) == 0:  # archives made on Windows (or by writestr) carry no file type
        return True
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def _check_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    # not ZipInfo.is_dir(): it raises IndexError on a member with an empty name
    files = [i for i in infos if not i.filename.endswith("/")]
    if len(files) > MAX_FILES:
        raise _refuse("", f"{len(files)} files in the archive (at most {MAX_FILES})")
    total = 0
    seen: set[str] = set()
    for info in infos:
        key = _member_path(info).as_posix().casefold()
        if key in seen:
            raise _refuse(info.filename, "the same file name twice in the archive")
        seen.add(key)
        if not _is_regular(info):
            raise _refuse(info.filename, "symbolic links and special files are not allowed")
        if info.flag_bits & 0x1:
            raise _refuse(info.filename, "encrypted files are not allowed")
        if info.file_size > MAX_FILE_BYTES:
            raise _refuse(info.filename, f"file larger than {MAX_FILE_BYTES} bytes")
        if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(info.filename, "compressed too well to be a course file (zip bomb?)")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _refuse("", f"more than {MAX_TOTAL_BYTES} bytes once uncompressed")
    return files


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> int:
    """Copy one member, never trusting its declared size; return the bytes written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with archive.open(info) as source, open(target, "xb") as out:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > info.file_size or written > MAX_FILE_BYTES:
                raise _refuse(info.filename, "file is larger than the archive declares")
            out.write(chunk)
    return written


def _pack_root(folder: Path) -> Path:
    """The folder holding course.yaml: the top, or a single folder at the top."""
    if (folder / "course.yaml").is_file():
        return folder
    entries = [p for p in folder.iterdir() if not p.name.startswith(".")]
    if len(entries) == 1 and entries[0].is_dir() and (entries[0] / "course.yaml").is_file():
        return entries[0]
    raise _refuse("course.yaml", "no course.yaml at the top of the archive or its one folder")


def unpack_pack(
    zip_path: str | os.PathLike[str],
    dest: str | os.PathLike[str],
    known_media: set[str] | frozenset[str] | None = None,
) -> Course:
    """Extract the pack in `zip_path` into `dest` (which must not exist yet), check it and
    return its course; on any problem raise `CourseError` and leave nothing behind."""
    dest = Path(dest)
    if dest.exists():
        raise _refuse(str(dest), "the destination folder already exists")
    dest.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".unpack-", dir=dest.parent))
    try:
        try:
            archive = zipfile.ZipFile(zip_path)
        except (zipfile.BadZipFile, OSError) as error:
            raise _refuse(Path(zip_path).name, f"not a readable zip archive: {error}") from None
        with archive:
            total = 0
            for info in _check_members(archive):
                target = work.joinpath(*_member_path(info).parts)
                try:
                    total += _extract(archive, info, target)
                except (OSError, zipfile.BadZipFile, EOFError) as error:
                    raise _refuse(info.filename, f"cannot extract: {error}") from None
                if total > MAX_TOTAL_BYTES:
                    raise _refuse("", f"more than {MAX_TOTAL_BYTES} bytes once uncompressed")
        root = _pack_root(work)
        load_course(root, known_media)  # raises CourseError with every problem
        root.rename(dest)
        return load_course(dest, known_media)
    finally:
        shutil.rmtree(work, ignore_errors=True)


@dataclass(frozen=True, slots=True)
class CourseChanges:
    """Ids of each kind (`lesson`, `step`, `exercise`, `vocabulary`) that a new version of
    a course removed or added, sorted."""

    removed: dict[str, tuple[str, ...]]
    added: dict[str, tuple[str, ...]]

    @property
    def removes_anything(self) -> bool:
        return any(self.removed.values())


def compare_courses(old: Course, new: Course) -> CourseChanges:
    """What `new` removed from and added to `old` (normally two versions of one course)."""
    before, after = old.ids(), new.ids()
    return CourseChanges(
        removed={kind: tuple(sorted(before[kind] - after[kind])) for kind in before},
        added={kind: tuple(sorted(after[kind] - before[kind])) for kind in after},
    )
