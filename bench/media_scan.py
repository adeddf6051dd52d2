"""Measure a media folder scan, then a re-scan of the unchanged folder (nothing re-probed).

    .venv/bin/python bench/media_scan.py [--files 40] [--seconds 2]

Makes the files with ffmpeg in a temporary folder, so the run is reproducible anywhere.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from media_index import scan, tools


def make_folder(root: Path, files: int, seconds: int) -> None:
    for n in range(files):
        sub = root / f"unit{n // 10 + 1:02d}"
        sub.mkdir(exist_ok=True)
        subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y",
                        "-f", "lavfi", "-i", f"testsrc=s=640x360:d={seconds}:r=25",
                        "-f", "lavfi", "-i", f"sine=f={220 + n}:d={seconds}",
                        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                        "-c:a", "aac", "-shortest", str(sub / f"lesson-{n:03d}.mp4")], check=True)
        (sub / f"lesson-{n:03d}.th.srt").write_text(
            f"1\n00:00:00,000 --> 00:00:01,000\nบทที่ {n}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--seconds", type=int, default=2)
    args = parser.parse_args()

    calls = {"probe": 0, "hash": 0, "ffmpeg": 0}
    real = {"probe": tools.ffprobe, "hash": tools.sha256_file, "ffmpeg": tools.ffmpeg}

    def counted(name):
        def wrapper(*a, **kw):
            calls[name] += 1
            return real[name](*a, **kw)
        return wrapper

    tools.ffprobe, tools.sha256_file, tools.ffmpeg = (counted("probe"), counted("hash"),
                                                      counted("ffmpeg"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        make_folder(root, args.files, args.seconds)
        total = sum(p.stat().st_size for p in root.rglob("*.mp4"))
        print(f"made {args.files} videos of {args.seconds} s, {total / 1e6:.1f} MB, "
              f"in {time.perf_counter() - t0:.1f} s")
        for label in ("first scan", "re-scan (unchanged)"):
            calls.update(probe=0, hash=0, ffmpeg=0)
            t0 = time.perf_counter()
            manifest = scan(root)
            took = time.perf_counter() - t0
            print(f"{label:22} {took * 1000:8.1f} ms  {len(manifest)} items, "
                  f"{len(manifest.problems)} problems, {calls['probe']} probes, "
                  f"{calls['hash']} checksums, {calls['ffmpeg']} thumbnails")


if __name__ == "__main__":
    main()
