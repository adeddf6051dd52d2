"""A Burmese-speaking learner gets the course's textbook as a PDF on their phone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "ngapyaw-thee-25"


def test_the_textbook_is_prepared_then_downloaded_in_burmese(phone, course, shot):
    page = phone
    page.goto("/register")
    page.fill("#login", "daw-khin")
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    page.check("input[name=language][value=my]")
    page.locator("form button[type=submit].primary").click()
    page.goto(f"/courses/{course.id}")
    page.locator(f"a[href$='/courses/{course.id}/textbook']").click()
    page.wait_for_load_state()
    shot(page, "preparing")
    assert page.locator("input[name=lang][value=my]").is_checked(), "the learner's language"
    # The page reloads itself every few seconds until the PDF is ready.
    download_link = page.locator("a.button.primary[download]")
    download_link.wait_for(timeout=120_000)
    shot(page, "ready")
    with page.expect_download() as started:
        download_link.click()
    download = started.value
    assert download.suggested_filename.endswith(".pdf")
    assert "-my-" in download.suggested_filename
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
