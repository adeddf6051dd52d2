"""`rianthai course check` and `rianthai course import`."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from learn.catalog import catalog

MINIMAL = Path(__file__).parents[1] / "lessons" / "packs" / "minimal"


@pytest.fixture
def broken_pack(tmp_path):
    pack = tmp_path / "broken"
    shutil.copytree(MINIMAL, pack)
    lesson = pack / "02-thanks" / "lesson.yaml"
    lesson.write_text(lesson.read_text().replace("prerequisites: [hello]", "prerequisites: [nope]"))
    course = pack / "course.yaml"
    course.write_text(course.read_text() + "author: someone\n")
    return pack


def test_check_passes_a_good_pack(runner):
    result = runner.invoke(args=["course", "check", str(MINIMAL)])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_check_prints_every_problem_with_file_and_line(runner, broken_pack):
    result = runner.invoke(args=["course", "check", str(broken_pack)])
    assert result.exit_code == 1
    assert f"{broken_pack}/02-thanks/lesson.yaml:" in result.output
    assert ": prerequisites.0: no lesson with id 'nope'" in result.output
    assert (
        f"{broken_pack}/course.yaml:" in result.output
        and ": author: unknown field" in result.output
    )


def test_import_a_folder_then_a_zip_of_a_new_version(app, runner, tmp_path):
    result = runner.invoke(args=["course", "import", str(MINIMAL)])
    assert result.exit_code == 0, result.output
    newer = tmp_path / "newer"
    shutil.copytree(MINIMAL, newer)
    course_yaml = newer / "course.yaml"
    course_yaml.write_text(course_yaml.read_text().replace('version: "1.0"', 'version: "1.1"'))
    archive = tmp_path / "newer.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in newer.rglob("*"):
            z.write(path, path.relative_to(newer))
    result = runner.invoke(args=["course", "import", str(archive)])
    assert result.exit_code == 0, result.output
    assert "Installed course mini version 1.1." in result.output
    with app.app_context():
        assert catalog().get("mini").version == "1.1"


def test_import_refuses_a_broken_pack_and_changes_nothing(app, runner, broken_pack):
    result = runner.invoke(args=["course", "import", str(broken_pack)])
    assert result.exit_code == 1
    assert "nothing was installed" in result.output
    courses_dir = Path(app.config["COURSES_DIR"])
    assert not courses_dir.exists() or not any(courses_dir.iterdir())


def test_stats_prints_the_counts_as_json(runner):
    import json

    result = runner.invoke(args=["course", "stats", str(MINIMAL)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["exercises_by_type"]["video_checkpoint"] == 1
