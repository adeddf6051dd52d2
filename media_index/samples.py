"""Sample training videos for the bundled course, made from its phrases on this machine.

Each scene shows a Thai phrase big on screen with its pronunciation guide underneath while
espeak-ng says it; captions in every language follow the scenes. Text is drawn with ffmpeg's
``ass`` filter (libass shapes with HarfBuzz when ``shaping=complex``): Debian's ffmpeg has no
HarfBuzz in ``drawtext``/``subtitles``, which put Thai tone marks in the wrong place.

The result is small (640x360, 10 frames a second of still slides, CRF 30, AAC mono 48 kbit/s:
tens of KB per scene) and quick to make (well under a second for a few scenes).
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
import wave
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import tools
from .captions import Cue, vtt_from_cues

FPS = 10
LEAD_IN = 0.3  # silence before each phrase, seconds
TAIL = 0.6  # at least this much silence after it, so the learner can repeat
BACKGROUND = "0x1d3557"
THAI_FONT = "Noto Sans Thai"
LATIN_FONT = "Noto Sans"


@dataclass(frozen=True, slots=True)
class Scene:
    """One phrase on screen: Thai, its pronunciation guide, and how long (at least) to show it."""

    thai: str
    pron: str = ""
    seconds: float = 3.0


@dataclass(frozen=True, slots=True)
class SampleVideo:
    """What make_sample_video made: the video, one caption file per language, scene times."""

    path: Path
    captions: Mapping[str, Path]
    scenes: tuple[tuple[float, float], ...]  # (start, end) seconds of each scene

    @property
    def duration(self) -> float:
        return self.scenes[-1][1] if self.scenes else 0.0


def make_sample_video(out_dir: str | os.PathLike[str], media_id: str,
                      scenes: Sequence[Scene | tuple[str, str, float]],
                      captions_by_lang: Mapping[str, Sequence[str]],
                      fonts_dir: str | os.PathLike[str], *,
                      size: tuple[int, int] = (640, 360), voice: str = "th",
                      speed: int = 130) -> SampleVideo:
    """Make ``<media_id>.mp4`` and ``<media_id>.<lang>.vtt`` in ``out_dir``.

    ``captions_by_lang`` maps a language to one caption text per scene; Thai (``th``) defaults
    to the scenes' Thai text. A scene lasts its ``seconds``, or longer if the speech needs it.
    """
    scenes = [s if isinstance(s, Scene) else Scene(*s) for s in scenes]
    if not scenes:
        raise ValueError(f"sample video {media_id!r}: no scenes")
    captions = {"th": [s.thai for s in scenes], **captions_by_lang}
    for lang, texts in captions.items():
        if len(texts) != len(scenes):
            raise ValueError(f"sample video {media_id!r}: {len(texts)} {lang!r} captions "
                             f"for {len(scenes)} scenes")
    fonts_dir = Path(fonts_dir)
    if not fonts_dir.is_dir():
        raise FileNotFoundError(f"sample video {media_id!r}: fonts folder {fonts_dir} is missing")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    dest = out_dir / f"{media_id}.mp4"

    with tempfile.TemporaryDirectory(prefix="rianthai-sample-") as tmp_name:
        tmp = Path(tmp_name)
        speech = [_speak(tmp / f"scene{n}.wav", s.thai, voice, speed)
                  for n, s in enumerate(scenes)]
        times = _scene_times(scenes, speech)
        _mix(tmp / "speech.wav", speech, times)
        (tmp / "slides.ass").write_text(_ass(scenes, times, size), encoding="utf-8")
        total = times[-1][1]
        out = tools.atomic_output(dest)
        try:
            tools.ffmpeg([
                "-f", "lavfi", "-i", f"color=c={BACKGROUND}:s={size[0]}x{size[1]}:r={FPS}"
                                     f":d={total:.3f}",
                "-i", str(tmp / "speech.wav"),
                "-vf", f"ass=filename={_escape(tmp / 'slides.ass')}"
                       f":fontsdir={_escape(fonts_dir)}:shaping=complex",
                "-map", "0:v", "-map", "1:a",
                "-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "30",
                "-pix_fmt", "yuv420p", "-g", str(FPS * 4),
                "-c:a", "aac", "-ac", "1", "-b:a", "48k",
                "-t", f"{total:.3f}", "-movflags", "+faststart", str(out),
            ], what=f"sample video {media_id}", timeout=300)
            os.replace(out, dest)
        finally:
            out.unlink(missing_ok=True)

    written = {}
    for lang, texts in captions.items():
        # A scene not translated yet (empty text) has no cue rather than an empty one.
        cues = [Cue(start, end, unicodedata.normalize("NFC", text))
                for (start, end), text in zip(times, texts, strict=True) if text and text.strip()]
        path = out_dir / f"{media_id}.{lang}.vtt"
        path.write_text(vtt_from_cues(cues), encoding="utf-8")
        written[lang] = path
    return SampleVideo(dest, written, tuple(times))


def make_sample_audio(out_dir: str | os.PathLike[str], media_id: str, thai: str, *,
                      voice: str = "th", speed: int = 130) -> Path:
    """Make ``<media_id>.m4a``: ``thai`` spoken by espeak-ng (a vocabulary clip), AAC mono."""
    if not thai.strip():
        raise ValueError(f"sample audio {media_id!r}: no text to speak")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    dest = out_dir / f"{media_id}.m4a"
    with tempfile.TemporaryDirectory(prefix="rianthai-sample-") as tmp_name:
        wav = _speak(Path(tmp_name) / "speech.wav", unicodedata.normalize("NFC", thai), voice,
                     speed)
        out = tools.atomic_output(dest)
        try:
            tools.ffmpeg(["-i", str(wav), "-c:a", "aac", "-ac", "1", "-b:a", "48k",
                          "-movflags", "+faststart", str(out)],
                         what=f"sample audio {media_id}", timeout=120)
            os.replace(out, dest)
        finally:
            out.unlink(missing_ok=True)
    return dest


def _speak(path: Path, text: str, voice: str, speed: int) -> Path:
    tools.run([tools.ESPEAK, "-v", voice, "-s", str(speed), "-w", str(path), text],
              what=f"speech for {text!r}", timeout=60)
    return path


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


def _scene_times(scenes: list[Scene], speech: list[Path]) -> list[tuple[float, float]]:
    times, start = [], 0.0
    for scene, wav in zip(scenes, speech, strict=True):
        needed = LEAD_IN + _wav_seconds(wav) + TAIL
        # Whole frames, so captions and slides change on the same frame.
        length = -(-max(scene.seconds, needed) * FPS // 1) / FPS
        times.append((round(start, 3), round(start + length, 3)))
        start += length
    return times


def _mix(dest: Path, speech: list[Path], times: list[tuple[float, float]]) -> None:
    """One WAV: each phrase at its scene's start plus the lead-in, silence elsewhere."""
    with wave.open(str(speech[0]), "rb") as w:
        params = w.getparams()
    rate, width, channels = params.framerate, params.sampwidth, params.nchannels
    frame = width * channels
    out = bytearray(round(times[-1][1] * rate) * frame)
    for wav, (start, end) in zip(speech, times, strict=True):
        with wave.open(str(wav), "rb") as w:
            if (w.getframerate(), w.getsampwidth(), w.getnchannels()) != (rate, width, channels):
                raise tools.ToolError(f"{wav}: espeak-ng changed its output format mid-video")
            data = w.readframes(w.getnframes())
        at = round((start + LEAD_IN) * rate) * frame
        data = data[: max(0, round(end * rate) * frame - at)]
        out[at:at + len(data)] = data
    with wave.open(str(dest), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(bytes(out))


def _ass_time(seconds: float) -> str:
    cs = round(seconds * 100)
    return f"{cs // 360000}:{cs // 6000 % 60:02d}:{cs // 100 % 60:02d}.{cs % 100:02d}"


def _ass_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\\", "\\\\")
    return text.replace("{", "\\{").replace("}", "\\}").replace("\n", "\\N")


def _thai_size(text: str, width: int, height: int) -> int:
    # libass does not wrap Thai (no spaces): shrink a long phrase to fit the width instead.
    # Thai letters of Noto Sans Thai Bold average under 0.45 em (measured 0.39); marks above
    # and below take no width.
    letters = sum(1 for ch in text if not unicodedata.combining(ch)
                  and unicodedata.category(ch) != "Mn")
    return int(min(height * 0.17, width * 0.9 / max(letters * 0.45, 1)))


def _ass(scenes: list[Scene], times: list[tuple[float, float]], size: tuple[int, int]) -> str:
    w, h = size
    lines = [
        "[Script Info]", "ScriptType: v4.00+", f"PlayResX: {w}", f"PlayResY: {h}",
        "WrapStyle: 0", "ScaledBorderAndShadow: yes", "",
        "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
        "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
        "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
        # Colours are &HAABBGGRR. Alignment 5 = centre, 8 = top centre, 7 = top left.
        f"Style: Thai,{THAI_FONT},{int(h * 0.17)},&H00FFFFFF,&H00FFFFFF,&H00000000,&H00000000,"
        f"1,0,0,0,100,100,0,0,1,2,0,5,20,20,0,1",
        f"Style: Pron,{LATIN_FONT},{int(h * 0.075)},&H0070D7FF,&H0070D7FF,&H00000000,&H00000000,"
        f"0,0,0,0,100,100,0,0,1,1,0,8,20,20,{int(h * 0.66)},1",
        f"Style: Brand,{THAI_FONT},{int(h * 0.05)},&H00C0C0C0,&H00C0C0C0,&H00000000,&H00000000,"
        f"0,0,0,0,100,100,0,0,1,0,0,7,16,16,12,1",
        "",
        "[Events]",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ]
    total = len(scenes)
    for n, (scene, (start, end)) in enumerate(zip(scenes, times, strict=True), 1):
        t0, t1 = _ass_time(start), _ass_time(end)
        fs = _thai_size(scene.thai, w, h)
        lines.append(f"Dialogue: 0,{t0},{t1},Brand,,0,0,0,,เรียนไทย  {n}/{total}")
        lines.append(f"Dialogue: 0,{t0},{t1},Thai,,0,0,0,,{{\\fs{fs}}}{_ass_text(scene.thai)}")
        if scene.pron:
            lines.append(f"Dialogue: 0,{t0},{t1},Pron,,0,0,0,,{_ass_text(scene.pron)}")
    return "\n".join(lines) + "\n"


def _escape(path: Path) -> str:
    # A filter argument: backslash-escape the characters the filtergraph parser treats
    # specially (two levels: the option value, then the filter list).
    text = str(path)
    for ch in "\\:'":
        text = text.replace(ch, "\\" + ch)
    for ch in "\\'[],;":
        text = text.replace(ch, "\\" + ch)
    return text
