"""Template filters that show course content: texts in the reader's language, Thai marked up.

Everything is escaped: content comes from files that translators edit, never trusted as HTML.
"""

from __future__ import annotations

import re
import uuid
import zlib
from collections.abc import Mapping
from functools import cache, lru_cache
from types import MappingProxyType

from flask import Flask, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from jinja2 import pass_context
from markupsafe import Markup, escape

from learn.i18n import current_language
from lessons.transcribe import SCRIPTS, for_item, tone_examples, transcribe


def localized(text: Mapping[str, str] | str | None, lang: str | None = None) -> str:
    """A learner-facing text in the reader's language, else English, else any language."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    lang = lang or current_language()
    for code in (lang, "en", "th"):
        value = text.get(code)
        if value:
            return value
    return next(iter(text.values()), "") if hasattr(text, "values") else ""


@pass_context
def localized_here(context, text: Mapping[str, str] | str | None) -> str:
    """`localized` for templates: the language the page is rendered in, as the context
    names it (a course map has 30 texts; asking Flask-Babel each time costs 4 µs)."""
    return localized(text, context.get("current_lang"))


def thai(text: str | None, pron: str | None = None, item=None) -> Markup:
    """Thai being learned, marked `lang="th"`, with its pronunciation guide after it and, for
    Khmer, Lao and Burmese readers, the same sounds in their own script (an item's
    hand-written transcription when it has one)."""
    if not text:
        return Markup("")
    html = Markup('<span class="thai" lang="th">{}</span>').format(text)
    if pron:
        html += Markup(' <span class="pron" lang="th-Latn">{}</span>').format(pron)
    lang = current_language()
    if lang in SCRIPTS and (pron or item is not None):
        sounds = for_item(item, lang) if item is not None else _transcribed(pron, lang)
        if sounds:
            html += Markup(' <span class="script-pron" lang="{}">{}</span>').format(lang, sounds)
    return html


def play(media_id: str | None) -> Markup:
    """A small button that plays a sound (a link to the file when scripts are off)."""
    if not media_id:
        return Markup("")
    return Markup(
        '<a class="play" href="{}" aria-label="{}"><span aria-hidden="true">▶</span></a>'
    ).format(url_for("media.file", media_id=media_id, rendition="original"), _("Listen"))


def text_or_thai(value, pron: str | None = None) -> Markup:
    """An option's text: Thai (a plain str) with its guide, or a text in the reader's language."""
    if isinstance(value, str):
        return thai(value, pron)
    return escape(localized(value))


# The same guide is written out on page after page (an option, a word, its answer key).
_transcribed = lru_cache(maxsize=8192)(transcribe)


def tone_names() -> Mapping[str, str]:
    """The five Thai tones, named in the reader's language."""
    return _tone_names(current_language())


@cache
def _tone_names(lang: str) -> Mapping[str, str]:
    """Made once per language and process (`lang` is the language gettext translates into
    now; a tone exercise's page asks for the names five times)."""
    return MappingProxyType(
        {
            "mid": _("mid tone"),
            "low": _("low tone"),
            "falling": _("falling tone"),
            "high": _("high tone"),
            "rising": _("rising tone"),
        }
    )


_GAP = re.compile(r"\{([A-Za-z0-9_-]+)\}")


def gap_line(text: str, gaps: Mapping) -> Markup:
    """A gap-fill line of Thai with each `{gap-id}` turned into an input or a choice."""
    out = Markup("")
    position = 0
    order = list(gaps)
    for match in _GAP.finditer(text):
        out += escape(text[position : match.start()])
        gap = gaps.get(match.group(1))
        name = f"gap-{match.group(1)}"
        if gap is not None and gap.options:
            choices = Markup("").join(
                Markup('<option value="{}">{}</option>').format(o.id, localized(o.text))
                for o in gap.options
            )
            field = Markup(
                '<select name="{}" required><option value="">—</option>{}</select>'
            ).format(name, choices)
        else:
            field = Markup(
                '<input type="text" name="{}" lang="th" class="gap" autocomplete="off" required>'
            ).format(name)
        # A gap shows no label; a screen reader says "Your answer 1", in the reader's language.
        label = _("Your answer")
        if len(order) > 1 and match.group(1) in order:
            label += f" {order.index(match.group(1)) + 1}"
        out += Markup('<label><span class="sr-only" lang="{}">{}</span>{}</label>').format(
            current_language(), label, field
        )
        position = match.end()
    return out + escape(text[position:])


def filesize(size: int) -> str:
    """A file size as a learner reads it on a data plan: 62 KB, 1.4 MB."""
    if size < 1000 * 1000:
        return f"{format_decimal(max(1, round(size / 1000)))} KB"
    return f"{format_decimal(round(size / 1000 / 1000, 1))} MB"


def quality_name(rendition: str) -> str:
    """A rendition's name as a learner understands it."""
    return {"original": _("best quality"), "audio": _("sound only")}.get(rendition, rendition)


def shuffled(items, seed: str) -> list:
    """Items with ids in an order that does not give the answer away, the same on every
    page load (so a learner's second try sees the same order)."""
    return sorted(items, key=lambda item: zlib.crc32(f"{seed}:{item.id}".encode()))


def new_uuid() -> str:
    """A fresh UUID for one form: each answer the learner sends is stored once."""
    return str(uuid.uuid4())


def tone_legend() -> tuple:
    """(text, tone) pairs that explain the tone signs of the reader's script, if it has any."""
    lang = current_language()
    if lang not in SCRIPTS:
        return ()
    return tuple((text, tone) for tone, _guide, text in tone_examples(lang))


def init_app(app: Flask) -> None:
    app.add_template_filter(localized_here, "loc")
    app.add_template_filter(thai, "thai")
    app.add_template_filter(text_or_thai, "option_text")
    app.add_template_global(tone_names)
    app.add_template_global(gap_line)
    app.add_template_global(new_uuid)
    app.add_template_global(shuffled)
    app.add_template_global(play)
    app.add_template_global(tone_legend)
    app.add_template_global(quality_name)
    app.add_template_filter(filesize, "filesize")
