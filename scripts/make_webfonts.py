"""Make the Burmese web fonts: learn/static/fonts/NotoSansMyanmar-{Regular,Bold}.woff2.

    .venv/bin/pip install fonttools brotli      # for this script only; the app does not need them
    .venv/bin/python scripts/make_webfonts.py

Phones whose system font is Zawgyi draw Unicode Burmese wrongly, so the app serves Noto Sans
Myanmar itself, limited by `unicode-range` to the Myanmar blocks so that a browser downloads it
only on pages with Burmese. The font is cut down to those blocks (with every OpenType feature,
which Burmese shaping needs) and compressed as WOFF2. The Bold face is its own file (headings,
buttons and <strong>: a bold the browser synthesizes from the Regular smears Burmese). The
output is committed; run this again only when textbook/fonts/NotoSansMyanmar-*.ttf change,
then put the printed `?v=` into the @font-face rules of learn/static/css/app.css.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "textbook" / "fonts"
TARGETS = ROOT / "learn" / "static" / "fonts"
FACES = {"Regular": 400, "Bold": 700}
# The Myanmar blocks of the unicode-range, plus what Burmese text is written with: spaces,
# joiners, the dotted circle for a lone mark, and the font's own digits and punctuation.
UNICODES = [
    *range(0x1000, 0x10A0),
    *range(0xAA60, 0xAA80),
    *range(0xA9E0, 0xAA00),
    0x20, 0xA0, 0x200B, 0x200C, 0x200D, 0x25CC,
]  # fmt: skip


def make(face: str) -> Path:
    """Subset and compress one face of Noto Sans Myanmar; the path of its WOFF2."""
    source = SOURCES / f"NotoSansMyanmar-{face}.ttf"
    target = TARGETS / f"NotoSansMyanmar-{face}.woff2"
    font = TTFont(source, recalcTimestamp=False)  # the same bytes on every run
    options = subset.Options()
    options.layout_features = ["*"]  # kinzi, medials, stacked consonants all come from GSUB
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)
    return target


def main() -> None:
    for face, weight in FACES.items():
        target = make(face)
        version = hashlib.sha256(target.read_bytes()).hexdigest()[:12]
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes, font-weight {weight}")
        print(f'  src: url("../fonts/{target.name}?v={version}") format("woff2");')
    shutil.copyfile(SOURCES / "OFL.txt", TARGETS / "OFL.txt")


if __name__ == "__main__":
    main()
