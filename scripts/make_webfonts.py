"""Make the Burmese web font: learn/static/fonts/NotoSansMyanmar-Regular.woff2.

    .venv/bin/pip install fonttools brotli      # for this script only; the app does not need them
    .venv/bin/python scripts/make_webfonts.py

Phones whose system font is Zawgyi draw Unicode Burmese wrongly, so the app serves Noto Sans
Myanmar itself, limited by `unicode-range` to the Myanmar blocks so that a browser downloads it
only on pages with Burmese. The font is cut down to those blocks (with every OpenType feature,
which Burmese shaping needs) and compressed as WOFF2. The output is committed; run this again
only when textbook/fonts/NotoSansMyanmar-Regular.ttf changes, then put the printed `?v=` into
the @font-face of learn/static/css/app.css.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "textbook" / "fonts" / "NotoSansMyanmar-Regular.ttf"
TARGET = ROOT / "learn" / "static" / "fonts" / "NotoSansMyanmar-Regular.woff2"
# The Myanmar blocks of the unicode-range, plus what Burmese text is written with: spaces,
# joiners, the dotted circle for a lone mark, and the font's own digits and punctuation.
UNICODES = [
    *range(0x1000, 0x10A0),
    *range(0xAA60, 0xAA80),
    *range(0xA9E0, 0xAA00),
    0x20, 0xA0, 0x200B, 0x200C, 0x200D, 0x25CC,
]  # fmt: skip


def main() -> None:
    font = TTFont(SOURCE, recalcTimestamp=False)  # the same bytes on every run
    options = subset.Options()
    options.layout_features = ["*"]  # kinzi, medials, stacked consonants all come from GSUB
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(TARGET), options)
    shutil.copyfile(SOURCE.parent / "OFL.txt", TARGET.parent / "OFL.txt")
    version = hashlib.sha256(TARGET.read_bytes()).hexdigest()[:12]
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size:,} bytes")
    print(f'src: url("../fonts/{TARGET.name}?v={version}") format("woff2");')


if __name__ == "__main__":
    main()
