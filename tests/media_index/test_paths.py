"""safe_join keeps every served path inside the media folder."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from media_index.paths import UnsafePath, safe_join


@pytest.fixture
def root(tmp_path):
    media = tmp_path / "media"
    (media / "unit1").mkdir(parents=True)
    (media / "unit1" / "a.mp4").write_bytes(b"x")
    (tmp_path / "secret.txt").write_text("secret")
    return media


@pytest.mark.parametrize("parts", [
    ("unit1/a.mp4",),
    ("unit1", "a.mp4"),
    ("./unit1//a.mp4",),
    ("unit1", "not-yet-there.vtt"),
])
def test_paths_inside_are_allowed(root, parts):
    assert safe_join(root, *parts) == (root / "unit1" / parts[-1].split("/")[-1]).resolve()


@pytest.mark.parametrize("parts", [
    ("..", "secret.txt"),
    ("../secret.txt",),
    ("unit1/../../secret.txt",),
    ("unit1", ".."),
    ("/etc/passwd",),
    ("unit1", "/etc/passwd"),
    ("C:/Windows",),
    ("unit1\\..\\..\\secret.txt",),
    ("a.mp4\x00.txt",),
])
def test_escapes_are_refused(root, parts):
    with pytest.raises(UnsafePath):
        safe_join(root, *parts)


def test_symlink_escaping_the_root_is_refused(root, tmp_path):
    os.symlink(tmp_path / "secret.txt", root / "unit1" / "link.mp4")
    os.symlink(tmp_path, root / "outside")
    with pytest.raises(UnsafePath, match="outside"):
        safe_join(root, "unit1/link.mp4")
    with pytest.raises(UnsafePath, match="outside"):
        safe_join(root, "outside", "secret.txt")


def test_symlink_inside_the_root_is_allowed(root):
    os.symlink(root / "unit1" / "a.mp4", root / "alias.mp4")
    assert safe_join(root, "alias.mp4") == (root / "unit1" / "a.mp4").resolve()


def test_symlink_loop_is_refused(root):
    os.symlink(root / "loop2", root / "loop1")
    os.symlink(root / "loop1", root / "loop2")
    with pytest.raises(UnsafePath):
        safe_join(root, "loop1")


@given(st.lists(st.text(max_size=12), max_size=4))
def test_never_escapes(parts):
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        try:
            result = safe_join(base, *parts)
        except UnsafePath:
            return
        assert result == base or result.is_relative_to(base)
