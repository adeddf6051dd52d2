"""axe-core, the npm package, run in Chromium on the main pages of each interface language.

Each language's learner registers and goes through lesson 1 (every step, every exercise type
the lesson has, the feedback after right and wrong answers, the result), the review, the
textbook page and the account pages; a trainer and an organisation admin go through theirs in
English and in Burmese. axe checks each page against WCAG 2.1 A and AA, and a page may have
no serious or critical violation. Every result, moderate and minor ones included, is written
to /tmp/e2e/axe-<language>.json (E2E_SHOTS moves it).

The app's Content-Security-Policy forbids inline scripts, and injecting axe is one: these
contexts alone bypass the CSP. One context per language, its pages visited one after another.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("E2E_SHOTS", "/tmp/e2e"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
LANGUAGES = ["km", "lo", "my", "th", "en"]
PASSWORD = "axe-core-checks-25"
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
VISITOR_PAGES = [
    ("/", "home, visitor"),
    ("/login", "login"),
    ("/register", "register"),
    ("/language", "language chooser"),
    ("/courses", "catalogue, visitor"),
]
ACCOUNT_PAGES = [
    ("/language", "language"),
    ("/account/password", "password"),
    ("/account/organisations", "organisations"),
    ("/join", "join a group"),
    ("/verify", "verify a certificate"),
    ("/nowhere", "not found"),
]
RUN_AXE = """async tags => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations', 'incomplete']});
  const found = list => list.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160)})),
  }));
  return {violations: found(result.violations), incomplete: found(result.incomplete)};
}"""


class Audit:
    """What axe found on each page visited, by a label naming the page: its violations, and
    what it could not decide ("incomplete": to be looked at by a person)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.pages: dict[str, dict[str, list[dict]]] = {}

    def check(self, page, label: str) -> None:
        page.wait_for_load_state()
        self.pages[f"{label} ({page.url.split('/', 3)[-1] or '/'})"] = page.evaluate(RUN_AXE, TAGS)

    def save(self) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / f"axe-{self.name}.json").write_text(
            json.dumps(self.pages, ensure_ascii=False, indent=1), encoding="utf-8"
        )

    def blocking(self) -> str:
        """Every serious or critical violation: page, rule, impact, and the nodes."""
        lines = []
        for label, found in self.pages.items():
            for v in found["violations"]:
                if v["impact"] in BLOCKING:
                    lines.append(f"{label}: {v['rule']} ({v['impact']}): {v['help']}")
                    lines += [f"    {n['target']}: {n['html']}" for n in v["nodes"]]
        return "\n".join(lines)


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (make test does)")
    return AXE


def new_page(browser, live_server, language: str, viewport: dict):
    context = browser.new_context(
        viewport=viewport, base_url=live_server.url, locale=language, bypass_csp=True
    )
    context.set_default_timeout(15_000)
    context.add_init_script(path=str(AXE))  # into every page, before the page's own scripts
    return context.new_page()


def answer(page, exercise) -> None:
    """Answer the exercise on the page: a choice of one right, anything else with anything."""
    form = page.locator("form.exercise")
    if exercise.type in ("single_choice", "tone"):
        form.locator(f"input[name=choice][value='{exercise.answer}']").check()
    else:
        for field in form.locator("input[type=radio], input[type=checkbox]").all()[:1]:
            field.check()
        for field in form.locator("select").all():
            field.select_option(index=1)
        for field in form.locator("input[type=text]").all():
            field.fill("กกก")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def exercises_step(page, audit: Audit, course, step, seen: set[str]) -> None:
    """Every exercise type of the step not `seen` yet, and the feedback of each outcome."""
    url = page.url
    types = {course.exercise(i).type for i in step.exercises}
    for _ in range(3 * len(step.exercises)):
        if (step.id in seen and not types - seen) or page.url.split("?")[0] != url:
            return
        exercise = course.exercise(page.locator("form.exercise input[name=exercise]").input_value())
        if exercise.type not in seen or step.id not in seen:
            audit.check(page, f"{step.id} [{exercise.type}]")
            seen |= {exercise.type, step.id}
        answer(page, exercise)
        outcome = page.locator("section.feedback").get_attribute("class").split()[-1]
        again = page.locator("section.feedback a[href*='again=1']").count() > 0
        label = f"feedback [{outcome}{', try again' if again else ''}]"
        if label not in seen:
            audit.check(page, label)
            seen.add(label)
        page.locator("section.feedback a.button.primary").click()
        page.wait_for_load_state()


