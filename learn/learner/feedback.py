"""Feedback codes (`exercises.Code`) in words, in the learner's language.

Grading gives codes plus data, never prose; here each code becomes a short, kind sentence.
The Thai in the data (the letter expected, the letter typed) is marked `lang="th"`; every
value is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from flask_babel import gettext, ngettext
from markupsafe import Markup, escape

from exercises import Code, Feedback
from learn.content import tone_names


def _thai(value: object) -> Markup:
    return Markup('<span lang="th" class="thai">“{}”</span>').format(value)


def _say(template: str, **values: object) -> Markup:
    """Translate `template`, then fill it with values (Thai ones already marked up)."""
    return Markup(escape(template)) % {
        k: v if isinstance(v, Markup) else escape(v) for k, v in values.items()
    }


def _tone(data) -> Markup:
    return escape(tone_names().get(str(data.get("chosen", "")), data.get("chosen", "")))


# One sentence per code. A code missing here fails tests/learn/test_feedback.py.
SENTENCES: dict[Code, Callable[[dict], Markup | None]] = {
    Code.CORRECT: lambda d: None,  # the page title already says it
    Code.WRONG: lambda d: _say(gettext("That is not right.")),
    Code.PARTLY_CORRECT: lambda d: _say(
        gettext("%(right)s of %(total)s are right."),
        right=d.get("right", 0),
        total=d.get("total", 0),
    ),
    Code.EMPTY: lambda d: _say(gettext("You did not answer yet.")),
    Code.MALFORMED: lambda d: _say(gettext("Your answer could not be read. Please answer again.")),
    Code.UNKNOWN_OPTION: lambda d: _say(
        gettext("Your answer could not be read. Please answer again.")
    ),
    Code.WRONG_OPTION: lambda d: _say(gettext("Not this one.")),
    Code.MISSED_OPTIONS: lambda d: _say(
        ngettext(
            "You missed %(num)s right answer.",
            "You missed %(num)s right answers.",
            int(d.get("count", 1)),
        )
    ),
    Code.PAIR_WRONG: lambda d: _say(gettext("A pair does not match.")),
    Code.PAIR_MISSING: lambda d: _say(gettext("A pair is missing.")),
    Code.WRONG_TILES: lambda d: _say(gettext("Use each word given, once.")),
    Code.WRONG_ORDER: lambda d: _say(
        gettext("Word %(position)s is in the wrong place."), position=d.get("position", "")
    ),
    Code.WRONG_TONE: lambda d: _say(
        gettext("Listen again: it is not the %(tone)s."), tone=_tone(d)
    ),
    Code.GAP_CORRECT: lambda d: None,
    Code.GAP_WRONG: lambda d: _say(gettext("A gap is not right yet.")),
    Code.THAI_SPACING: lambda d: _say(gettext("Spaces do not matter in Thai.")),
    Code.THAI_MISSING_TONE_MARK: lambda d: _say(
        gettext("Almost: %(expected)s needs its tone mark."), expected=_thai(d.get("expected", ""))
    ),
    Code.THAI_WRONG_TONE_MARK: lambda d: _say(
        gettext("Almost: write %(expected)s, not %(typed)s. The tone mark is different."),
        expected=_thai(d.get("expected", "")),
        typed=_thai(d.get("typed", "")),
    ),
    Code.THAI_WRONG_VOWEL: lambda d: _say(
        gettext("The vowel is different: write %(expected)s, not %(typed)s."),
        expected=_thai(d.get("expected", "")),
        typed=_thai(d.get("typed", "")),
    ),
    Code.THAI_SAME_SOUND_CONSONANT: lambda d: _say(
        gettext("Same sound, other letter: write %(expected)s, not %(typed)s."),
        expected=_thai(d.get("expected", "")),
        typed=_thai(d.get("typed", "")),
    ),
    Code.THAI_MISSING_CHARACTER: lambda d: _say(
        gettext("Something is missing: %(expected)s."), expected=_thai(d.get("expected", ""))
    ),
    Code.THAI_EXTRA_CHARACTER: lambda d: _say(
        gettext("There is something extra: %(typed)s."), typed=_thai(d.get("typed", ""))
    ),
    Code.THAI_WRONG: lambda d: _say(gettext("This is a different word.")),
}


def outcome_title(outcome: str) -> str:
    """The headline of the feedback: correct, almost or wrong."""
    return {
        "correct": lambda: "✓ " + gettext("Correct!"),
        "almost": lambda: gettext("Almost!"),
    }.get(outcome, lambda: gettext("Not quite."))()


def sentences(feedback: Iterable[Feedback]) -> list[Markup]:
    """The sentences to show for a result's feedback, each once, in order."""
    out: list[Markup] = []
    for item in feedback:
        sentence = SENTENCES[item.code](dict(item.data))
        if sentence is not None and sentence not in out:
            out.append(sentence)
    return out
