"""Interface languages: which one a request is served in, and what templates need to show it.

The language comes from the user's setting, else from the choice an anonymous visitor made in
the chooser (kept in the session), else from the browser's Accept-Language; when none of these
names a language we have, the first page shows the chooser.
"""

from __future__ import annotations

from flask import Flask, request, session
from flask_babel import Babel, get_locale, get_translations
from flask_login import LoginManager, current_user
from jinja2 import pass_context
from markupsafe import Markup

from learn.models import LANGUAGE_CODES

# Each language named in itself, as a learner looks for it in a list.
NATIVE_NAMES = {
    "km": "ខ្មែរ",
    "lo": "ລາວ",
    "my": "မြန်မာ",
    "en": "English",
    "th": "ไทย",
}
DEFAULT = "en"


def chosen_language() -> str | None:
    """The language the user or visitor asked for, if any (not the browser's guess)."""
    if current_user.is_authenticated:
        return current_user.language
    lang = session.get("lang")
    return lang if lang in LANGUAGE_CODES else None


def browser_language() -> str | None:
    return request.accept_languages.best_match(LANGUAGE_CODES)


def select_locale() -> str:
    return chosen_language() or browser_language() or DEFAULT


def needs_language_choice() -> bool:
    """True when nothing tells us which language this visitor reads."""
    return chosen_language() is None and browser_language() is None


def current_language() -> str:
    locale = get_locale()  # one of LANGUAGE_CODES: a language with no territory or script
    return locale.language if locale else DEFAULT


def template_gettext(translations) -> dict:
    """`gettext` (`_`) and `ngettext` for one template render, bound to the catalogue of the
    language it is rendered in. Flask-Babel's own look the catalogue up again on every call
    (about 9 µs each, and a course map has 25 of them); these behave the same way as Jinja's
    "new style" ones: the text is marked safe when autoescaping and always %-formatted, so a
    placeholder's value is escaped and a literal %% is written %%%%."""

    @pass_context
    def gettext(context, string: str, **variables) -> str:
        text = translations.ugettext(string)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    @pass_context
    def ngettext(context, singular: str, plural: str, num: int, **variables) -> str:
        variables.setdefault("num", num)
        text = translations.ungettext(singular, plural, num)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    return {"gettext": gettext, "ngettext": ngettext}


def init_app(app: Flask, babel: Babel, login_manager: LoginManager) -> None:
    from flask_babel import lazy_gettext

    babel.init_app(app, locale_selector=select_locale)
    login_manager.login_message = lazy_gettext("Please log in to see this page.")
    login_manager.login_message_category = "info"

    @app.context_processor
    def language_context() -> dict:
        # Run for each render_template, so inside force_locale (certificates and login cards
        # in each worker's language) it binds that language's catalogue.
        return {
            "current_lang": current_language(),
            "native_names": NATIVE_NAMES,
            "language_codes": LANGUAGE_CODES,
            **template_gettext(get_translations()),
        }
