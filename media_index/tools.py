"""Calling ffprobe, ffmpeg and espeak-ng, with errors that say which file and why."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

FFMPEG = os.environ.get("RIANTHAI_FFMPEG", "ffmpeg")
FFPROBE = os.environ.get("RIANTHAI_FFPROBE", "ffprobe")
ESPEAK = os.environ.get("RIANTHAI_ESPEAK", "espeak-ng")

PROBE_TIMEOUT = 60
ENCODE_TIMEOUT = 3600
_CONTEXT = re.compile(r"\[[^\]]* @ 0x[0-9a-f]+\] ")


class ToolError(RuntimeError):
    """An external tool failed or is missing; the message names the file and the reason."""


def run(cmd: list[str], *, what: str, timeout: float = ENCODE_TIMEOUT) -> str:
    """Run ``cmd``; return its stdout; ToolError with the last lines of stderr on failure."""
    if shutil.which(cmd[0]) is None:
        raise ToolError(f"{what}: {cmd[0]} is not installed")
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              errors="replace", check=False)
    except subprocess.TimeoutExpired as exc:
        raise ToolError(f"{what}: {cmd[0]} took more than {timeout:.0f} s") from exc
    if proc.returncode != 0:
        # Drop ffmpeg's "[mov,mp4 @ 0x55d1...]" prefixes: addresses change on every run, and the
        # message goes into the manifest, which must not change when nothing else did.
        lines = [_CONTEXT.sub("", line) for line in proc.stderr.strip().splitlines()[-3:]]
        tail = " | ".join(lines)
        raise ToolError(f"{what}: {cmd[0]} failed ({proc.returncode}): {tail or 'no message'}")
    return proc.stdout


def ffprobe(path: str | os.PathLike[str]) -> dict[str, Any]:
    """ffprobe's JSON (format and streams) for ``path``."""
    out = run([FFPROBE, "-v", "error", "-of", "json", "-show_format", "-show_streams",
               str(path)], what=str(path), timeout=PROBE_TIMEOUT)
    try:
        return json.loads(out)
    except json.JSONDecodeError as exc:
        raise ToolError(f"{path}: ffprobe gave unreadable output") from exc


def sha256_file(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def ffmpeg(args: list[str], *, what: str, timeout: float = ENCODE_TIMEOUT) -> None:
    run([FFMPEG, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *args], what=what,
        timeout=timeout)


def atomic_output(dest: Path) -> Path:
    """A temporary name beside ``dest`` (same suffix, so ffmpeg picks the right muxer)."""
    return dest.with_name(f".tmp-{os.getpid()}-{dest.name}")
