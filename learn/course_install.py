"""Installing a content pack (a folder or a zip) into the instance's courses folder.

The pack is checked whole before anything changes; the installed folder is replaced by a
rename, so a learner never sees half a course. The version it replaces is kept in
`.archive/`, and the ids the new version removed are reported (progress stays stored against
ids; records of removed items are kept and ignored by the engine).
"""

from __future__ import annotations

import shutil
import time
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

from lessons import (
    Course,
    CourseChanges,
    CourseError,
    Problem,
    compare_courses,
    load_course,
    unpack_pack,
)


def install_pack(
    source: Path, courses_dir: Path, in_use: Callable[[str], Course | None] = lambda _id: None
) -> tuple[Course, CourseChanges | None]:
    """Install the pack at `source`; `in_use(course_id)` gives the version learners use now.

    Raises CourseError with every problem, and then nothing was changed.
    """
    courses_dir.mkdir(parents=True, exist_ok=True)
    staging = courses_dir / f".incoming-{uuid.uuid4().hex}"
    try:
        if source.is_file() and zipfile.is_zipfile(source):
            course = unpack_pack(source, staging)
        elif source.is_dir():
            load_course(source)  # refuses the pack before anything is copied
            shutil.copytree(source, staging, symlinks=False)
            course = load_course(staging)
        else:
            raise CourseError(
                [Problem(source.name, 0, "", "neither a pack folder nor a zip archive")]
            )
        previous = in_use(course.id)
        target = courses_dir / course.id
        if target.exists():
            archive = courses_dir / ".archive"
            archive.mkdir(exist_ok=True)
            stamp = time.strftime("%Y%m%dT%H%M%S")
            target.rename(archive / f"{course.id}-{stamp}-{uuid.uuid4().hex[:6]}")
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    installed = load_course(target)
    changes = compare_courses(previous, installed) if previous is not None else None
    return installed, changes
