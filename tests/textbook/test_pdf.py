"""The rendered textbooks: open, outlined by chapter, fonts embedded, nothing overflowing.

Nothing here reads text out of the PDF: extractors mangle Thai and the other scripts.
"""

import dataclasses
import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import lessons
import textbook
from textbook.fonts import PDF_FONT_NAMES
from textbook.layoutcheck import check_layout

from .conftest import LANGS

pytestmark = pytest.mark.slow  # about 1 s per language and size


def embedded_fonts(reader):
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
            for descendant in font.get("/DescendantFonts", []):
                names.add(str(descendant.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_opens_with_one_outline_entry_per_chapter(lang, course, renders):
    reader = PdfReader(io.BytesIO(renders.pdf(lang)))
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    # Contents, one chapter per lesson, the answer key, the alphabet appendix.
    assert len(top) == len(course.lessons) + 3
    assert len(reader.pages) == len(renders.document(lang).pages) >= 8
    assert reader.metadata.title


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_embeds_noto_thai_and_the_learner_font(lang, renders):
    names = embedded_fonts(PdfReader(io.BytesIO(renders.pdf(lang))))
    assert PDF_FONT_NAMES["th"] in names
    learner_font = PDF_FONT_NAMES[lang if lang in PDF_FONT_NAMES else "latin"]
    assert learner_font in names
    assert not any("DejaVu" in name for name in names), names


@pytest.mark.parametrize("lang", LANGS)
def test_no_line_overflows_or_breaks_inside_a_word(lang, renders):
    assert check_layout(renders.document(lang)) == []


@pytest.mark.parametrize("lang", ["km", "my"])
def test_a5_pages_are_a5_and_still_fit(lang, renders):
    document = renders.document(lang, "A5")
    width_mm = document.pages[0].width * 25.4 / 96
    assert round(width_mm) == 148
    assert len(document.pages) >= len(renders.document(lang).pages)
    assert check_layout(document) == []


@pytest.mark.parametrize("lang", ["km", "lo", "my"])
def test_without_zero_width_spaces_the_real_textbook_overflows(lang, course, monkeypatch):
    """The checker is not vacuous: switch segmentation off and the long reading sticks out."""
    import textbook.book

    monkeypatch.setattr(textbook.book, "insert_breaks_html", lambda html, lang: html)
    work = course.lesson("work")  # the lesson whose reading has a long unspaced sentence
    unit = dataclasses.replace(course.units[0], lessons=(work,))
    problems = check_layout(textbook.layout(dataclasses.replace(course, units=(unit,)), lang, "A5"))
    assert any(problem.kind == "overflow" and problem.lang == lang for problem in problems)


def test_workbook_has_a_progress_chapter(course):
    learner = textbook.LearnerSummary("Noy", {"hello", "work"}, {"hello": 1.0, "work": 0.75})
    pdf = textbook.render(course, "lo", "A5", learner=learner)
    reader = PdfReader(io.BytesIO(pdf))
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert len(top) == len(course.lessons) + 4


def test_pdffonts_agrees(renders, tmp_path):
    path = tmp_path / "my.pdf"
    path.write_bytes(renders.pdf("my"))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    assert (
        "+Rian-Thai-Noto-Sans-Myanmar " in out.stdout and "+Rian-Thai-Noto-Sans-Thai " in out.stdout
    )


def test_importing_textbook_loads_neither_flask_nor_weasyprint():
    code = (
        "import sys, textbook, textbook.cache\n"
        "print('flask' in sys.modules, 'weasyprint' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


BUNDLED = Path(__file__).parents[2] / "lessons" / "courses" / "thai-for-work"


@pytest.fixture(scope="module")
def bundled():
    if not (BUNDLED / "course.yaml").is_file():
        pytest.skip("no bundled course yet")
    return lessons.load_course(BUNDLED)


@pytest.mark.parametrize("lang", ["km", "lo", "my"])
def test_bundled_course_fits_on_a5_pages(lang, bundled):
    """The real course on the narrowest page: no overflow, no line broken inside a word.

    Each lesson is checked in one of the three scripts (lesson n in LANGS[n % 3]) so that the
    three renders together cost about one whole book; `python -m textbook.layoutcheck FOLDER`
    checks every lesson in every language.
    """
    index = ["km", "lo", "my"].index(lang)
    units = []
    for unit in bundled.units:
        kept = tuple(
            lesson for lesson in unit.lessons if bundled.lessons.index(lesson) % 3 == index
        )
        if kept:
            units.append(dataclasses.replace(unit, lessons=kept))
    if not units:
        pytest.skip(f"no lesson of the bundled course falls to {lang}")
    part = dataclasses.replace(bundled, units=tuple(units))
    assert check_layout(textbook.layout(part, lang, "A5")) == []


def test_layoutcheck_command_reports_and_exits(capsys):
    from textbook.layoutcheck import main

    pack = Path(__file__).parent / "pack"
    assert main([str(pack), "--langs", "lo", "--sizes", "A5"]) == 0
    assert "lo A5: 0 problem(s)" in capsys.readouterr().out
