"""The course textbook: a course and a learner language -> HTML -> PDF (WeasyPrint).

    document = textbook.layout(course, "km", size="A5")     # weasyprint.Document
    pdf = textbook.render(course, "km")                       # bytes
    pdf = textbook.render(course, "lo", learner=LearnerSummary("Noy", {"hello"}, {"hello": 0.9}))
    cache = textbook.TextbookCache(folder); entry = cache.build(course, "my", "A5")

Plain Python: never imports Flask or the web app. WeasyPrint is imported only when a textbook
is laid out, so importing this package stays cheap for the web process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textbook.book import SIZES, TextbookError, build_html, template_version
from textbook.cache import CachedTextbook, TextbookCache, TextbookKey, key_for
from textbook.workbook import LearnerSummary

if TYPE_CHECKING:
    import weasyprint

__all__ = [
    "SIZES",
    "CachedTextbook",
    "LearnerSummary",
    "TextbookCache",
    "TextbookKey",
    "TextbookError",
    "build_html",
    "key_for",
    "layout",
    "render",
    "template_version",
]


def layout(
    course, lang: str, size: str = "A4", learner: LearnerSummary | None = None
) -> weasyprint.Document:
    """The laid-out weasyprint.Document of the textbook (see textbook.pdf.layout)."""
    from textbook.pdf import layout as _layout

    return _layout(course, lang, size, learner)


def render(course, lang: str, size: str = "A4", learner: LearnerSummary | None = None) -> bytes:
    """The textbook as PDF bytes (see textbook.pdf.render)."""
    from textbook.pdf import render as _render

    return _render(course, lang, size, learner)
