"""Shared fixtures: the five-language test course and one render per language and size.

Rendering costs about 0.1 s a page, so every textbook is laid out once per session and shared.
"""

from pathlib import Path

import pytest

import lessons

PACK = Path(__file__).parent / "pack"
LANGS = ("km", "lo", "my", "en", "th")


class Renders:
    """Textbooks of one course, laid out and written on first use, then kept."""

    def __init__(self, course):
        self.course = course
        self._documents = {}
        self._pdfs = {}

    def document(self, lang, size="A4"):
        import textbook

        if (lang, size) not in self._documents:
            self._documents[lang, size] = textbook.layout(self.course, lang, size)
        return self._documents[lang, size]

    def pdf(self, lang, size="A4"):
        if (lang, size) not in self._pdfs:
            self._pdfs[lang, size] = self.document(lang, size).write_pdf()
        return self._pdfs[lang, size]


@pytest.fixture(scope="session")
def course():
    return lessons.load_course(PACK)


@pytest.fixture(scope="session")
def renders(course):
    return Renders(course)
