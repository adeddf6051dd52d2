"""Installing a checked pack (a folder or a zip) into a courses folder, by id and version.

`install_pack(source, courses_dir)` puts the pack at `courses_dir/<id>/<version>/` and returns
an `Installed` record: the course, where it went, the newest version installed before it and
what the new version removed from that one (`compare_courses`), which the web layer reports.
Installing the same version with the same files again changes nothing; the same version with
other files is refused (raise the version instead), so a course version never changes under
its learners.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lessons.loader import load_course
from lessons.model import Course
from lessons.pack import CourseChanges, compare_courses, unpack_pack
from lessons.problems import CourseError, Problem
from lessons.reader import shown_name


@dataclass(frozen=True, slots=True)
class Installed:
    """The result of `install_pack`."""

    course: Course
    path: Path
    previous: Course | None  # the newest other version installed before, if any
    changes: CourseChanges | None  # what `course` removed from and added to `previous`
    already_installed: bool  # the very same files were installed already


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for versions: "1.10" after "1.9", numbers before words."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"[.+-]", version)
    )


def installed_versions(courses_dir: str | os.PathLike[str], course_id: str) -> list[Course]:
    """Every loadable installed version of a course, oldest first (broken ones are skipped)."""
    folder = Path(courses_dir) / course_id
    courses = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.is_dir() and not path.name.startswith("."):
            try:
                course = load_course(path)
            except CourseError:
                continue
            if course.id == course_id and course.version == path.name:
                courses.append(course)
    return sorted(courses, key=lambda c: version_key(c.version))


def _copy_pack(source: Path, target: Path) -> None:
    """Copy a pack folder as it is: a link is copied as a link (which the check refuses),
    never followed, or a link to /etc/passwd would be installed as a lesson's text."""
    try:
        shutil.copytree(
            source, target, symlinks=True, ignore=shutil.ignore_patterns(".*", "__pycache__")
        )
    except shutil.Error as error:  # a named pipe, a socket, an unreadable file...
        raise CourseError(
            [
                Problem(shown_name(Path(src).relative_to(source).as_posix()), 0, "", str(why))
                for src, _, why in error.args[0]
            ]
        ) from None


def install_pack(
    source: str | os.PathLike[str],
    courses_dir: str | os.PathLike[str],
    known_media: set[str] | frozenset[str] | None = None,
) -> Installed:
    """Check the pack folder or zip `source` and install it (see the module docstring);
    raise `CourseError` with every problem, installing nothing, if it is refused."""
    source, courses_dir = Path(source), Path(courses_dir)
    courses_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=courses_dir))
    try:
        incoming = staging / "pack"
        if source.is_dir():
            _copy_pack(source, incoming)  # check the copy: what is checked is what is installed
            course = load_course(incoming, known_media)
        else:
            course = unpack_pack(source, incoming, known_media)
        target = courses_dir / course.id / course.version
        if target.exists():
            try:
                same = load_course(target).content_hash == course.content_hash
            except CourseError:
                same = False
            if not same:
                raise CourseError(
                    [
                        Problem(
                            "course.yaml",
                            0,
                            "version",
                            f"version {course.version!r} of {course.id!r} is already "
                            "installed with other content: give the new pack a new version",
                        )
                    ]
                )
            return Installed(load_course(target), target, None, None, already_installed=True)
        before = installed_versions(courses_dir, course.id)
        previous = before[-1] if before else None
        target.parent.mkdir(exist_ok=True)
        incoming.rename(target)
        course = load_course(target, known_media)
        changes = compare_courses(previous, course) if previous is not None else None
        return Installed(course, target, previous, changes, already_installed=False)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
