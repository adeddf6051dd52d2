"""Captions: SRT to WebVTT keeps text and timing; cues read back; broken files are named."""

from __future__ import annotations

import pytest

from media_index import scan
from media_index.captions import (
    CaptionError,
    Cue,
    format_timestamp,
    parse_timestamp,
    read_cues,
    srt_to_vtt,
    validate,
    vtt_from_cues,
)

SRT = ("1\n00:00:01,000 --> 00:00:02,500\nสวัสดีครับ\nsà-wàt-dii khráp\n\n"
       "2\n00:00:02,500 --> 00:01:03,250\nน้ำ ที่ ไม่\n\n"
       "3\n01:00:00,000 --> 01:00:01,001\nមិនមែនទេ ບໍ່ແມ່ນ မဟုတ်ဘူး\n")


@pytest.mark.parametrize(("raw", "prefix"), [
    (SRT, b""),
    (SRT.replace("\n", "\r\n"), b""),  # made on Windows
    (SRT, b"\xef\xbb\xbf"),  # with a byte-order mark
])
def test_srt_to_vtt_keeps_text_and_timing(tmp_path, raw, prefix):
    srt = tmp_path / "v.th.srt"
    srt.write_bytes(prefix + raw.encode("utf-8"))
    vtt = srt_to_vtt(srt)
    assert vtt == tmp_path / "v.th.vtt"
    assert vtt.read_text(encoding="utf-8").startswith("WEBVTT")
    assert read_cues(vtt) == (
        Cue(1.0, 2.5, "สวัสดีครับ\nsà-wàt-dii khráp"),
        Cue(2.5, 63.25, "น้ำ ที่ ไม่"),
        Cue(3600.0, 3601.001, "មិនមែនទេ ບໍ່ແມ່ນ မဟုတ်ဘူး"),
    )
    assert read_cues(srt) == read_cues(vtt)
    assert validate(vtt, "th") == []


def test_conversion_normalises_to_nfc(tmp_path):
    srt = tmp_path / "v.th.srt"
    # sara u (ccc 103) must come before mai ek (ccc 107) in NFC
    srt.write_text("1\n00:00:00,000 --> 00:00:01,000\nก\u0e48\u0e38 cafe\u0301\n", "utf-8")
    assert read_cues(srt_to_vtt(srt))[0].text == "ก\u0e38\u0e48 caf\u00e9"


@pytest.mark.parametrize(("stamp", "seconds"), [
    ("00:00:00.000", 0.0),
    ("00:01.500", 1.5),
    ("01:02:03,004", 3723.004),
    ("100:00:00.000", 360000.0),
])
def test_timestamps_round_trip(stamp, seconds):
    assert parse_timestamp(stamp) == pytest.approx(seconds)
    assert parse_timestamp(format_timestamp(seconds)) == pytest.approx(seconds)


@pytest.mark.parametrize("bad", ["1:2", "00:00:00", "aa:bb:cc.ddd", ""])
def test_bad_timestamps_are_refused(bad):
    with pytest.raises(ValueError, match="timestamp"):
        parse_timestamp(bad)


@pytest.mark.parametrize(("cues", "lang", "message"), [
    ([Cue(0, 1, "a"), Cue(1, 2, "b")], "en", None),
    ([Cue(2, 1, "a")], "en", "ends before it starts"),
    ([Cue(5, 6, "a"), Cue(1, 2, "b")], "en", "starts before the cue before it"),
    ([Cue(0, 1, "ေက်ာင္းသား")], "my", "Zawgyi"),
    ([Cue(0, 1, "ကျောင်းသား")], "my", None),
])
def test_validate(tmp_path, cues, lang, message):
    path = tmp_path / f"v.{lang}.vtt"
    path.write_text(vtt_from_cues(cues), encoding="utf-8")
    problems = validate(path, lang)
    if message is None:
        assert problems == []
    else:
        assert len(problems) == 1 and message in problems[0] and str(path) in problems[0]


def test_validate_reports_text_that_is_not_nfc(tmp_path):
    path = tmp_path / "v.th.vtt"
    path.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nก\u0e48\u0e38\n", encoding="utf-8")
    assert any("NFC" in p for p in validate(path, "th"))


@pytest.mark.parametrize(("content", "match"), [
    (b"\xff\xfe not utf-8 \x81", "UTF-8"),
    (b"just some words", "not a valid"),
])
def test_unreadable_captions_name_the_file(tmp_path, content, match):
    path = tmp_path / "v.km.srt"
    path.write_bytes(content)
    with pytest.raises(CaptionError, match=match) as info:
        srt_to_vtt(path)
    assert str(path) in str(info.value)
    assert validate(path) != []


def test_bad_caption_beside_media_is_a_problem_not_a_crash(media_dir):
    (media_dir / "tfw-01-greetings.km.srt").write_bytes(b"\xff\xfe\x81")
    (media_dir / "tfw-01-greetings.lo.vtt").write_text("not a caption file", encoding="utf-8")
    manifest = scan(media_dir)
    assert set(manifest.get("tfw-01-greetings").captions) == {"en", "th"}
    paths = {p.path for p in manifest.problems}
    assert {"tfw-01-greetings.km.srt", "tfw-01-greetings.lo.vtt"} <= paths
    assert not any(str(media_dir) in p.reason for p in manifest.problems)


def test_faulty_captions_are_kept_and_reported(media_dir):
    # left over from a longer sample video, and with a cue that goes back in time
    (media_dir / "tfw-01-greetings.my.vtt").write_text(
        "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nမင်္ဂလာပါ\n\n"
        "00:00:00.000 --> 00:00:01.000\nရေ\n", encoding="utf-8")
    manifest = scan(media_dir)
    assert "my" in manifest.get("tfw-01-greetings").captions
    reasons = [p.reason for p in manifest.problems if p.path == "tfw-01-greetings.my.vtt"]
    assert any("starts before the cue before it" in r for r in reasons)
    assert any("after the media ends" in r for r in reasons)
    assert not any(str(media_dir) in r for r in reasons)
