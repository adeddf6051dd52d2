"""Data shared by the media tests: fonts, a lesson's scenes and captions, a MediaItem factory."""

from __future__ import annotations

from pathlib import Path

from media_index import MediaItem
from media_index.samples import Scene

# The fonts the app draws sample videos with (`rianthai media samples` passes
# textbook.fonts.FONT_DIR): Noto Sans for Thai, Khmer, Lao, Burmese and Latin, in the repository.
FONTS = Path(__file__).resolve().parents[2] / "textbook" / "fonts"

SCENES = [Scene("สวัสดีครับ", "sà-wàt-dii khráp", 3.0),
          Scene("ขอบคุณ", "khàawp-khun", 2.5),
          Scene("น้ำ", "náam", 2.0)]
CAPTIONS = {
    "en": ["Hello", "Thank you", "Water"],
    "km": ["សួស្តី", "អរគុណ", "ទឹក"],
    "lo": ["ສະບາຍດີ", "ຂອບໃຈ", "ນ້ຳ"],
    "my": ["မင်္ဂလာပါ", "ကျေးဇူးတင်ပါတယ်", "ရေ"],
}


def make_item(kind="video", width=1280, height=720, audio="aac", bitrate=2_000_000,
              size=10_000_000, video_codec="h264", **kw) -> MediaItem:
    """A MediaItem as a scan would record it, without any file behind it."""
    return MediaItem(id="x", path="x.mp4", kind=kind, sha256="0" * 64, size=size,
                     mtime_ns=0, duration=60.0, width=width, height=height,
                     video_codec=video_codec if kind == "video" else None, audio_codec=audio,
                     bitrate=bitrate, **kw)
