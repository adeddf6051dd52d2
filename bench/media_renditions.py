"""Measure the rendition ladder: sizes and encode times for a sample lesson video and for a
moving 720p clip standing in for a real camera recording.

    .venv/bin/python bench/media_renditions.py [--fonts /usr/share/fonts/truetype/noto]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from media_index import scan
from media_index.renditions import make_renditions
from media_index.samples import Scene, make_sample_video

LESSON_1 = [
    Scene("สวัสดีครับ", "sà-wàt-dii khráp", 3),
    Scene("สวัสดีค่ะ", "sà-wàt-dii khâ", 3),
    Scene("ขอบคุณครับ", "khàawp-khun khráp", 3),
    Scene("ไม่เป็นไร", "mâi pen rai", 3),
    Scene("ขอโทษครับ", "khǎaw-thôot khráp", 3),
    Scene("ลาก่อน", "laa-kàawn", 3),
]
CAPTIONS = {
    "en": ["Hello (man speaking)", "Hello (woman speaking)", "Thank you", "Never mind",
           "Sorry", "Goodbye"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    bundled = Path(__file__).resolve().parents[1] / "textbook" / "fonts"  # as `media samples`
    parser.add_argument("--fonts", default=str(bundled))
    parser.add_argument("--camera-seconds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        sample = make_sample_video(root, "tfw-01-greetings", LESSON_1, CAPTIONS, args.fonts)
        print(f"sample video: {sample.duration:.1f} s made in {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                        f"testsrc2=s=1280x720:d={args.camera_seconds}:r=30",
                        "-f", "lavfi", "-i", f"sine=f=300:d={args.camera_seconds}",
                        "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
                        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
                        str(root / "camera-720p.mp4")], check=True)
        print(f"camera stand-in: {args.camera_seconds} s 1280x720 made in "
              f"{time.perf_counter() - t0:.2f} s")
        manifest = scan(root)
        t0 = time.perf_counter()
        last = [t0]

        def progress(done, total, label):
            now = time.perf_counter()
            print(f"  encoded {label:28} in {now - last[0]:5.2f} s")
            last[0] = now

        manifest = make_renditions(root, manifest, progress)
        print(f"renditions made in {time.perf_counter() - t0:.1f} s")
        for item in manifest:
            print(f"\n{item.id}: {item.duration:.1f} s")
            for r in [item.original, *item.renditions.values()]:
                dims = f"{r.width}x{r.height}" if r.height else "audio"
                rate = f"{r.bitrate / 1000:6.0f}" if r.bitrate else "     ?"
                print(f"  {r.name:9} {dims:>9} {r.size / 1024:9.1f} KB {rate} kbit/s "
                      f"{r.size / item.duration * 60 / 1e6:6.2f} MB/min")


if __name__ == "__main__":
    main()
