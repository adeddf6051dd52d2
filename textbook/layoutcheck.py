"""A checker of laid-out WeasyPrint pages: lines that overflow their box, lines broken mid-word.

It walks the box tree of a rendered `weasyprint.Document` (the same boxes that are drawn), so
it sees what a reader sees without extracting text from the PDF (extractors mangle complex
scripts). A Khmer, Lao or Burmese phrase without U+200B is one unbreakable "word" to Pango and
sticks out of a narrow cell; a wrong U+200B lets a line end inside a word. Both are reported
with the page number, the language and the text of the line.

The box tree is WeasyPrint's internal API (`page._page_box`); this module is the one place
that reads it, so a WeasyPrint upgrade touches nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from textbook.linebreak import ZWSP, break_positions

ProblemKind = Literal["overflow", "box-overflow", "word-break"]

# Script ranges in which a line end must fall on an ICU break (Latin breaks only at spaces and
# hyphens, which Pango gets right by itself).
_WORD_SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "th": ((0x0E00, 0x0E7F),),
    "km": ((0x1780, 0x17FF), (0x19E0, 0x19FF)),
    "lo": ((0x0E80, 0x0EFF),),
    "my": ((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)),
}
# A line may end after these whatever ICU says (a U+200B is checked: it may be misplaced).
_BREAK_AFTER = frozenset({"\u00ad", "-", "\u2010", "\u2013", "\u2014", "/"})
_CONTEXT = 40  # characters each side of a line end handed to ICU


@dataclass(frozen=True, slots=True)
class LayoutProblem:
    """One thing wrong on a page: an overflowing line or box, or a line broken inside a word."""

    kind: ProblemKind
    page: int  # 1-based
    lang: str
    text: str
    detail: str

    def __str__(self) -> str:
        return f"page {self.page} [{self.lang}] {self.kind}: {self.detail}: {self.text!r}"


def _boxes():
    from weasyprint.formatting_structure import boxes

    return boxes


def _children(box: Any) -> Iterable[Any]:
    return getattr(box, "children", ()) or ()


def _line_leaves(line: Any) -> Iterator[Any]:
    """Text boxes and atomic inline boxes (images, inline-blocks) of a line, in order."""
    boxes = _boxes()
    for child in _children(line):
        if isinstance(child, boxes.TextBox | boxes.AtomicInlineLevelBox):
            yield child
        elif isinstance(child, boxes.InlineBox):
            yield from _line_leaves(child)


def _line_text(line: Any) -> str:
    boxes = _boxes()
    return "".join(leaf.text for leaf in _line_leaves(line) if isinstance(leaf, boxes.TextBox))


def _text_leaves(line: Any) -> list[Any]:
    boxes = _boxes()
    return [leaf for leaf in _line_leaves(line) if isinstance(leaf, boxes.TextBox)]


def _primary(lang: str | None) -> str:
    return (lang or "").split("-", 1)[0].lower()


def _in_script(char: str, lang: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _WORD_SCRIPTS.get(lang, ()))


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Mc")


def _container_right(box: Any) -> float:
    return box.content_box_x() + box.width


class _Walker:
    def __init__(self, tolerance: float, word_langs: frozenset[str]) -> None:
        self.tolerance = tolerance
        self.word_langs = word_langs
        self.problems: list[LayoutProblem] = []
        self.page = 0

    def walk(self, box: Any) -> None:
        boxes = _boxes()
        lines = []
        for child in _children(box):
            if isinstance(child, boxes.LineBox):
                lines.append(child)
                self.check_line(child, box)
            elif isinstance(child, boxes.BlockLevelBox) and isinstance(
                box, boxes.BlockContainerBox
            ):
                self.check_block(child, box)
            self.walk(child)
        for upper, lower in zip(lines, lines[1:], strict=False):
            self.check_junction(upper, lower)

    def report(self, kind: ProblemKind, lang: str | None, text: str, detail: str) -> None:
        self.problems.append(
            LayoutProblem(kind, self.page, lang or "", text.replace(ZWSP, ""), detail)
        )

    def check_line(self, line: Any, container: Any) -> None:
        limit = _container_right(container) + self.tolerance
        rights = [leaf.position_x + leaf.margin_width() for leaf in _line_leaves(line)]
        if rights and max(rights) > limit:
            excess = max(rights) - limit + self.tolerance
            self.report(
                "overflow",
                line.style["lang"],
                _line_text(line),
                f"line sticks out of its box by {excess:.1f} px",
            )

    def check_block(self, block: Any, container: Any) -> None:
        if block.width is None or container.width is None:
            return
        right = block.border_box_x() + block.border_width()
        limit = _container_right(container) + self.tolerance
        if right > limit:
            lines = (b for b in block.descendants() if isinstance(b, _boxes().LineBox))
            text = " ".join(_line_text(line) for line in lines)[:80]
            self.report(
                "box-overflow",
                block.style["lang"],
                text,
                f"<{block.element_tag}> is {right - limit + self.tolerance:.1f} px wider "
                "than its containing block",
            )

    def check_junction(self, upper: Any, lower: Any) -> None:
        tail_leaves, head_leaves = _text_leaves(upper), _text_leaves(lower)
        if not tail_leaves or not head_leaves:
            return
        lang = _primary(tail_leaves[-1].style["lang"])
        if lang not in self.word_langs or _primary(head_leaves[0].style["lang"]) != lang:
            return
        tail, head = _line_text(upper).replace(ZWSP, ""), _line_text(lower).replace(ZWSP, "")
        if not tail or not head or tail[-1] in _BREAK_AFTER:
            return
        if not (_in_script(tail[-1], lang) or _is_mark(tail[-1])) or not _in_script(head[0], lang):
            return
        if _had_space(tail, head, upper):
            return
        context = tail[-_CONTEXT:] + head[:_CONTEXT]
        junction = len(tail[-_CONTEXT:])
        if junction not in break_positions(context, lang):
            self.report(
                "word-break",
                lang,
                tail + " / " + head,
                f"line ends inside a word: …{tail[-8:]} / {head[:8]}…",
            )


def _had_space(tail: str, head: str, line: Any) -> bool:
    """Whether a collapsed space or a <br> stood at this line end in the source (Pango drops
    the space; a <br> is a forced break, never a break inside a word)."""
    element = getattr(line, "element", None)
    if element is None:
        return False
    source = re.sub(r"[^\S\n]+", " ", _source_text(element).replace(ZWSP, ""))
    source = re.sub(r" ?\n ?", "\n", source)
    return any(f"{tail[-6:]}{gap}{head[:6]}" in source for gap in (" ", "\n"))


def _source_text(element: Any) -> str:
    """The element's text with a newline where a <br> stands."""
    parts = [element.text or ""]
    for child in element:
        if str(child.tag).rsplit("}", 1)[-1] == "br":
            parts.append("\n")
        else:
            parts.append(_source_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def check_layout(
    document: Any,
    *,
    tolerance: float = 0.5,
    word_langs: Iterable[str] = ("km", "lo", "my"),
) -> list[LayoutProblem]:
    """Every overflowing line or block and every mid-word line break of a rendered document.

    `document` is what `weasyprint.HTML(...).render()` returns. A line overflows when its
    content reaches past the right edge of its containing block by more than `tolerance` px; a
    line end in a `word_langs` script must be an ICU line-break opportunity. Thai is not in the
    default: Pango breaks it with libthai, whose dictionary splits compounds that ICU keeps
    whole (กรุงเทพ / มหานคร), which is a fine line end, not a fault.
    """
    walker = _Walker(tolerance, frozenset(word_langs))
    for number, page in enumerate(document.pages, start=1):
        walker.page = number
        walker.walk(page._page_box)
    return walker.problems


def assert_layout_ok(document: Any, **options: Any) -> None:
    """Raise AssertionError naming every layout problem (for tests)."""
    problems = check_layout(document, **options)
    if problems:
        shown = "\n".join(str(problem) for problem in problems[:25])
        more = f"\n… and {len(problems) - 25} more" if len(problems) > 25 else ""
        raise AssertionError(f"{len(problems)} layout problem(s):\n{shown}{more}")


def main(argv: list[str] | None = None) -> int:
    """`python -m textbook.layoutcheck COURSE_FOLDER [--langs km lo my] [--sizes A4 A5]`:
    lay out the course's textbooks and print every layout problem; exit status 1 if any."""
    import argparse

    import lessons
    from textbook.pdf import layout

    parser = argparse.ArgumentParser(
        prog="python -m textbook.layoutcheck", description=main.__doc__.splitlines()[0]
    )
    parser.add_argument("course")
    parser.add_argument("--langs", nargs="+", default=["km", "lo", "my", "en", "th"])
    parser.add_argument("--sizes", nargs="+", default=["A4", "A5"])
    args = parser.parse_args(argv)
    course = lessons.load_course(args.course)
    found = 0
    for lang in args.langs:
        for size in args.sizes:
            problems = check_layout(layout(course, lang, size))
            found += len(problems)
            print(f"{lang} {size}: {len(problems)} problem(s)")
            for problem in problems:
                print(f"  {problem}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
