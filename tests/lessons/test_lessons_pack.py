"""Importing packs from zip files: good packs install, unsafe or broken ones are refused whole."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from lessons import CourseError, unpack_pack
from lessons import pack as pack_module
from lessons.install import install_pack, installed_versions, version_key

MINIMAL = Path(__file__).parent / "packs" / "minimal"


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(folder).as_posix())
    return target


def add_member(archive_path: Path, name: str, data: bytes = b"x", mode: int | None = None):
    with zipfile.ZipFile(archive_path, "a", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        if mode is not None:
            info.external_attr = mode << 16
        archive.writestr(info, data)


@pytest.mark.parametrize("prefix", ["", "mini-course/"], ids=["at-top", "in-one-folder"])
def test_a_good_pack_is_unpacked_and_loaded(tmp_path, prefix):
    archive = zip_folder(MINIMAL, tmp_path / "mini.zip", prefix)
    course = unpack_pack(archive, tmp_path / "courses" / "mini")
    assert course.id == "mini" and [lesson.id for lesson in course.lessons] == ["hello", "thanks"]
    assert (tmp_path / "courses" / "mini" / "course.yaml").is_file()
    assert [p.name for p in (tmp_path / "courses").iterdir()] == ["mini"]  # no leftovers


def refused(tmp_path: Path, archive: Path, words: str) -> CourseError:
    dest = tmp_path / "courses" / "mini"
    with pytest.raises(CourseError) as error:
        unpack_pack(archive, dest)
    assert words in str(error.value), str(error.value)
    assert not dest.exists()
    assert not any((tmp_path / "courses").iterdir()), "unpacking left files behind"
    return error.value


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("../evil.md", "leaves the pack"),
        ("01-hello/../../evil.md", "leaves the pack"),
        ("/etc/evil.md", "absolute"),
        ("C:/evil.md", "absolute"),
        ("01-hello\\..\\..\\evil.md", "absolute or Windows"),
    ],
)
def test_paths_that_leave_the_pack_are_refused(tmp_path, name, words):
    archive = zip_folder(MINIMAL, tmp_path / "mini.zip")
    add_member(archive, name)
    refused(tmp_path, archive, words)
    assert not (tmp_path / "evil.md").exists()


def test_symbolic_links_are_refused(tmp_path):
    archive = zip_folder(MINIMAL, tmp_path / "mini.zip")
    add_member(archive, "01-hello/link.md", b"/etc/passwd", mode=stat.S_IFLNK | 0o777)
    refused(tmp_path, archive, "symbolic links")


def test_a_zip_bomb_is_refused_before_it_is_extracted(tmp_path):
    archive = zip_folder(MINIMAL, tmp_path / "mini.zip")
    add_member(archive, "01-hello/notes.md", b"\0" * (1024 * 1024))
    refused(tmp_path, archive, "zip bomb")


def test_too_many_files_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pack_module, "MAX_FILES", 5)
    refused(tmp_path, zip_folder(MINIMAL, tmp_path / "mini.zip"), "files in the archive")


def test_too_large_a_total_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pack_module, "MAX_TOTAL_BYTES", 2000)
    refused(tmp_path, zip_folder(MINIMAL, tmp_path / "mini.zip"), "bytes once uncompressed")


def test_a_pack_that_fails_the_check_is_refused_whole(tmp_path):
    source = tmp_path / "src"
    import shutil

    shutil.copytree(MINIMAL, source)
    lesson = source / "01-hello" / "lesson.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("media:", "medai:"), "utf-8")
    error = refused(tmp_path, zip_folder(source, tmp_path / "bad.zip"), "medai")
    assert {p.file for p in error.problems} == {"01-hello/lesson.yaml"}


def test_something_that_is_not_a_zip_is_refused(tmp_path):
    archive = tmp_path / "mini.zip"
    archive.write_bytes(b"not a zip at all")
    refused(tmp_path, archive, "not a readable zip")


def test_an_archive_without_course_yaml_is_refused(tmp_path):
    archive = tmp_path / "empty.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("README.md", "hello")
    refused(tmp_path, archive, "no course.yaml")


def test_an_existing_destination_is_never_overwritten(tmp_path):
    dest = tmp_path / "courses" / "mini"
    dest.mkdir(parents=True)
    with pytest.raises(CourseError, match="already exists"):
        unpack_pack(zip_folder(MINIMAL, tmp_path / "mini.zip"), dest)


def test_install_puts_a_pack_under_its_id_and_version_and_reports_removals(tmp_path, pack):
    courses = tmp_path / "installed"
    first = install_pack(MINIMAL, courses)
    assert first.path == courses / "mini" / "1.0" and first.previous is None
    assert not first.already_installed and first.course.version == "1.0"
    again = install_pack(zip_folder(MINIMAL, tmp_path / "mini.zip"), courses)
    assert again.already_installed and again.path == first.path

    pack.edit("course.yaml", 'version: "1.0"', 'version: "1.1"')
    pack.edit("01-hello/vocabulary.yaml", "- id: khrap", "- id: khrap-polite")
    pack.edit("01-hello/lesson.yaml", "[sawatdii, khrap]", "[sawatdii, khrap-polite]")
    second = install_pack(pack.root, courses)
    assert second.path == courses / "mini" / "1.1"
    assert second.previous.version == "1.0"
    assert second.changes.removed["vocabulary"] == ("khrap",)
    assert [c.version for c in installed_versions(courses, "mini")] == ["1.0", "1.1"]
    assert sorted(p.name for p in courses.iterdir()) == ["mini"]  # no staging left behind


def test_the_same_version_with_other_content_is_refused(tmp_path, pack):
    courses = tmp_path / "installed"
    install_pack(MINIMAL, courses)
    pack.edit("02-thanks/vocabulary.yaml", "thank you", "thanks")
    with pytest.raises(CourseError, match="already installed with other content"):
        install_pack(pack.root, courses)


def test_a_broken_pack_installs_nothing(tmp_path, pack):
    courses = tmp_path / "installed"
    pack.edit("01-hello/lesson.yaml", "media:", "medai:")
    with pytest.raises(CourseError):
        install_pack(pack.root, courses)
    assert list(courses.iterdir()) == []


@pytest.mark.parametrize(("older", "newer"), [("1.9", "1.10"), ("1.0", "2.0"), ("1", "1.1")])
def test_versions_sort_as_numbers(older, newer):
    assert version_key(older) < version_key(newer)
