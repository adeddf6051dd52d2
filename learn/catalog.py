"""The courses this server offers: the bundled packs and those an admin imported.

Packs are folders of files (see docs/content-format.md). The catalogue loads each pack once,
checks it whole, and reloads it only when its files change (a cheap walk of their sizes and
modification times, at most every few seconds). A pack with errors is refused whole: it is
left out of the catalogue and its problems are logged, and the other courses go on working.
An installed pack (`rianthai course import`) with the same course id as a bundled one
replaces it; of several installed versions, the newest is served.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app

import lessons
from lessons import Course, CourseError, load_course
from lessons.install import version_key

BUNDLED = Path(lessons.__file__).parent / "courses"
log = logging.getLogger(__name__)


def _signature(folder: Path) -> tuple:
    return tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.rglob("*"))
    )


@dataclass
class _Entry:
    signature: tuple
    course: Course | None
    error: CourseError | None


class CourseCatalog:
    """Courses by id from pack folders found under `roots` (later roots win on equal ids)."""

    def __init__(self, roots: list[Path], recheck_seconds: float = 3.0) -> None:
        self.roots = roots
        self.recheck_seconds = recheck_seconds
        self._entries: dict[Path, _Entry] = {}
        self._checked_at = float("-inf")
        self._courses: dict[str, Course] = {}
        self._lock = threading.Lock()

    def _pack_folders(self) -> list[Path]:
        """Bundled packs are `<root>/<pack>/`; installed ones `<root>/<id>/<version>/`, of
        which the newest version is served."""
        folders = []
        for root in self.roots:
            for folder in sorted(root.iterdir()) if root.is_dir() else ():
                if folder.name.startswith(".") or not folder.is_dir():
                    continue
                if (folder / "course.yaml").is_file():
                    folders.append(folder)
                    continue
                versions = [v for v in folder.iterdir() if (v / "course.yaml").is_file()]
                if versions:
                    folders.append(max(versions, key=lambda v: version_key(v.name)))
        return folders

    def refresh(self, force: bool = False) -> None:
        with self._lock:
            if not force and time.monotonic() - self._checked_at < self.recheck_seconds:
                return
            courses: dict[str, Course] = {}
            entries: dict[Path, _Entry] = {}
            for folder in self._pack_folders():
                signature = _signature(folder)
                entry = self._entries.get(folder)
                if entry is None or entry.signature != signature:
                    entry = self._load(folder, signature)
                entries[folder] = entry
                if entry.course is not None:
                    courses[entry.course.id] = entry.course
            self._entries, self._courses = entries, courses
            self._checked_at = time.monotonic()

    @staticmethod
    def _load(folder: Path, signature: tuple) -> _Entry:
        try:
            return _Entry(signature, load_course(folder), None)
        except CourseError as error:
            log.error("course pack %s refused:\n%s", folder, error)
            return _Entry(signature, None, error)

    def courses(self) -> list[Course]:
        self.refresh()
        return sorted(self._courses.values(), key=lambda c: c.id)

    def get(self, course_id: str) -> Course | None:
        self.refresh()
        return self._courses.get(course_id)

    def refused(self) -> dict[Path, CourseError]:
        """Pack folders that failed their check, with every problem."""
        self.refresh()
        return {path: e.error for path, e in self._entries.items() if e.error is not None}


def init_app(app: Flask) -> None:
    roots = [Path(app.config.get("BUNDLED_COURSES_DIR", BUNDLED)), Path(app.config["COURSES_DIR"])]
    app.extensions["course_catalog"] = CourseCatalog(roots)


def catalog() -> CourseCatalog:
    return current_app.extensions["course_catalog"]
