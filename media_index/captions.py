"""Captions: find them beside a media file, convert SRT to WebVTT, read and check cues.

A caption file is named after its media file and a language code:
``tfw-01-greetings.my.vtt`` beside ``tfw-01-greetings.mp4``. An ``.srt`` is converted with
webvtt-py to a ``.vtt`` beside it (browsers only play WebVTT); an existing newer ``.vtt`` wins.
"""

from __future__ import annotations

import functools
import io
import os
import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

import webvtt
from webvtt.errors import MalformedFileError

from .model import Problem

# ISO 639 code with optional subtags (th, my, zh-Hant); lowercase language as the course uses.
_LANG = r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*"
_CAPTION = re.compile(rf"(?P<stem>.+)\.(?P<lang>{_LANG})\.(?P<ext>vtt|srt)")
_TIMESTAMP = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})")
CAPTION_EXTENSIONS = (".vtt", ".srt")


class CaptionError(ValueError):
    """A caption file that cannot be read; the message names the file."""


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption: shown from ``start`` to ``end`` seconds."""

    start: float
    end: float
    text: str


def parse_timestamp(stamp: str) -> float:
    """``01:02:03.456`` or ``02:03.456`` (``,`` as in SRT too) -> seconds."""
    m = _TIMESTAMP.fullmatch(stamp.strip())
    if not m:
        raise ValueError(f"not a caption timestamp: {stamp!r}")
    hours, minutes, seconds, millis = (int(g) if g else 0 for g in m.groups())
    return hours * 3600 + minutes * 60 + seconds + millis / 1000


def format_timestamp(seconds: float) -> str:
    """Seconds -> ``HH:MM:SS.mmm`` as WebVTT writes it."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CaptionError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaptionError(f"{path}: not UTF-8 (byte {exc.start}); save it as UTF-8") from exc
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def srt_to_vtt(srt_path: str | os.PathLike[str],
               vtt_path: str | os.PathLike[str] | None = None) -> Path:
    """Convert an SRT file to WebVTT (text NFC-normalised); return the ``.vtt`` path."""
    srt_path = Path(srt_path)
    vtt_path = Path(vtt_path) if vtt_path else srt_path.with_suffix(".vtt")
    text = _read_text(srt_path)
    try:
        doc = webvtt.from_buffer(io.StringIO(text), format="srt")
    except MalformedFileError as exc:
        raise CaptionError(f"{srt_path}: not a valid SRT file ({exc})") from exc
    tmp = vtt_path.with_name(f".tmp-{os.getpid()}-{vtt_path.name}")
    tmp.write_text(doc.content, encoding="utf-8")
    os.replace(tmp, vtt_path)
    return vtt_path


def vtt_from_cues(cues: list[Cue] | tuple[Cue, ...]) -> str:
    """A WebVTT document holding ``cues``."""
    blocks = ["WEBVTT", ""]
    for cue in cues:
        text = unicodedata.normalize("NFC", cue.text).strip()
        blocks += [f"{format_timestamp(cue.start)} --> {format_timestamp(cue.end)}", text, ""]
    return "\n".join(blocks)


def read_cues(path: str | os.PathLike[str]) -> tuple[Cue, ...]:
    """The cues of a ``.vtt`` (or ``.srt``) file, in file order, text as written."""
    path = Path(path)
    text = _read_text(path)
    fmt = "srt" if path.suffix.lower() == ".srt" else "vtt"
    try:
        doc = webvtt.from_buffer(io.StringIO(text), format=fmt)
    except MalformedFileError as exc:
        raise CaptionError(f"{path}: not a valid {fmt.upper()} file ({exc})") from exc
    return tuple(Cue(parse_timestamp(c.start), parse_timestamp(c.end), c.text)
                 for c in doc.captions)