def learner_audit(browser, live_server, course, register, language: str) -> Audit:
    audit = Audit(language)
    page = new_page(browser, live_server, language, PHONE)
    for path, label in VISITOR_PAGES:
        page.goto(path)
        audit.check(page, label)
    page.goto("/register")
    page.fill("#login", f"axe-{language}")
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD + "x")
    page.locator("main form button[type=submit]").click()
    assert page.locator("[aria-invalid=true]").count() == 1, "the confirmation does not match"
    audit.check(page, "register, with an error")

    register(page, f"axe-{language}", language, PASSWORD)
    audit.check(page, "home")
    page.goto("/courses")
    audit.check(page, "catalogue")
    page.goto(f"/courses/{course.id}")
    audit.check(page, "course map")
    lesson = course.units[0].lessons[0]
    seen: set[str] = set()
    for step in lesson.steps:
        page.goto(f"/courses/{course.id}/lessons/{lesson.id}/steps/{step.id}")
        if step.kind in ("video", "reading") or not step.exercises:
            audit.check(page, f"{step.id} [{step.kind}]")
        else:
            exercises_step(page, audit, course, step, seen)
    page.goto(f"/courses/{course.id}/lessons/{lesson.id}/result")
    audit.check(page, "lesson result")
    page.goto("/review")
    audit.check(page, "review")
    page.goto(f"/courses/{course.id}/textbook")
    audit.check(page, "textbook")
    for path, label in ACCOUNT_PAGES:
        page.goto(path)
        audit.check(page, label)
    page.context.close()
    return audit


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_learners_pages_have_no_serious_violation(
    axe_script, browser, live_server, course, register, language
):
    audit = learner_audit(browser, live_server, course, register, language)
    audit.save()
    assert audit.pages, "no page was checked"
    assert not audit.blocking(), "axe found serious violations:\n" + audit.blocking()


@pytest.fixture(scope="module")
def staff(browser, live_server, course, register, tmp_path_factory):
    """A platform admin, an org admin with a group, a trainer with a group that has an assigned
    lesson; {role: (page, [(label, path), ...])}, each page in a laptop-sized context."""
    live_server.cli("users", "create-admin", "axe-boss", "--password", PASSWORD)
    org_admin = new_page(browser, live_server, "en", LAPTOP)
    register(org_admin, "axe-org-admin", "en", PASSWORD)
    trainer = new_page(browser, live_server, "en", LAPTOP)
    register(trainer, "axe-trainer", "en", PASSWORD)
    boss = new_page(browser, live_server, "en", LAPTOP)
    boss.goto("/login")
    boss.fill("#login", "axe-boss")
    boss.fill("#password", PASSWORD)
    boss.locator("main form button[type=submit]").click()
    boss.goto("/org/")
    boss.fill("#org-name", "Axe Garments")
    boss.fill("#org-admin", "axe-org-admin")
    boss.locator("form[action$='/org/'] button[type=submit]").click()
    boss.wait_for_load_state()
    org = boss.url.removeprefix(live_server.url)
    org_admin.goto(org)
    org_admin.fill("#member-login", "axe-trainer")
    org_admin.select_option("#member-role", "trainer")
    org_admin.locator("form[action$='/members'] button[type=submit]").click()

    trainer.goto("/trainer/")
    trainer.fill("#group-name", "Line 3")
    trainer.locator("form[action$='/trainer/groups'] button[type=submit]").click()
    trainer.wait_for_load_state()
    lesson = course.units[0].lessons[0]
    trainer.select_option("#work", f"{course.id}/{lesson.id}")
    trainer.locator("form[action$='/assignments'] button[type=submit]").click()
    trainer.wait_for_load_state()
    group = trainer.url.removeprefix(live_server.url).split("?")[0]
    csv = tmp_path_factory.mktemp("axe") / "workers.csv"
    csv.write_text("name,username or phone,language,group\nSok Dara,0899990001,km,Line 3\n"
                   "Broken,,xx,Line 3\n", encoding="utf-8")  # fmt: skip

    def import_check(page) -> None:
        page.goto(f"{org}/workers/import")
        page.set_input_files("#file", str(csv))
        page.locator("main form button[type=submit]").click()

    pages = {
        "trainer": (trainer, [("home", "/"), ("groups", "/trainer/"), ("group", group),
                              ("group dashboard", f"{group}/dashboard")]),
        "org admin": (org_admin, [("home", "/"), ("organisation", org),
                                  ("groups", "/trainer/"), ("group", group),
                                  ("group dashboard", f"{group}/dashboard"),
                                  ("worker import", f"{org}/workers/import"),
                                  ("worker import checked", import_check),
                                  ("report", f"{org}/report")]),
        "platform admin": (boss, [("organisations", "/org/"), ("courses", "/admin/courses")]),
    }  # fmt: skip
    yield pages
    for page, _ in pages.values():
        page.context.close()


def visit(page, where: str | Callable) -> None:
    if callable(where):
        where(page)
    else:
        page.goto(where)


@pytest.mark.parametrize("language", ["en", "my"])
def test_staff_pages_have_no_serious_violation(axe_script, staff, language):
    audit = Audit(f"staff-{language}")
    for role, (page, visits) in staff.items():
        page.goto("/language")
        page.locator(f"main form button[value={language}]").click()
        page.wait_for_load_state()
        for label, where in visits:
            visit(page, where)
            audit.check(page, f"{role}: {label}")
    audit.save()
    assert not audit.blocking(), "axe found serious violations:\n" + audit.blocking()
