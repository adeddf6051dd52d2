"""The state of one check of a pack: its problems, the ids defined so far, and the
references still to resolve once every file has been read."""

from __future__ import annotations

from typing import Any

from lessons.model import LANGUAGES
from lessons.problems import Problem
from lessons.reader import RawPack
from lessons.schema import FileCheck, Reference
from lessons.yamlsrc import Path, Source

ID_KINDS = ("unit", "lesson", "step", "vocabulary", "exercise")


class PackCheck:
    """The state of one check: problems, ids defined so far, references to resolve."""

    def __init__(self, raw: RawPack) -> None:
        self.raw = raw
        self.problems: list[Problem] = list(raw.problems)
        self.references: list[Reference] = []
        self.defined: dict[str, dict[str, tuple[str, int]]] = {k: {} for k in ID_KINDS}
        self.languages: tuple[str, ...] = LANGUAGES
        self.specs: dict[str, dict[str, Any]] = {}
        self.checkpoints: list[tuple[FileCheck, Path, str, dict[str, Any]]] = []

    def file(self, name: str, source: Source) -> FileCheck:
        fc = FileCheck(name, source, self.languages, self.problems)
        fc.references = self.references
        return fc

    def define(self, kind: str, value: Any, fc: FileCheck, path: Path) -> None:
        if not isinstance(value, str):
            return
        line = fc.source.line(path)
        first = self.defined[kind].get(value)
        if first is not None:
            fc.problem(path, f"duplicate {kind} id {value!r} (first in {first[0]}:{first[1]})")
        else:
            self.defined[kind][value] = (fc.file, line)
