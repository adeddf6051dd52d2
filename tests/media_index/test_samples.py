"""Sample videos: Thai on screen, Thai speech, captions in five languages on the scene times."""

from __future__ import annotations

import subprocess

import pytest

from media_index import scan, tools
from media_index.captions import read_cues, validate
from media_index.samples import Scene, _ass, make_sample_audio, make_sample_video

from .helpers import CAPTIONS, FONTS, SCENES


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("samples")
    return make_sample_video(out, "tfw-01-greetings", SCENES, CAPTIONS, FONTS)


@pytest.mark.slow
def test_sample_video_has_speech_and_the_scenes_duration(sample):
    info = tools.ffprobe(sample.path)
    streams = {s["codec_type"]: s for s in info["streams"]}
    assert streams["video"]["codec_name"] == "h264"
    assert (streams["video"]["width"], streams["video"]["height"]) == (640, 360)
    assert streams["audio"]["codec_name"] == "aac"
    assert sample.path.stat().st_size < 400_000
    # Scenes last at least what was asked, back to back, and the file lasts as long as they do.
    assert sample.scenes[0][0] == 0
    for (start, end), (next_start, _), scene in zip(sample.scenes, sample.scenes[1:] + (
            (sample.duration, 0),), SCENES, strict=True):
        assert end - start >= scene.seconds - 1e-6
        assert next_start == end
    assert float(info["format"]["duration"]) == pytest.approx(sample.duration, abs=0.1)
    assert sample.duration <= sum(s.seconds for s in SCENES) + 2


@pytest.mark.slow
def test_sample_captions_in_five_languages_follow_the_scenes(sample):
    assert set(sample.captions) == {"th", "en", "km", "lo", "my"}
    for lang, path in sample.captions.items():
        assert path.name == f"tfw-01-greetings.{lang}.vtt"
        assert validate(path, lang) == []
        cues = read_cues(path)
        times = [t for c in cues for t in (c.start, c.end)]
        assert times == pytest.approx([t for scene in sample.scenes for t in scene], abs=1e-3)
    assert [c.text for c in read_cues(sample.captions["th"])] == [s.thai for s in SCENES]
    assert [c.text for c in read_cues(sample.captions["my"])] == CAPTIONS["my"]


@pytest.mark.slow
def test_sample_draws_text_and_is_found_by_a_scan(sample):
    mid = sum(sample.scenes[0]) / 2
    raw = subprocess.run(["ffmpeg", "-v", "error", "-ss", f"{mid}", "-i", str(sample.path),
                          "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"],
                         capture_output=True, check=True).stdout
    assert sum(1 for b in raw if b > 200) > 1000  # white Thai letters on the dark slide
    item = scan(sample.path.parent).get("tfw-01-greetings")
    assert set(item.captions) == {"th", "en", "km", "lo", "my"}


@pytest.mark.slow
def test_untranslated_scenes_have_no_cue(tmp_path):
    made = make_sample_video(tmp_path, "x", SCENES[:2], {"km": ["សួស្តី", ""]}, FONTS)
    assert [c.text for c in read_cues(made.captions["km"])] == ["សួស្តី"]


def test_sample_audio_is_a_short_spoken_clip(tmp_path):
    path = make_sample_audio(tmp_path, "vocab-nam", "น้ำ")
    info = tools.ffprobe(path)
    [stream] = info["streams"]
    assert (path.name, stream["codec_name"], stream["channels"]) == ("vocab-nam.m4a", "aac", 1)
    assert 0.2 < float(info["format"]["duration"]) < 3
    assert path.stat().st_size < 30_000
    with pytest.raises(ValueError, match="no text"):
        make_sample_audio(tmp_path, "empty", " ")


def test_slides_are_drawn_with_thai_fonts_and_escaped_text():
    ass = _ass([Scene("ที่ {นี่}", "thîi\\nîi", 2)], [(0.0, 2.0)], (640, 360))
    assert "Style: Thai,Noto Sans Thai," in ass
    assert "ที่ \\{นี่\\}" in ass and "thîi\\\\nîi" in ass
    assert "Dialogue: 0,0:00:00.00,0:00:02.00,Thai" in ass


@pytest.mark.parametrize(("captions", "match"), [
    ({"en": ["one"]}, "1 'en' captions for 3 scenes"),
])
def test_caption_count_must_match_scenes(tmp_path, captions, match):
    with pytest.raises(ValueError, match=match):
        make_sample_video(tmp_path, "x", SCENES, captions, FONTS)


def test_missing_fonts_folder_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-fonts"):
        make_sample_video(tmp_path, "x", SCENES, {}, tmp_path / "no-fonts")
