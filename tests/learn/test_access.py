"""Access control of every route outside the org and trainer blueprints (those have their own
matrix in tests/learn/org/test_access.py): each kind of user against each route.

The route list comes from the app's URL map: a route added without a line in RULES fails
`test_every_route_has_a_rule`. A learner's own things (review cards) are 404 for anyone else,
as if they did not exist; the admin pages are 403 for the signed-in who are not admins.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from learn.extensions import db
from learn.models import ReviewCard, Role, User
from learn.textbooks import jobs

ROLES = ("anonymous", "owner", "other", "admin")
SIGNED_IN = {"owner", "other", "admin"}
LESSON = "/courses/mini/lessons/hello"
STEP = f"{LESSON}/steps/hello-video"

# endpoint -> (method, url, who may use it, what the others get: "404", "403" or "login")
RULES = {
    "static": ("GET", "/static/css/app.css", "everyone", None),
    "main.home": ("GET", "/", "everyone", None),
    "main.healthz": ("GET", "/healthz", "everyone", None),
    "auth.register_view": ("GET", "/register", "everyone", None),
    "auth.login": ("GET", "/login", "everyone", None),
    "auth.language": ("GET", "/language", "everyone", None),
    "learner.courses": ("GET", "/courses", "everyone", None),
    "learner.course_map": ("GET", "/courses/mini", "everyone", None),
    "learner.save_data_setting": ("POST", "/settings/save-data", "everyone", None),
    "learner.web_manifest": ("GET", "/manifest.webmanifest", "everyone", None),
    "learner.service_worker": ("GET", "/sw.js", "everyone", None),
    "learner.offline_page": ("GET", "/offline", "everyone", None),
    "media.file": ("GET", "/media/mini-hello/original", "everyone", None),
    "media.thumbnail": ("GET", "/media/mini-hello/thumbnail.jpg", "everyone", None),
    "media.captions": ("GET", "/media/mini-hello/captions/en.vtt", "everyone", None),
    "textbooks.page": ("GET", "/courses/mini/textbook", "everyone", None),
    "textbooks.download": ("GET", "/textbooks/mini/en.pdf", "everyone", None),
    "auth.password": ("GET", "/account/password", SIGNED_IN, "login"),
    "learner.lesson": ("GET", LESSON, SIGNED_IN, "login"),
    "learner.step": ("GET", STEP, SIGNED_IN, "login"),
    "learner.result": ("GET", f"{LESSON}/result", SIGNED_IN, "login"),
    "learner.answer": ("POST", f"{LESSON}/steps/hello-practice/answer", SIGNED_IN, "login"),
    "learner.step_done": ("POST", f"{STEP}/done", SIGNED_IN, "login"),
    "learner.watch": ("POST", f"{STEP}/watch", SIGNED_IN, "login"),
    "learner.offline_package": ("GET", f"{LESSON}/offline.json", SIGNED_IN, "login"),
    "learner.offline_saved": ("GET", f"{STEP}/saved", SIGNED_IN, "login"),
    "learner.sync": ("POST", "/sync", SIGNED_IN, "login"),
    "practice.review": ("GET", "/review", SIGNED_IN, "login"),
    "practice.answer": ("POST", "/review/{card}", {"owner"}, "404"),
    "textbooks.workbook_page": ("GET", "/courses/mini/workbook", SIGNED_IN, "login"),
    "textbooks.workbook_download": (
        "GET",
        "/courses/mini/workbook.pdf?lang=en",
        SIGNED_IN,
        "login",
    ),
    "admin.courses": ("GET", "/admin/courses", {"admin"}, "403"),
    "auth.logout": ("POST", "/logout", SIGNED_IN, "login"),  # last: it ends the session
}


def test_every_route_has_a_rule(app):
    endpoints = {
        r.endpoint
        for r in app.url_map.iter_rules()
        if not r.endpoint.startswith(("org.", "trainer."))
    }
    assert endpoints == set(RULES), "give every new route a line in RULES"


@pytest.fixture
def card(app, client, auth, monkeypatch):
    """The owner's review card; the owner, the other learner and the admin exist."""
    monkeypatch.setattr(jobs, "start", lambda *args, **kwargs: False)  # no real renders here
    for login in ("other", "admin", "owner"):
        auth.logout()
        auth.register(login=login)
    client.submit(f"{STEP}/done", {"uuid": str(uuid.uuid4())}, page=STEP)
    auth.logout()
    with app.app_context():
        db.session.scalar(select(User).where(User.username == "admin")).role = Role.ADMIN
        db.session.commit()
        return db.session.scalars(select(ReviewCard.id)).first()


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(app, client, auth, card, role):
    if role != "anonymous":
        auth.login(login=role)
    app.config["WTF_CSRF_ENABLED"] = False  # the matrix is about access, not forms
    problems = []
    for endpoint, (method, url, allowed, refused) in RULES.items():
        response = client.open(url.format(card=card), method=method)
        status = response.status_code
        response.close()
        if allowed == "everyone" or role in allowed:
            ok, expected = status != 404 and status < 500, "access"
            if refused == "login" and status == 302:
                ok = "/login" not in response.headers["Location"]
        elif role == "anonymous" or refused == "login":
            ok, expected = status == 302 and "/login" in response.headers["Location"], "login"
        else:
            ok, expected = status == int(refused), refused
        if not ok:
            problems.append(f"{endpoint} {method} {url}: {status}, expected {expected}")
    assert not problems, "\n".join(problems)
