"""Trainers and employers on a laptop: an organisation, a group with an assigned lesson and the
learner's progress in it, workers imported from a CSV file.

The platform admin comes from `rianthai users create-admin`; everyone else registers through
the pages. Each person has their own browser context, as on their own machine.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "staff-password-25"
LAPTOP = {"width": 1280, "height": 800}


def person(browser, live_server, login: str, *, sign_up=None, language: str = "en"):
    """A page logged in as `login` in a context of its own; registering first through
    `sign_up` (the `register` fixture) when given."""
    context = browser.new_context(viewport=LAPTOP, base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    if sign_up:
        sign_up(page, login, language, PASSWORD)
    else:
        page.goto("/login")
        page.fill("#login", login)
        page.fill("#password", PASSWORD)
        page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("header form button[type=submit]").count() == 1, f"{login} logged in"
    return page


@pytest.fixture(scope="module")
def organisation(browser, live_server, register):
    """An organisation made by the platform admin, run by `nok-admin`; (url, org admin page)."""
    live_server.cli("users", "create-admin", "platform-boss", "--password", PASSWORD)
    org_admin = person(browser, live_server, "nok-admin", sign_up=register, language="th")
    admin = person(browser, live_server, "platform-boss")
    admin.goto("/org/")
    admin.fill("#org-name", "Golden Shrimp Co.")
    admin.fill("#org-admin", "nok-admin")
    admin.locator("form[action$='/org/'] button[type=submit]").click()
    admin.wait_for_load_state()
    assert re.search(r"/org/\d+$", admin.url), admin.url
    url = admin.url.removeprefix(live_server.url)
    admin.context.close()
    yield url, org_admin
    org_admin.context.close()


def test_a_trainer_assigns_a_lesson_and_sees_the_learner_progress(
    browser, live_server, course, organisation, shot, register
):
    org_url, org_admin = organisation
    person(browser, live_server, "lek-trainer", sign_up=register).context.close()
    org_admin.goto(org_url)
    org_admin.fill("#member-login", "lek-trainer")
    org_admin.select_option("#member-role", "trainer")
    org_admin.locator("form[action$='/members'] button[type=submit]").click()
    org_admin.wait_for_load_state()

    trainer = person(browser, live_server, "lek-trainer")
    trainer.goto("/trainer/")
    trainer.fill("#group-name", "Night shift")
    trainer.locator("form[action$='/trainer/groups'] button[type=submit]").click()
    trainer.wait_for_load_state()
    lesson = course.units[0].lessons[0]
    trainer.select_option("#work", f"{course.id}/{lesson.id}")
    due = date.today() + timedelta(days=7)
    trainer.fill("#due", due.isoformat())
    trainer.locator("form[action$='/assignments'] button[type=submit]").click()
    trainer.wait_for_load_state()
    shot(trainer, "group")
    code = trainer.locator(".join-code").inner_text().strip()
    group_url = trainer.url

    learner = person(browser, live_server, "aye-aye", sign_up=register, language="my")
    learner.goto(f"/join/{code}")
    learner.locator("main form button[type=submit]").click()
    learner.wait_for_load_state()
    reading = next(s for s in lesson.steps if s.kind == "reading")
    learner.goto(f"/courses/{course.id}/lessons/{lesson.id}/steps/{reading.id}")
    learner.locator("main form button.primary").click()
    learner.wait_for_load_state()
    learner.context.close()

    trainer.goto(group_url)
    trainer.locator("a[href$='/dashboard']").click()
    trainer.wait_for_load_state()
    shot(trainer, "dashboard")
    row = trainer.locator("tr", has=trainer.locator("th", has_text="aye-aye"))
    assert row.count() == 1, "the learner who joined is on the dashboard"
    one_step = round(100 / len(lesson.steps))
    assert f"{one_step}%" in row.inner_text(), f"one step of {len(lesson.steps)} is done"
    trainer.context.close()


def test_an_org_admin_imports_workers_from_a_csv_file(organisation, shot, tmp_path):
    org_url, org_admin = organisation
    csv = tmp_path / "workers.csv"
    csv.write_text(
        "name,username or phone,language,group\n"
        "Sok Dara,0812345678,km,Packing\n"
        "အောင်အောင်,aungaung,my,Packing\n"
        "Broken Line,,xx,Packing\n",
        encoding="utf-8",
    )
    org_admin.goto(org_url)
    org_admin.locator("a[href$='/workers/import']").click()
    org_admin.set_input_files("#file", str(csv))
    org_admin.locator("main form button[type=submit]").click()
    org_admin.wait_for_load_state()
    shot(org_admin, "checked")
    assert org_admin.locator(".import-errors tbody tr").count() >= 1, "the broken line is named"
    assert org_admin.locator("td", has_text="aungaung").count() == 1
    org_admin.check("input[name=create_valid]")
    with org_admin.expect_download() as started:
        org_admin.locator("form[action$='/workers/create'] button[type=submit]").click()
    with open(started.value.path(), "rb") as cards:
        assert cards.read(5) == b"%PDF-"
    org_admin.goto(org_url)
    shot(org_admin, "organisation")
    page = org_admin.content()
    assert "aungaung" in page and "0812345678" in page
