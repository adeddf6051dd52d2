"""PDFs for organisations: login cards (and the HTML-to-PDF step they share).

WeasyPrint is imported on first use only (about 0.5 s and much memory): the web process
imports this module with the views without paying for it until a PDF is asked for.
The bundled Noto fonts come in through `textbook.fonts`, so every script has real glyphs on
a server with no fonts installed.
"""

from __future__ import annotations

import segno

from textbook.fonts import default_base_url, font_face_css, lang_css
from textbook.linebreak import insert_breaks


def qr_data_uri(url: str) -> str:
    """A QR code of the URL as a PNG data URI, for an <img> in the PDF.

    PNG, not SVG: WeasyPrint draws an SVG QR code path by path on every card, which made
    300 cards take minutes.
    """
    return segno.make(url, error="m").png_data_uri(scale=8, border=1)


def wrap(text: str, lang: str) -> str:
    """Khmer, Lao and Burmese need break opportunities marked for WeasyPrint (see textbook)."""
    return insert_breaks(text, lang) if lang in ("km", "lo", "my") else text


CARD_CSS = """
@page { size: A4; margin: 10mm; }
body { margin: 0; font-size: 10pt; line-height: 1.3; }
.sheet { width: 100%; border-collapse: collapse; table-layout: fixed; page-break-after: always; }
.sheet:last-child { page-break-after: auto; }
/* Four rows of two fit the 277 mm of an A4 page; a long name is cut rather than pushing the
   next card off its cut lines. */
.login-card {
  height: 60mm; padding: 4mm 5mm; vertical-align: top; border: 0.3mm dashed #888;
  position: relative; overflow: hidden;
}
.login-card img { position: absolute; top: 4mm; right: 5mm; width: 28mm; height: 28mm; }
.login-card.empty { border: 0; }
.login-card h2 { font-size: 12pt; margin: 0 31mm 1mm 0; }
.login-card .brand { color: #0b6e4f; font-weight: 700; margin: 0 31mm 1mm 0; font-size: 9pt; }
.login-card dl { margin: 0 31mm 0 0; }
.login-card dt { font-size: 8pt; color: #444; margin-top: 1mm; }
.login-card dd { margin: 0; font-size: 12pt; font-weight: 700; }
.login-card .secret { font-family: "DejaVu Sans Mono", monospace; letter-spacing: 0.5mm; }
.login-card .note { font-size: 8pt; margin: 1.5mm 0 0; }
"""


CERTIFICATE_CSS = """
@page { size: A4 landscape; margin: 10mm; }
body { margin: 0; text-align: center; color: #1d2430; line-height: 1.35; }
.frame {
  border: 1.2mm solid #0b6e4f; padding: 18mm 12mm 7mm; box-sizing: border-box; height: 189mm;
}
.brand { color: #0b6e4f; font-weight: 700; font-size: 13pt; margin: 0 0 8mm; }
h1 { font-size: 28pt; margin: 0; color: #0b6e4f; }
h2 { font-size: 18pt; margin: 2mm 0 0; color: #0b6e4f; }
.name { font-size: 30pt; font-weight: 700; margin: 10mm 0; }
.blocks { display: flex; gap: 10mm; justify-content: center; }
.block { flex: 1; max-width: 120mm; }
.block p { margin: 1.5mm 0; font-size: 12pt; }
.block .course { font-size: 16pt; font-weight: 700; }
.check { display: flex; justify-content: center; align-items: center; gap: 5mm; font-size: 9pt;
         margin-top: 14mm; text-align: left; }
.check img { width: 24mm; height: 24mm; }
.code { font-family: "DejaVu Sans Mono", monospace; font-size: 12pt; font-weight: 700; }
"""


def html_to_pdf(html: str, css: str) -> bytes:
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    # Without a FontConfiguration WeasyPrint ignores @font-face (see textbook.pdf).
    fonts = FontConfiguration()
    stylesheet = weasyprint.CSS(
        string=font_face_css() + lang_css() + css, base_url=default_base_url(), font_config=fonts
    )
    document = weasyprint.HTML(string=html, base_url=default_base_url())
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts)
