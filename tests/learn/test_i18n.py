"""Interface languages: which one is served, the chooser, and the catalogs themselves."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from learn.models import LANGUAGE_CODES

CATALOGS = Path(__file__).parents[2] / "learn" / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


@pytest.mark.parametrize(
    "accept, lang, phrase",
    [
        ("my", "my", "ထိုင်းဘာသာ လေ့လာပါ"),
        ("km-KH,km;q=0.9", "km", "រៀនភាសាថៃ"),
        ("lo", "lo", "ຮຽນພາສາໄທ"),
        ("th-TH", "th", "เรียนภาษาไทยเพื่อการทำงาน"),
        ("de, en;q=0.5", "en", "Learn Thai for work"),
    ],
)
def test_language_from_accept_language(client, accept, lang, phrase):
    html = client.get("/", headers={"Accept-Language": accept}).get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert phrase in html


def test_chooser_shown_when_nothing_names_a_language(client):
    html = client.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert 'class="language-choice"' in html
    assert "language-choice" not in client.get("/", headers={"Accept-Language": "my"}).text


def test_visitor_choice_beats_the_browser(client):
    client.submit("/language?next=/register", {"language": "km"}, page="/language")
    html = client.get("/register", headers={"Accept-Language": "my"}).get_data(as_text=True)
    assert '<html lang="km">' in html


def test_account_setting_beats_the_browser_and_can_change(client, auth):
    auth.register(language="lo")
    assert '<html lang="lo">' in client.get("/", headers={"Accept-Language": "my"}).text
    response = client.submit("/language?next=/", {"language": "my"}, page="/language")
    assert response.headers["Location"] == "/"
    auth.logout()
    auth.login()
    assert '<html lang="my">' in client.get("/", headers={"Accept-Language": "en"}).text


def test_other_language_fragments_carry_their_lang(client):
    html = client.get("/language", headers={"Accept-Language": "en"}).get_data(as_text=True)
    for code in LANGUAGE_CODES:
        assert f'lang="{code}"' in html
    assert '<span lang="th">เรียนไทย</span>' in html


def test_unknown_language_is_refused(client):
    response = client.submit("/language", {"language": "fr"})
    assert response.status_code == 422


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_catalog_complete_nfc_and_placeholders_kept(lang):
    with open(CATALOGS / "messages.pot", "rb") as f:
        template_ids = {m.id for m in read_po(f) if m.id}
    with open(CATALOGS / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalog = read_po(f)
    messages = {m.id: m for m in catalog if m.id}
    assert set(messages) == template_ids, "catalog out of date: run pybabel update"
    for msgid, message in messages.items():
        assert not message.fuzzy, f"{lang}: fuzzy: {msgid!r}"
        sources = msgid if isinstance(msgid, tuple) else (msgid,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        # Languages with one plural form (km, lo, my, th) may use the plural's number.
        allowed = {name for source in sources for name in PLACEHOLDER.findall(source)}
        for text in forms:
            assert text, f"{lang}: untranslated: {msgid!r}"
            assert unicodedata.is_normalized("NFC", text), f"{lang}: not NFC: {msgid!r}"
            assert set(PLACEHOLDER.findall(text)) <= allowed, f"{lang}: {msgid!r}"
        if not isinstance(msgid, tuple):
            assert sorted(PLACEHOLDER.findall(forms[0])) == sorted(allowed), f"{lang}: {msgid!r}"


def test_template_lists_every_string_in_the_code():
    """A string added to a template or view without re-extracting would show in English."""
    from babel.messages.extract import extract_from_dir

    root = Path(__file__).parents[2]
    method_map = [("learn/**.py", "python"), ("learn/**/templates/**.html", "jinja2")]
    found = {
        msg[2] if isinstance(msg[2], str) else msg[2][0]
        for msg in extract_from_dir(
            root,
            method_map,
            keywords={"_": None, "gettext": None, "_l": None, "lazy_gettext": None},
        )
    }
    with open(CATALOGS / "messages.pot", "rb") as f:
        template_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    assert found - template_ids == set()


def test_templates_translate_escape_and_format_like_jinja(app):
    """The catalogue bound once per render translates, escapes a placeholder's value, keeps
    a literal %, counts plurals, and follows force_locale (certificates in a worker's
    language)."""
    from flask import render_template_string
    from flask_babel import force_locale

    source = (
        "{{ _('Log out') }}|{{ _('%(percent)s%% done', percent='<b>') }}|"
        "{{ ngettext('%(num)d day', '%(num)d days', 3) }}"
    )
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert render_template_string(source) == "Log out|&lt;b&gt;% done|3 days"
        with force_locale("th"):
            thai = render_template_string("{{ _('Log out') }}")
    assert thai not in ("", "Log out")
    assert unicodedata.is_normalized("NFC", thai)