def validate(path: str | os.PathLike[str], lang: str | None = None) -> list[str]:
    """What is wrong with a caption file, as messages naming the cue; empty if nothing."""
    path = Path(path)
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{path}: cannot read as UTF-8: {exc}"]
    problems = []
    if unicodedata.normalize("NFC", raw) != raw:
        problems.append(f"{path}: text is not NFC-normalised")
    try:
        cues = read_cues(path)
    except CaptionError as exc:
        return [*problems, str(exc)]
    if not cues:
        problems.append(f"{path}: has no cues")
    previous = 0.0
    for n, cue in enumerate(cues, 1):
        where = f"{path}: cue {n} ({format_timestamp(cue.start)})"
        if cue.end <= cue.start:
            problems.append(f"{where}: ends before it starts")
        if cue.start < previous:
            problems.append(f"{where}: starts before the cue before it")
        if not cue.text.strip():
            problems.append(f"{where}: has no text")
        previous = cue.start
    if lang == "my" and cues and _looks_zawgyi(" ".join(c.text for c in cues)):
        problems.append(f"{path}: Burmese text looks like Zawgyi, not Unicode")
    return problems


def _looks_zawgyi(text: str) -> bool:
    detector = _zawgyi_detector()
    return detector is not None and detector.get_zawgyi_probability(text) > 0.95


@functools.cache
def _zawgyi_detector():
    try:
        from myanmartools import ZawgyiDetector
    except ImportError:  # optional: the check is skipped where myanmartools is absent
        return None
    # myanmartools loads its model with importlib.resources.open_binary, deprecated since 3.11.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()


def find_captions(folder: Path, media_rel: str, duration: float | None = None,
                  ) -> tuple[dict[str, str], list[Problem]]:
    """Captions beside ``media_rel``: lang -> ``.vtt`` path relative to ``folder``.

    SRT files are converted to WebVTT beside them (unless a newer ``.vtt`` is already there).
    A caption file that cannot be read is skipped and reported; one that can be read but has
    faults (see ``validate``, or cues after the end of the media: captions left over from
    another version of the video) is kept and reported.
    """
    media = folder / media_rel
    stem = media.stem
    found: dict[str, str] = {}
    problems: list[Problem] = []
    try:
        names = sorted(os.listdir(media.parent))
    except OSError as exc:
        return found, [Problem(media_rel, f"cannot list captions: {exc.strerror or exc}")]
    srts = {}
    vtts = {}
    for name in names:
        m = _CAPTION.fullmatch(name)
        if not m or m.group("stem") != stem:
            continue
        (vtts if m.group("ext") == "vtt" else srts)[m.group("lang")] = media.parent / name
    for lang, srt in srts.items():
        vtt = vtts.get(lang)
        try:
            if vtt is None or vtt.stat().st_mtime_ns < srt.stat().st_mtime_ns:
                vtts[lang] = srt_to_vtt(srt)
        except (CaptionError, OSError) as exc:
            problems.append(Problem(_rel(folder, srt),
                                    f"caption not converted: {_strip(exc, srt)}"))
    for lang, vtt in sorted(vtts.items()):
        rel = _rel(folder, vtt)
        try:
            cues = read_cues(vtt)
        except CaptionError as exc:
            problems.append(Problem(rel, f"caption skipped: {_strip(exc, vtt)}"))
            continue
        found[lang] = rel
        problems += [Problem(rel, _strip(message, vtt)) for message in validate(vtt, lang)]
        last = max((cue.end for cue in cues), default=0.0)
        if duration and last > duration + 0.5:
            problems.append(Problem(rel, f"last cue ends at {format_timestamp(last)}, after "
                                         f"the media ends ({format_timestamp(duration)}): "
                                         "captions of another version?"))
    return found, problems


def _strip(message: object, path: Path) -> str:
    # Messages name the absolute path; a Problem already names the file, relatively.
    return str(message).replace(f"{path}: ", "").replace(str(path), path.name)


def _rel(folder: Path, path: Path) -> str:
    return path.relative_to(folder).as_posix()
