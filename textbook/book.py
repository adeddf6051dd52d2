"""A course and a learner language -> the textbook's HTML (Jinja templates, print CSS).

The HTML is complete and self-contained apart from the font files: every element holding a
language other than the document's has its `lang`, and Khmer, Lao and Burmese text carries
U+200B at its line-break opportunities, so WeasyPrint can lay it out without further help.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import icu
import jinja2
import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from lessons import transcribe as transcription
from lessons.transcribe import SCRIPTS, for_item, tone_examples
from textbook import alphabet
from textbook.fonts import font_face_css, fonts_version, lang_css
from textbook.linebreak import insert_breaks_html
from textbook.printable import PrintExercise, lesson_exercises
from textbook.strings import LANGUAGES, t
from textbook.text import Span, element, pick
from textbook.workbook import LearnerSummary, progress_of

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
CSS_PATH = PACKAGE_DIR / "static" / "print.css"

# Page size -> (CSS size, page margins). A5 is the phone-friendly one: smaller margins.
SIZES: dict[str, tuple[str, str]] = {
    "A4": ("A4", "18mm 16mm 20mm 16mm"),
    "A5": ("A5", "13mm 11mm 15mm 11mm"),
}


class TextbookError(ValueError):
    """A textbook cannot be made as asked (unknown language or page size)."""


def check_request(lang: str, size: str) -> str:
    """The normalised size; raise TextbookError naming a bad lang or size."""
    if lang not in LANGUAGES:
        raise TextbookError(f"textbook language {lang!r} is not one of {', '.join(LANGUAGES)}")
    normalised = size.upper()
    if normalised not in SIZES:
        raise TextbookError(f"textbook size {size!r} is not one of {', '.join(SIZES)}")
    return normalised


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=1)
def template_version() -> str:
    """A hash of everything besides the course that shapes the PDF: templates, print CSS, the
    code that fills them, the strings, the fonts, and the versions of WeasyPrint and of ICU
    (whose dictionaries decide the line breaks). Part of every cache key."""
    digest = hashlib.sha256()
    for path in sorted(TEMPLATE_DIR.glob("*.html")) + [CSS_PATH]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for module in (
        "book.py",
        "printable.py",
        "text.py",
        "strings.py",
        "alphabet.py",
        "linebreak.py",
        "pdf.py",
        "workbook.py",
    ):
        digest.update((PACKAGE_DIR / module).read_bytes())
    # The transcriptions printed beside the Thai come from these rules.
    for path in sorted(Path(transcription.__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update(fonts_version().encode())
    digest.update(f"weasyprint {metadata.version('weasyprint')} icu {icu.ICU_VERSION}".encode())
    return digest.hexdigest()[:16]


def stylesheet(size: str = "A4", font_base_url: str | None = None) -> str:
    """The whole print CSS for a page size: fonts, language stacks, page size, design."""
    css_size, margins = SIZES[size.upper()]
    return (
        font_face_css(font_base_url)
        + lang_css()
        + f"@page {{ size: {css_size}; margin: {margins}; }}\n"
        + CSS_PATH.read_text(encoding="utf-8")
    )


_markdown = MarkdownIt("commonmark", {"html": False})


def markdown_html(text: str) -> Markup:
    """Markdown from content as sanitised HTML (content files are never trusted as HTML)."""
    return Markup(nh3.clean(_markdown.render(text)))


@dataclass(frozen=True, slots=True)
class VocabularyRow:
    id: str
    thai: str
    pron: str
    meaning: Span
    note: Span | None
    sounds: str = ""  # the pron in the reader's script (km, lo, my)


@dataclass(frozen=True, slots=True)
class DialogueRow:
    speaker_th: str
    speaker_pron: str
    thai: str
    pron: str
    translation: Span
    sounds: str = ""


@dataclass(frozen=True, slots=True)
class DialogueView:
    title: Span | None
    setting: Span | None
    lines: tuple[DialogueRow, ...]


@dataclass(frozen=True, slots=True)
class Chapter:
    """One lesson, ready for the templates."""

    anchor: str
    number: int
    lesson_id: str
    title: Span
    title_th: str
    unit_first: bool
    unit_number: int
    unit_title: Span
    objectives: tuple[Span, ...]
    vocabulary: tuple[VocabularyRow, ...]
    dialogue: DialogueView | None
    reading: Markup | None
    reading_lang: str
    notes: tuple[Span, ...]
    exercises: tuple[PrintExercise, ...]


def _dialogue(lesson, lang: str) -> DialogueView | None:
    dialogue = lesson.dialogue
    if dialogue is None:
        return None
    rows = tuple(
        DialogueRow(
            speaker_th=line.speaker.thai,
            speaker_pron=line.speaker.pron,
            thai=line.thai,
            pron=line.pron,
            translation=pick(line.translation, lang) if lang != "th" else Span("", lang),
            sounds=learner_script(line, lang),
        )
        for line in dialogue.lines
    )
    setting = pick(dialogue.setting, lang) if dialogue.setting else None
    return DialogueView(pick(dialogue.title, lang), setting, rows)


def chapters(course, lang: str) -> tuple[Chapter, ...]:
    """Every lesson of the course as a chapter, numbered in course order."""
    out = []
    number = 0
    for unit_number, unit in enumerate(course.units, start=1):
        for index, lesson in enumerate(unit.lessons):
            number += 1
            reading = pick(lesson.reading, lang) if lesson.reading else None
            out.append(
                Chapter(
                    anchor=f"lesson-{lesson.id}",
                    number=number,
                    lesson_id=lesson.id,
                    title=pick(lesson.title, lang),
                    title_th=lesson.title.best("th"),
                    unit_first=index == 0,
                    unit_number=unit_number,
                    unit_title=pick(unit.title, lang),
                    objectives=tuple(pick(o, lang) for o in lesson.objectives),
                    vocabulary=tuple(
                        VocabularyRow(
                            item.id,
                            item.thai,
                            item.pron,
                            pick(item.meaning, lang),
                            pick(item.note, lang) if item.note else None,
                            learner_script(item, lang),
                        )
                        for item in lesson.vocabulary
                    ),
                    dialogue=_dialogue(lesson, lang),
                    reading=markdown_html(reading.text) if reading else None,
                    reading_lang=reading.lang if reading else lang,
                    notes=tuple(pick(note, lang) for note in lesson.notes),
                    exercises=lesson_exercises(lesson, lang),
                )
            )
    return tuple(out)


def _alphabet_view() -> dict:
    thai_class_names = {"mid": "อักษรกลาง", "high": "อักษรสูง", "low": "อักษรต่ำ"}
    return {
        "classes": [
            {
                "cls": cls,
                "thai_name": thai_class_names[cls],
                "consonants": alphabet.consonants_of(cls),
            }
            for cls in alphabet.CLASSES
        ],
        "vowels": alphabet.VOWELS,
        "marks": [{"mark": m, "name": alphabet.TONE_MARK_NAMES[m]} for m in alphabet.TONE_MARKS],
        "tone_rows": [
            {"cls": cls, "cells": [alphabet.tone(cls, col) for col in alphabet.TONE_COLUMNS]}
            for cls in alphabet.CLASSES
        ],
        "live_finals": alphabet.LIVE_FINALS,
        "dead_finals": alphabet.DEAD_FINALS,
    }


def learner_script(item, lang: str) -> str:
    """The Thai sounds of a word or dialogue line in the reader's script, for km, lo and my
    readers; empty for the others (lessons.transcribe; an item's own transcription wins)."""
    return for_item(item, lang) if lang in SCRIPTS else ""


def build_html(course, lang: str, size: str = "A4", learner: LearnerSummary | None = None) -> str:
    """The textbook of course in lang as one HTML document (fonts and CSS not inlined)."""
    size = check_request(lang, size)
    template = _environment().get_template("book.html")
    title = pick(course.title, lang)
    html = template.render(
        lang=lang,
        size=size,
        t=lambda key, **fields: t(key, lang, **fields),
        el=lambda span, cls="": element(span, lang, cls=cls),
        tone_legend=tuple(
            (text, t(f"tone_{tone}", lang)) for tone, _guide, text in tone_examples(lang)
        )
        if lang in SCRIPTS
        else (),
        title=title,
        title_th=course.title.best("th"),
        description=pick(course.description, lang) if course.description else None,
        version=course.version,
        printed=learner.date.isoformat() if learner and learner.date else None,
        learner=learner,
        progress=progress_of(course, learner) if learner else None,
        chapters=chapters(course, lang),
        alphabet=_alphabet_view(),
        template_version=template_version(),
    )
    return insert_breaks_html(html, lang)
