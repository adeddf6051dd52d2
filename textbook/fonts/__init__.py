"""The bundled OFL Noto fonts: their files, the @font-face CSS and the font stack per language.

The fonts live beside this module so that a machine with no Noto installed (a fresh server, a CI
runner) still renders every script with real glyphs. The CSS family names carry a "Rian Thai"
prefix on purpose: they can only ever resolve to these files, never to whatever happens to be
installed system-wide under the same name.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent
LICENCE = FONT_DIR / "OFL.txt"

# Script key -> (CSS family, file stem). "latin" is Noto Sans (a subset: Latin, IPA, marks).
_FAMILIES: dict[str, tuple[str, str]] = {
    "latin": ("Rian Thai Noto Sans", "NotoSans"),
    "th": ("Rian Thai Noto Sans Thai", "NotoSansThai"),
    "km": ("Rian Thai Noto Sans Khmer", "NotoSansKhmer"),
    "lo": ("Rian Thai Noto Sans Lao", "NotoSansLao"),
    "my": ("Rian Thai Noto Sans Myanmar", "NotoSansMyanmar"),
    # The tone arrows (↓ ↘ ↑ ↗) of the Khmer and Burmese transcriptions (lessons.transcribe):
    # no script font has them. A subset of Noto Sans Math (U+2190-2199), one weight.
    "arrows": ("Rian Thai Noto Sans Math Arrows", "NotoSansMathArrows"),
}
# Families shipped in one weight only: their Regular file serves bold text too.
_ONE_WEIGHT = {"arrows"}

# The PostScript family each file embeds into a PDF (what pypdf or pdffonts report).
# WeasyPrint names an embedded font after its CSS family ("ABCDEF+Rian-Thai-Noto-Sans-Thai",
# "...-Bold"): a PDF font of this name can only have come from the bundled files.
PDF_FONT_NAMES: dict[str, str] = {
    key: family.replace(" ", "-") for key, (family, _stem) in _FAMILIES.items()
}

LANGUAGES = ("km", "lo", "my", "en", "th")

# Generic fallback comes last and is never reached for the scripts we bundle: DejaVu covers the
# Lao block but mis-shapes it, so no bundled script may fall through to it.
_GENERIC = "sans-serif"


@dataclass(frozen=True, slots=True)
class FontFace:
    """One bundled font file and the @font-face descriptors that select it."""

    family: str
    path: Path
    weight: int
    style: str = "normal"

    def css(self, base_url: str) -> str:
        url = base_url.rstrip("/") + "/" + self.path.name
        return (
            "@font-face {\n"
            f'  font-family: "{self.family}";\n'
            f'  src: url("{url}") format("truetype");\n'
            f"  font-weight: {self.weight};\n"
            f"  font-style: {self.style};\n"
            "}\n"
        )


def font_faces() -> tuple[FontFace, ...]:
    """Every bundled face, Regular (400) and Bold (700) for each script.

    No italic files are bundled (most of these scripts have no italic): italic text is mapped
    to the upright files, so an <em> in content never reaches for a system font.
    """
    faces = []
    for key, (family, stem) in _FAMILIES.items():
        for weight, name in ((400, "Regular"), (700, "Bold")):
            name = "Regular" if key in _ONE_WEIGHT else name
            for style in ("normal", "italic"):
                faces.append(FontFace(family, FONT_DIR / f"{stem}-{name}.ttf", weight, style))
    return tuple(faces)


def font_files() -> tuple[Path, ...]:
    """The font files plus their licence: everything that must ship with the package."""
    return tuple(dict.fromkeys(face.path for face in font_faces())) + (LICENCE,)


def default_base_url() -> str:
    """A file:// URL of the font folder, usable as WeasyPrint's base_url."""
    return FONT_DIR.as_uri() + "/"


def font_face_css(base_url: str | None = None) -> str:
    """@font-face rules for every bundled face, with URLs under base_url.

    base_url defaults to the font folder on disk (file://); a web page may pass the URL its
    static route serves the same files under.
    """
    base = base_url if base_url is not None else default_base_url()
    return "".join(face.css(base) for face in font_faces())


def script_of(lang: str) -> str:
    """The font script key for a language code: th, km, lo, my, or latin for anything else."""
    primary = lang.split("-", 1)[0].lower()
    return primary if primary in _FAMILIES and primary not in ("latin", "arrows") else "latin"


def font_stack(lang: str) -> str:
    """The CSS font-family value for text in lang.

    The language's own script font comes first, then Latin (for digits and loanwords), then the
    other bundled scripts (a Khmer page quoting Thai still finds Noto before any system font),
    and only then the generic family.
    """
    first = script_of(lang)
    order = [first] + [key for key in ("latin", "th", "km", "lo", "my", "arrows") if key != first]
    families = [f'"{_FAMILIES[key][0]}"' for key in order]
    return ", ".join(families + [_GENERIC])


def lang_css() -> str:
    """:lang() rules giving every supported language its stack, for mixed-language documents."""
    rules = [f":root {{ font-family: {font_stack('en')}; }}\n"]
    for lang in LANGUAGES:
        rules.append(f":lang({lang}) {{ font-family: {font_stack(lang)}; }}\n")
    return "".join(rules)


def fonts_version() -> str:
    """A short hash of the bundled font files, part of the textbook cache's template version."""
    digest = hashlib.sha256()
    for path in font_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
