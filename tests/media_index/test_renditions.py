"""Low-data renditions: made once, never upscaled, recorded, picked for save data."""

from __future__ import annotations

import pytest

from media_index import Rendition, scan, tools
from media_index.renditions import make_renditions, pick_rendition, rungs_for

from .helpers import make_item


@pytest.mark.parametrize(("item", "names"), [
    (make_item(), ["240p", "360p", "audio"]),
    (make_item(width=640, height=360), ["240p", "360p", "audio"]),
    (make_item(width=426, height=240, audio=None), ["240p"]),
    (make_item(width=320, height=180), ["audio"]),  # never upscaled
    (make_item(width=720, height=1280), ["240p", "360p", "audio"]),  # portrait: the short side
    (make_item(width=300, height=500), ["240p", "audio"]),
    (make_item(kind="audio", width=None, height=None, bitrate=1_411_200), ["audio"]),  # a WAV
    (make_item(kind="audio", width=None, height=None, bitrate=64_000), []),  # already light
])
def test_ladder_rungs_fit_the_source(item, names):
    assert [rung.name for rung in rungs_for(item)] == names


@pytest.mark.slow
def test_renditions_are_made_recorded_and_not_redone(media_dir, monkeypatch):
    manifest = make_renditions(media_dir, scan(media_dir))
    item = manifest.get("tfw-01-greetings")  # 480x360 with sound
    assert set(item.renditions) == {"240p", "360p", "audio"}
    r240, r360, audio = (item.renditions[n] for n in ("240p", "360p", "audio"))
    assert (r240.width, r240.height) == (320, 240)
    assert (r360.width, r360.height) == (480, 360)
    assert audio.height is None
    for r in (r240, r360, audio):
        assert (media_dir / r.path).stat().st_size == r.size
        assert r.path.startswith(".renditions/tfw-01-greetings/")
    info = tools.ffprobe(media_dir / r240.path)
    codecs = sorted(s["codec_name"] for s in info["streams"])
    assert codecs == ["aac", "h264"]
    assert [s["channels"] for s in info["streams"] if s["codec_type"] == "audio"] == [1]
    # 320x180 source: nothing above it is made
    assert manifest.get("small-silent").renditions == {}
    # saved in the manifest, and a re-scan keeps them without indexing them as media
    rescanned = scan(media_dir)
    assert rescanned.get("tfw-01-greetings").renditions == item.renditions
    assert len(rescanned) == 3

    def no_ffmpeg(*args, **kwargs):
        raise AssertionError("ffmpeg ran again")

    monkeypatch.setattr(tools, "ffmpeg", no_ffmpeg)
    again = make_renditions(media_dir, scan(media_dir))
    assert again.get("tfw-01-greetings").renditions == item.renditions


def test_a_failed_encode_is_a_problem_not_a_crash(media_dir, monkeypatch):
    def failing(args, *, what, timeout=0):
        raise tools.ToolError(f"{what}: ffmpeg failed (1): disk full")

    scanned = scan(media_dir)
    monkeypatch.setattr(tools, "ffmpeg", failing)
    manifest = make_renditions(media_dir, scanned)
    assert manifest.get("tfw-01-greetings").renditions == {}
    reasons = [p.reason for p in manifest.problems if p.path == "tfw-01-greetings.mp4"]
    assert len(reasons) == 3 and all("disk full" in r for r in reasons)
    assert len(make_renditions(media_dir, manifest).problems) == len(manifest.problems)


def _with_renditions(**kw):
    return make_item(renditions={
        "240p": Rendition("240p", "a.mp4", 1_500_000, 426, 240, 200_000),
        "360p": Rendition("360p", "b.mp4", 3_000_000, 640, 360, 400_000),
        "audio": Rendition("audio", "c.m4a", 400_000, None, None, 48_000),
    }, **kw)


AUDIO_ONLY = {"audio": Rendition("audio", "c.m4a", 400_000)}


@pytest.mark.parametrize(("item", "save_data", "expected"), [
    (_with_renditions(), True, "240p"),
    (_with_renditions(), False, "360p"),  # not the 10 MB 720p original
    (make_item(), True, "original"),
    (make_item(), False, "original"),
    # a light 360p original (a sample slide video) beats a heavier re-encode
    (_with_renditions(width=640, height=360, size=900_000), False, "original"),
    (_with_renditions(width=640, height=360), False, "360p"),
    (_with_renditions(width=640, height=360), True, "240p"),
    (make_item(width=640, height=360, size=1_000_000, renditions={
        "240p": Rendition("240p", "a.mp4", 1_200_000, 426, 240)}), True, "240p"),
    # an HEVC original is only played when there is nothing else
    (_with_renditions(width=640, height=360, video_codec="hevc"), False, "360p"),
    (make_item(kind="audio", width=None, height=None, renditions=AUDIO_ONLY), True, "audio"),
    (make_item(kind="audio", width=None, height=None, renditions=AUDIO_ONLY), False, "original"),
])
def test_pick_rendition(item, save_data, expected):
    assert pick_rendition(item, save_data).name == expected
