"""What a learner with a small screen, big thumbs or a keyboard needs, checked in Chromium at
360 px: every field labelled, the focus visible, every tap target at least 44 px."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MIN_TAP = 44
# The tap target of each control (a radio's or a checkbox's is its label), its size, and
# whether it is a link inside running text (WCAG 2.5.5 exempts those: they sit in a line).
TARGETS = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .filter(el => el.offsetParent !== null)
  .map(el => {
    const small = el.type === 'radio' || el.type === 'checkbox';
    const target = (small && el.closest('label')) || el;
    const box = target.getBoundingClientRect();
    const inline = el.tagName === 'A' && !!el.closest('p, li:not(.menu > li), td');
    return {what: el.outerHTML.slice(0, 90), width: Math.round(box.width),
            height: Math.round(box.height), inline};
  })"""
UNLABELLED = """() => [...document.querySelectorAll(
    'input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea')]
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 90))"""
FOCUS_SHOWN = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return el === document.body || (style.outlineStyle !== 'none' && style.outlineWidth !== '0px')
         || style.boxShadow !== 'none';
}"""


def learner_pages(browser, live_server, course, language: str):
    """A logged-in learner's page in `language`, and the paths of the main pages."""
    context = browser.new_context(viewport={"width": 360, "height": 740},
                                  base_url=live_server.url)  # fmt: skip
    page = context.new_page()
    page.goto("/register")
    page.fill("#login", f"a11y-{language}")
    page.fill("#password", "ngapyaw-thee-25")
    page.fill("#confirm", "ngapyaw-thee-25")
    page.check(f"input[name=language][value={language}]")
    page.locator("form button[type=submit].primary").click()
    page.wait_for_load_state()
    lesson = course.units[0].lessons[0]
    paths = ["/", f"/courses/{course.id}", "/review", f"/courses/{course.id}/textbook"]
    paths += [f"/courses/{course.id}/lessons/{lesson.id}/steps/{s.id}" for s in lesson.steps]
    return page, paths


@pytest.fixture(scope="module")
def main_pages(browser, live_server, course):
    """The main pages of a Burmese-speaking learner."""
    page, paths = learner_pages(browser, live_server, course, "my")
    yield page, paths
    page.context.close()


@pytest.fixture(scope="module", params=["my", "km", "lo"])
def main_pages_each_language(request, browser, live_server, course):
    """The main pages in each learner language: longer words make wider buttons."""
    page, paths = learner_pages(browser, live_server, course, request.param)
    yield page, paths
    page.context.close()


def visit(main_pages, index):
    page, paths = main_pages
    if index >= len(paths):
        pytest.skip("the lesson has fewer steps")
    page.goto(paths[index])
    return page, paths[index]


PAGES = range(10)


@pytest.mark.parametrize("index", PAGES)
def test_tap_targets_are_at_least_44_px(main_pages_each_language, index):
    page, path = visit(main_pages_each_language, index)
    small = [
        t for t in page.evaluate(TARGETS)
        if not t["inline"] and (t["width"] < MIN_TAP or t["height"] < MIN_TAP)
    ]  # fmt: skip
    assert not small, f"{path}: " + "\n".join(
        f"{t['width']}x{t['height']} {t['what']}" for t in small
    )


@pytest.mark.parametrize("index", PAGES)
def test_every_field_is_labelled(main_pages, index):
    page, path = visit(main_pages, index)
    assert page.evaluate(UNLABELLED) == [], path


@pytest.mark.parametrize("index", PAGES)
def test_the_keyboard_focus_is_visible(main_pages, index):
    page, path = visit(main_pages, index)
    for _ in range(12):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_SHOWN), (
            f"{path}: no focus ring on " + page.evaluate("document.activeElement.outerHTML")[:90]
        )


@pytest.mark.parametrize("path", ["/register", "/login"])
def test_form_fields_carry_no_placeholder_attribute_values(phone, path):
    phone.goto(path)
    bad = phone.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea')].flatMap(el =>
             [...el.attributes].filter(a => a.value === 'None').map(a => el.id + ' ' + a.name))"""
    )
    assert bad == [], f"{path}: autocomplete/inputmode must be left out, not 'None'"
