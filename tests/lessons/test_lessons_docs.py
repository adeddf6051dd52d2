"""docs/content-format.md shows the minimal pack exactly as the tests load it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
DOC = ROOT / "docs" / "content-format.md"
MINIMAL = Path(__file__).parent / "packs" / "minimal"
BLOCK = re.compile(r"<!-- file: (\S+) -->\n`[^`]+`\n\n```\w+\n(.*?)```\n", re.S)


def test_the_documented_example_is_the_minimal_pack_file_for_file():
    shown = dict(BLOCK.findall(DOC.read_text(encoding="utf-8")))
    files = {
        path.relative_to(MINIMAL).as_posix(): path.read_text(encoding="utf-8")
        for path in MINIMAL.rglob("*")
        if path.is_file()
    }
    assert shown == files
