"""Zawgyi typed into a form arrives as Unicode; every free-text field is NFC and trimmed."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learn.forms import clean_text

ZAWGYI_NAME = "ေမာင္ေမာင္"  # "Maung Maung" typed on a phone set up for Zawgyi
UNICODE_NAME = "မောင်မောင်"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ေက်ာင္းသား", "ကျောင်းသား"),  # Zawgyi "student"
        (ZAWGYI_NAME, UNICODE_NAME),
        ("ျမန္မာ", "မြန်မာ"),  # Zawgyi "Myanmar": medial ra before the consonant
        ("ကျောင်းသား", "ကျောင်းသား"),  # Unicode stays as it is
        # Well-formed Unicode the detector alone would call Zawgyi: left alone.
        ("ဒီစကားလုံးက ဘာအဓိပ္ပာယ်လဲ။", "ဒီစကားလုံးက ဘာအဓိပ္ပာယ်လဲ။"),
        ("ស្វាគមន៍", "ស្វាគមន៍"),  # Khmer
        ("ສະບາຍດີ", "ສະບາຍດີ"),  # Lao
        ("นํ้า", "นํ้า"),  # Thai: not Burmese, untouched by the converter
        ("e\u0301", "\u00e9"),  # decomposed to NFC
        ("  Somchai \t Jai  ", "Somchai Jai"),
        ("", ""),
        (None, None),
    ],
)
def test_clean_text(typed, stored):
    assert clean_text(typed) == stored


@given(st.text())
def test_clean_text_is_nfc_trimmed_and_stable(text):
    cleaned = clean_text(text)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == cleaned.strip()
    assert clean_text(cleaned) == cleaned


def test_a_name_typed_in_zawgyi_is_stored_in_unicode(client, auth):
    auth.register(login="maung", name=ZAWGYI_NAME, language="my")
    home = client.get("/").get_data(as_text=True)
    assert UNICODE_NAME in home
    assert ZAWGYI_NAME not in home


def test_a_login_typed_in_zawgyi_logs_in_the_unicode_account(client, auth):
    auth.register(login="ျမန္မာ", language="my")
    auth.logout()
    response = auth.login(login="မြန်မာ")
    assert response.status_code == 302


@pytest.mark.browser
def test_zawgyi_typed_in_chromium_is_greeted_in_unicode(phone):
    page = phone
    page.goto("/register")
    page.fill("#login", "zawgyi-phone")
    page.fill("#display_name", ZAWGYI_NAME)
    page.fill("#password", "ngapyaw-thee-25")
    page.fill("#confirm", "ngapyaw-thee-25")
    page.check("input[name=language][value=my]")
    page.locator("form button[type=submit].primary").click()
    page.wait_for_load_state()
    assert UNICODE_NAME in page.locator("main h1").inner_text()
