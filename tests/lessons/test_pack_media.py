"""A pack may ship pictures in media/: counted in its content hash, anything else refused."""

from __future__ import annotations

import shutil
from pathlib import Path

from lessons import check_course
from lessons.reader import read_pack

MINIMAL = Path(__file__).parent / "packs" / "minimal"


def test_pictures_in_media_are_part_of_the_content(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    before = read_pack(pack).content_hash
    (pack / "media").mkdir()
    (pack / "media" / "sign-danger.svg").write_text("<svg/>")
    assert check_course(pack) == []
    assert read_pack(pack).content_hash != before


def test_anything_else_in_media_is_refused(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    (pack / "media").mkdir()
    (pack / "media" / "run.sh").write_text("echo")
    problems = check_course(pack)
    assert [(p.file, p.message) for p in problems] == [
        ("media/run.sh", "media/ holds pictures named <id>.svg, .png, .jpg or .webp")
    ]
