"""Scanning a folder: ids, probe facts, captions, problems, round-trips, cheap re-scans."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

import media_index
from media_index import Manifest, media_id_for, scan, tools


@pytest.mark.parametrize(("rel", "media_id"), [
    ("tfw-01-greetings.mp4", "tfw-01-greetings"),
    ("a/b.mp4", "a-b"),
    ("Unit 2/Lesson_03 Market.webm", "unit-2-lesson-03-market"),
    ("lesson.1.mp4", "lesson-1"),
    ("Café.m4a", "cafe"),
    ("บทที่หนึ่ง.mp4", ""),
])
def test_media_ids_are_slugs_of_the_relative_path(rel, media_id):
    assert media_id_for(rel) == media_id


@given(st.text(max_size=40))
def test_media_ids_are_always_url_safe(rel):
    media_id = media_id_for(rel)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", media_id)


def test_scan_indexes_good_files_and_reports_broken_ones(media_dir):
    seen = []
    manifest = scan(media_dir, progress=lambda done, total, path: seen.append((done, total)))

    assert sorted(item.id for item in manifest) == ["small-silent", "tfw-01-greetings",
                                                    "unit2-word-nam"]
    video = manifest.get("tfw-01-greetings")
    assert (video.kind, video.width, video.height) == ("video", 480, 360)
    assert (video.video_codec, video.audio_codec) == ("h264", "aac")
    assert video.duration == pytest.approx(1.0, abs=0.1)
    assert video.size == (media_dir / "tfw-01-greetings.mp4").stat().st_size
    assert video.sha256 == tools.sha256_file(media_dir / "tfw-01-greetings.mp4")
    assert (media_dir / video.thumbnail).read_bytes()[:2] == b"\xff\xd8"  # a JPEG

    audio = manifest.get("unit2-word-nam")
    assert (audio.kind, audio.width, audio.audio_codec, audio.thumbnail) == (
        "audio", None, "mp3", None)
    silent = manifest.get("small-silent")
    assert silent.audio_codec is None and silent.captions == {}

    [problem] = manifest.problems
    assert problem.path == "broken.mp4" and "broken" in problem.reason
    assert str(media_dir) not in problem.reason  # relative paths only
    assert seen[-1] == (4, 4)
    assert manifest.get("nothing") is None


def test_srt_captions_are_converted_to_vtt_beside_the_media(media_dir):
    manifest = scan(media_dir)
    item = manifest.get("tfw-01-greetings")
    assert item.captions == {"en": "tfw-01-greetings.en.vtt", "th": "tfw-01-greetings.th.vtt"}
    vtt = (media_dir / "tfw-01-greetings.th.vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT") and "สวัสดีครับ" in vtt
    assert "00:00:00.600 --> 00:00:01.000" in vtt


def test_manifest_round_trips_with_relative_paths_only(media_dir, tmp_path):
    manifest = scan(media_dir)
    loaded = Manifest.load(media_dir)
    assert loaded == manifest
    text = (media_dir / "media.json").read_text(encoding="utf-8")
    assert str(media_dir) not in text
    # The folder works as is after being copied elsewhere (a USB stick, another server).
    copy = tmp_path / "usb"
    shutil.copytree(media_dir, copy)
    moved = Manifest.load(copy)
    item = moved.get("tfw-01-greetings")
    assert (copy / item.path).is_file() and (copy / item.thumbnail).is_file()
    assert (copy / item.captions["th"]).is_file()


def test_rescan_of_an_unchanged_folder_probes_nothing(media_dir, monkeypatch):
    first = scan(media_dir)
    calls = {"probe": 0, "hash": 0}
    real_probe, real_hash = tools.ffprobe, tools.sha256_file

    def counting_probe(path):
        calls["probe"] += 1
        return real_probe(path)

    def counting_hash(path):
        calls["hash"] += 1
        return real_hash(path)

    monkeypatch.setattr(tools, "ffprobe", counting_probe)
    monkeypatch.setattr(tools, "sha256_file", counting_hash)
    before = (media_dir / "media.json").stat().st_mtime_ns
    again = scan(media_dir)
    assert again.items == first.items
    assert calls["probe"] == 1 and calls["hash"] == 1  # only the broken file, tried again
    assert (media_dir / "media.json").stat().st_mtime_ns == before  # nothing to rewrite


def test_rescan_after_a_copy_rehashes_but_does_not_reprobe(media_dir, monkeypatch):
    scan(media_dir)
    os.utime(media_dir / "tfw-01-greetings.mp4", ns=(10**18, 10**18))  # a copy changed the time
    probed = []
    real_probe = tools.ffprobe
    monkeypatch.setattr(tools, "ffprobe", lambda p: probed.append(p) or real_probe(p))
    item = scan(media_dir).get("tfw-01-greetings")
    assert item.mtime_ns == 10**18
    assert [os.path.basename(p) for p in probed] == ["broken.mp4"]


def test_changed_file_is_probed_again(media_dir, fixture_media):
    scan(media_dir)
    shutil.copy(media_dir / "small-silent.mp4", media_dir / "tfw-01-greetings.mp4")
    item = scan(media_dir).get("tfw-01-greetings")
    assert (item.width, item.height, item.audio_codec) == (320, 180, None)


def test_a_phone_video_shot_upright_is_portrait(media_dir):
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(media_dir / "small-silent.mp4"),
                    "-c", "copy", "-metadata:s:v:0", "rotate=90",
                    str(media_dir / "upright.mp4")], check=True)
    item = scan(media_dir).get("upright")
    assert (item.width, item.height) == (180, 320)


def test_id_collisions_are_reported_not_overwritten(media_dir):
    (media_dir / "tfw-01").mkdir()
    shutil.copy(media_dir / "small-silent.mp4", media_dir / "tfw-01" / "greetings.mp4")
    manifest = scan(media_dir)
    assert manifest.get("tfw-01-greetings").path == "tfw-01-greetings.mp4"
    assert any(p.path == "tfw-01/greetings.mp4" and "already used" in p.reason
               for p in manifest.problems)


def test_unsupported_unreadable_and_empty_files_are_problems(media_dir):
    shutil.copy(media_dir / "small-silent.mp4", media_dir / "old.avi")
    (media_dir / "empty.mp3").write_bytes(b"")
    unreadable = media_dir / "locked.mp4"
    shutil.copy(media_dir / "small-silent.mp4", unreadable)
    unreadable.chmod(0)
    manifest = scan(media_dir)
    reasons = {p.path: p.reason for p in manifest.problems}
    assert "unsupported format .avi" in reasons["old.avi"]
    assert "empty.mp3" in reasons
    if os.geteuid() != 0:  # root reads anything
        assert "unreadable" in reasons["locked.mp4"]
    assert "notes.txt" not in reasons


def test_a_corrupt_manifest_is_rebuilt(media_dir):
    (media_dir / "media.json").write_text("{not json", encoding="utf-8")
    manifest = scan(media_dir)
    assert manifest.get("tfw-01-greetings") is not None
    assert any(p.path == "media.json" for p in manifest.problems)
    assert json.loads((media_dir / "media.json").read_text())["format"] == "rianthai-media/1"


def test_missing_folder_is_an_error_naming_it(tmp_path):
    with pytest.raises(NotADirectoryError, match="nowhere"):
        media_index.scan(tmp_path / "nowhere")


def test_pictures_are_indexed_with_their_size_and_never_transcoded(tmp_path):
    import subprocess

    from media_index import scan

    (tmp_path / "sign.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 120"><rect width="9"/></svg>'
    )
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "color=c=red:s=64x48:d=1",
            "-frames:v",
            "1",
            str(tmp_path / "photo.png"),
        ],
        check=True,
    )
    (tmp_path / "fake.svg").write_text("not a picture")
    manifest = scan(tmp_path)
    sign, photo = manifest.get("sign"), manifest.get("photo")
    assert (sign.kind, sign.width, sign.height) == ("image", 240, 120)
    assert (photo.kind, photo.width, photo.height) == ("image", 64, 48)
    assert not sign.renditions and not sign.captions and sign.thumbnail is None
    assert manifest.get("fake") is None
    assert any(problem.path == "fake.svg" for problem in manifest.problems)
