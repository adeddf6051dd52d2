"""Laying out and writing the textbook PDF with WeasyPrint.

WeasyPrint is imported here and only here, on first use: the web process imports `textbook`
for the cache and the strings without paying for it (about 0.5 s and a lot of memory).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textbook.book import build_html, check_request, stylesheet
from textbook.fonts import default_base_url
from textbook.workbook import LearnerSummary

if TYPE_CHECKING:
    import weasyprint


def layout(
    course, lang: str, size: str = "A4", learner: LearnerSummary | None = None
) -> weasyprint.Document:
    """The laid-out pages of the textbook of course in lang (A4 or A5).

    With learner, the personal workbook: their name on the cover and a progress page.
    """
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    size = check_request(lang, size)
    html = build_html(course, lang, size, learner)
    # Without a FontConfiguration WeasyPrint ignores @font-face and silently takes whatever
    # fonts the machine has (DejaVu for Lao here, tofu on a bare server).
    fonts = FontConfiguration()
    css = weasyprint.CSS(string=stylesheet(size), base_url=default_base_url(), font_config=fonts)
    return weasyprint.HTML(string=html, base_url=default_base_url()).render(
        stylesheets=[css], font_config=fonts
    )


def render(course, lang: str, size: str = "A4", learner: LearnerSummary | None = None) -> bytes:
    """The textbook of course in lang as PDF bytes (see layout)."""
    return layout(course, lang, size, learner).write_pdf()
