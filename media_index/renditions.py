"""Low-data renditions: a 240p and a 360p H.264 video and an audio-only file per item.

The ladder is made for prepaid data on cheap Android phones:

- ``240p``: H.264 Main, CRF 28 capped at 200 kbit/s (buffer 400 kbit), AAC-LC mono 32 kbit/s;
  about 230 kbit/s at most, ~1.7 MB a minute. Thai script on screen stays readable at 240 lines.
- ``360p``: H.264 Main, CRF 26 capped at 400 kbit/s (buffer 800 kbit), AAC-LC mono 48 kbit/s;
  about 450 kbit/s at most, ~3.4 MB a minute.
- ``audio``: AAC-LC mono 48 kbit/s in M4A (~0.35 MB a minute), so a learner can listen with the
  screen off. AAC rather than Opus because every phone and browser (old iOS Safari too) plays
  it in ``<audio>``; 48 kbit/s keeps Thai tones clear.

Capped CRF spends fewer bits on still slides than a fixed bitrate would. Frame rate is capped at
25, keyframes every 2 s (quick seeking), ``+faststart`` (playback starts before the file is
complete). Nothing is ever upscaled: a rung taller than the source (its short side, so phone
videos in portrait work too) is skipped.

Files are content-addressed: ``.renditions/<id>/<name>-<key>.<ext>``, where the key hashes the
source checksum and the encoding settings, so a URL can be cached for a year and a changed
source or ladder gives new files. Work already done is never redone.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from . import tools
from .model import Manifest, MediaItem, Problem, Rendition

RENDITIONS_DIR = ".renditions"
KEYFRAME_SECONDS = 2
MAX_FPS = 25
STANDARD_HEIGHT = 360  # what plays without "save data"
# Codecs every current phone browser plays in <video>; HEVC and others go through renditions.
PLAYABLE_VIDEO_CODECS = frozenset({"h264", "vp8", "vp9", "av1"})
PRESET = "medium"  # "veryfast" is 3x quicker but ~20 % bigger at the same quality


@dataclass(frozen=True, slots=True)
class Rung:
    """One rendition of the ladder."""

    name: str
    height: int | None  # the short side in pixels; None for audio only
    crf: int | None
    video_kbps: int | None  # the cap (maxrate)
    audio_kbps: int
    ext: str

    def settings(self) -> str:
        return (f"{self.name}|{self.height}|{self.crf}|{self.video_kbps}|{self.audio_kbps}|"
                f"{PRESET}|{MAX_FPS}|{KEYFRAME_SECONDS}|aac-mono|main")


LADDER: tuple[Rung, ...] = (
    Rung("240p", 240, 28, 200, 32, "mp4"),
    Rung("360p", 360, 26, 400, 48, "mp4"),
    Rung("audio", None, None, None, 48, "m4a"),
)


def rendition_path(item: MediaItem, rung: Rung) -> str:
    """Where ``rung`` of ``item`` lives, relative to the media folder."""
    key = hashlib.sha256(f"{item.sha256}|{rung.settings()}".encode()).hexdigest()[:12]
    return f"{RENDITIONS_DIR}/{item.id}/{rung.name}-{key}.{rung.ext}"


def rungs_for(item: MediaItem) -> list[Rung]:
    """The rungs that make sense for ``item``: no upscaling, no video from audio."""
    rungs = []
    short_side = min(item.width or 0, item.height or 0)
    for rung in LADDER:
        if rung.height is None:
            # Audio: for every video with sound, and for audio files heavier than the rung
            # (a WAV recording), so that a phone never downloads 1.4 Mbit/s of speech.
            heavy = (item.bitrate or 0) > 2 * rung.audio_kbps * 1000
            if item.has_audio and (item.kind == "video" or heavy):
                rungs.append(rung)
        elif item.kind == "video" and short_side >= rung.height:
            rungs.append(rung)
    return rungs


def make_renditions(folder: str | os.PathLike[str], manifest: Manifest,
                    progress: Callable[[int, int, str], None] | None = None, *,
                    save: bool = True) -> Manifest:
    """Make the missing renditions of every item; return (and save) the updated manifest.

    A failed encode is a Problem in the result; the other items still get theirs.
    """
    folder = Path(folder)
    todo = [(item, rung) for item in manifest for rung in rungs_for(item)]
    problems = list(manifest.problems)
    for done, (item, rung) in enumerate(todo, 1):
        item = manifest.get(item.id) or item
        rel = rendition_path(item, rung)
        existing = item.renditions.get(rung.name)
        if not (existing and existing.path == rel and (folder / rel).is_file()):
            try:
                rendition = _encode(folder, item, rung, rel)
            except (tools.ToolError, OSError, ValueError) as exc:
                problem = Problem(item.path, f"rendition {rung.name} not made: "
                                  f"{str(exc).replace(str(folder) + os.sep, '')}")
                if problem not in problems:
                    problems.append(problem)
            else:
                renditions = {**item.renditions, rung.name: rendition}
                manifest = manifest.with_item(replace(item, renditions=renditions))
        if progress:
            progress(done, len(todo), f"{item.id} {rung.name}")
    manifest = replace(manifest, problems=tuple(problems))
    if save:
        manifest.save()
    return manifest


def _encode(folder: Path, item: MediaItem, rung: Rung, rel: str) -> Rendition:
    dest = folder / rel
    if not dest.is_file():  # made before but not recorded (the manifest was lost): reuse it
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = tools.atomic_output(dest)
        try:
            tools.ffmpeg(["-i", str(folder / item.path), *_encode_args(item, rung), str(tmp)],
                         what=f"{item.path} ({rung.name})")
            os.replace(tmp, dest)
        finally:
            tmp.unlink(missing_ok=True)
    info = tools.ffprobe(dest)
    video = next((s for s in info.get("streams", []) if s.get("codec_type") == "video"), {})
    duration = float(info.get("format", {}).get("duration") or item.duration or 0)
    size = dest.stat().st_size
    return Rendition(rung.name, rel, size, video.get("width"), video.get("height"),
                     round(size * 8 / duration) if duration > 0 else None)


def _encode_args(item: MediaItem, rung: Rung) -> list[str]:
    audio = ["-c:a", "aac", "-ac", "1", "-b:a", f"{rung.audio_kbps}k"]
    if rung.height is None:
        return ["-map", "0:a:0", "-vn", "-sn", "-dn", *audio, "-movflags", "+faststart"]
    portrait = (item.height or 0) > (item.width or 0)
    scale = f"scale={rung.height}:-2" if portrait else f"scale=-2:{rung.height}"
    return [
        "-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn",
        "-vf", f"{scale},format=yuv420p", "-fpsmax", str(MAX_FPS),
        "-c:v", "libx264", "-preset", PRESET, "-profile:v", "main",
        "-crf", str(rung.crf), "-maxrate", f"{rung.video_kbps}k",
        "-bufsize", f"{2 * rung.video_kbps}k",
        "-force_key_frames", f"expr:gte(t,n_forced*{KEYFRAME_SECONDS})",
        *(audio if item.has_audio else ["-an"]),
        "-movflags", "+faststart",
    ]


def pick_rendition(item: MediaItem, save_data: bool) -> Rendition:
    """What to play for a learner.

    Video, ``save_data``: the smallest video rendition (240p when the source allowed one), so
    the learner gets the low-bitrate encode even where a tiny original would do; the original
    only when there is no rendition. Otherwise the tallest of those up to 360 lines (a phone screen
    shows no more; the original may be a 1080p master of 50 MB), the smaller on a tie, and
    the original when nothing is that small. Audio items: the audio rendition when save data is
    on and it is smaller, else the original.
    """
    if item.kind == "video":
        candidates = [r for r in item.renditions.values() if r.is_video]
        if save_data and candidates:
            return min(candidates, key=lambda r: (r.size, r.height or 0))
        if item.video_codec in PLAYABLE_VIDEO_CODECS:
            candidates.append(item.original)
        fitting = [r for r in candidates if min(r.width or 0, r.height or 0) <= STANDARD_HEIGHT]
        if fitting:
            return min(fitting, key=lambda r: (-min(r.width or 0, r.height or 0), r.size))
        return item.original
    audio = item.renditions.get("audio")
    return audio if save_data and audio and audio.size < item.size else item.original
