"""Tiny fixture media made once per session with ffmpeg's lavfi sources (1 s, low resolution)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)


@pytest.fixture(scope="session")
def fixture_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pristine folder: 480x360 and 320x180 videos, an mp3, a broken file, an SRT caption."""
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg is not installed")
    root = tmp_path_factory.mktemp("media-src")
    ffmpeg("-f", "lavfi", "-i", "testsrc=s=480x360:d=1:r=10", "-f", "lavfi", "-i",
           "sine=f=440:d=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
           "-c:a", "aac", "-b:a", "64k", "-shortest", str(root / "tfw-01-greetings.mp4"))
    ffmpeg("-f", "lavfi", "-i", "testsrc=s=320x180:d=1:r=10", "-c:v", "libx264", "-preset",
           "ultrafast", "-pix_fmt", "yuv420p", str(root / "small-silent.mp4"))
    (root / "unit2").mkdir()
    ffmpeg("-f", "lavfi", "-i", "sine=f=220:d=1", "-c:a", "libmp3lame", "-b:a", "64k",
           str(root / "unit2" / "word-nam.mp3"))
    (root / "broken.mp4").write_bytes(bytes(range(256)) * 20)
    (root / "tfw-01-greetings.th.srt").write_text(
        "1\n00:00:00,000 --> 00:00:00,600\nสวัสดีครับ\n\n"
        "2\n00:00:00,600 --> 00:00:01,000\nขอบคุณค่ะ\n", encoding="utf-8")
    (root / "tfw-01-greetings.en.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:00.600\nHello\n\n"
        "00:00:00.600 --> 00:00:01.000\nThank you\n", encoding="utf-8")
    (root / "notes.txt").write_text("not media", encoding="utf-8")
    return root


@pytest.fixture
def media_dir(fixture_media: Path, tmp_path: Path) -> Path:
    """A fresh copy of the fixture folder for one test (scans write into it)."""
    dest = tmp_path / "media"
    shutil.copytree(fixture_media, dest)
    return dest


@pytest.fixture(scope="session")
def rendered_media(fixture_media: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture folder scanned and with its renditions made, once per session."""
    from media_index import scan
    from media_index.renditions import make_renditions

    root = tmp_path_factory.mktemp("media-rendered") / "media"
    shutil.copytree(fixture_media, root)
    make_renditions(root, scan(root))
    return root


@pytest.fixture
def rendered_dir(rendered_media: Path, tmp_path: Path) -> Path:
    """A fresh copy of the scanned and rendered folder for one test."""
    dest = tmp_path / "rendered"
    shutil.copytree(rendered_media, dest)
    return dest
