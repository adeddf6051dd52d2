"""Fixtures for the lessons tests: a writable copy of the minimal pack, and a way to edit it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PACKS = Path(__file__).parent / "packs"
MINIMAL = PACKS / "minimal"
BUNDLED = Path(__file__).parents[2] / "lessons" / "courses" / "thai-for-work"


class Pack:
    """A copy of a pack in a temporary folder that a test may break on purpose."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace the one occurrence of `old` in file `rel` by `new`."""
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def pack(tmp_path: Path) -> Pack:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root)
    return Pack(root)
