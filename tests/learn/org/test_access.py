"""The access-control matrix: every org and trainer route against every kind of user.

Everything here belongs to organisation A. Anyone who may not see it gets 404, exactly as if
it did not exist (never 403). The route list comes from the app's URL map: a route added to
the `org` or `trainer` blueprint without a line in RULES fails `test_every_route_has_a_rule`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from learn.extensions import db
from learn.models import (
    Assignment,
    Certificate,
    Group,
    GroupMember,
    GroupRole,
    Membership,
    OrgRole,
    User,
)

ROLES = (
    "anonymous",
    "loner",  # a learner in no organisation
    "learner_a",
    "learner_b",
    "trainer_a",
    "trainer_b",
    "admin_a",
    "admin_b",
    "root",  # platform admin
)
ADMINS_A = {"admin_a", "root"}
STAFF_A = {"trainer_a", "admin_a", "root"}
EVERYONE = set(ROLES) - {"anonymous"}


@dataclass(frozen=True)
class Rule:
    method: str
    url: str  # formatted with the ids of the fixture
    allowed: frozenset[str]
    data: tuple = ()
    public: bool = False  # anonymous visitors may open it too


def rule(method, url, allowed, data=(), public=False) -> Rule:
    return Rule(method, url, frozenset(allowed), tuple(data), public)


# Destructive routes come last, so that one role's run sees everything still in place.
RULES = {
    "org.index": rule("GET", "/org/", {"admin_a", "admin_b", "root"}),
    "org.detail": rule("GET", "/org/{org}", ADMINS_A),
    "org.import_workers": rule("GET", "/org/{org}/workers/import", ADMINS_A),
    "org.check_workers": rule("POST", "/org/{org}/workers/import", ADMINS_A),
    "org.create": rule("POST", "/org/{org}/workers/create", ADMINS_A, [("text", "name\n")]),
    "org.report": rule("GET", "/org/{org}/report", ADMINS_A),
    "org.report_export": rule("GET", "/org/{org}/report.csv", ADMINS_A),
    "org.new_cards": rule("POST", "/org/{org}/groups/{group}/cards", ADMINS_A),
    "org.add_member": rule(
        "POST", "/org/{org}/members", ADMINS_A, [("login", "loner"), ("role", "learner")]
    ),
    "org.change_member": rule(
        "POST", "/org/{org}/members/{extra}", ADMINS_A, [("role", "trainer")]
    ),
    "org.new_org": rule("POST", "/org/", {"root"}, [("name", "New"), ("admin", "loner")]),
    "org.mine": rule("GET", "/account/organisations", EVERYONE),
    "org.worker": rule("GET", "/org/{org}/workers/{extra}", ADMINS_A),
    "org.issue_certificate": rule("POST", "/org/{org}/workers/{extra}/certificates/mini", ADMINS_A),
    "org.certificate_pdf": rule("GET", "/org/{org}/certificates/{certificate}.pdf", ADMINS_A),
    "org.my_certificate_pdf": rule("GET", "/account/certificates/{certificate}.pdf", {"learner_a"}),
    "org.verify_form": rule("GET", "/verify", EVERYONE, public=True),
    "org.verify": rule("GET", "/verify/{certificate}", EVERYONE, public=True),
    "trainer.index": rule("GET", "/trainer/", STAFF_A | {"trainer_b", "admin_b"}),
    "trainer.new_group": rule(
        "POST", "/trainer/groups", STAFF_A, [("org", "{org}"), ("name", "N")]
    ),
    "trainer.group": rule("GET", "/trainer/groups/{group}", STAFF_A),
    "trainer.dashboard": rule("GET", "/trainer/groups/{group}/dashboard", STAFF_A),
    "trainer.new_assignment": rule(
        "POST", "/trainer/groups/{group}/assignments", STAFF_A, [("work", "mini/hello")]
    ),
    "trainer.add_co_trainer": rule(
        "POST", "/trainer/groups/{group}/trainers", STAFF_A, [("user", "{trainer}")]
    ),
    "trainer.join_form": rule("GET", "/join", EVERYONE, public=True),
    "trainer.join": rule("GET", "/join/{code}", EVERYONE, public=True),
    "trainer.rename": rule("POST", "/trainer/groups/{group}/name", STAFF_A, [("name", "A")]),
    "trainer.new_code": rule("POST", "/trainer/groups/{group}/code", STAFF_A),
    "trainer.delete_assignment": rule(
        "POST", "/trainer/groups/{group}/assignments/{assignment}/delete", STAFF_A
    ),
    "trainer.remove": rule("POST", "/trainer/groups/{group}/members/{extra}/remove", STAFF_A),
    "trainer.delete_group": rule("POST", "/trainer/groups/{group}/delete", ADMINS_A),
    "org.answers_consent": rule(
        "POST", "/account/organisations/{org}/answers", {"learner_a", "trainer_a", "admin_a"}
    ),
    "org.leave": rule(
        "POST", "/account/organisations/{org}/leave", {"learner_a", "trainer_a", "admin_a"}
    ),
}


def test_every_route_has_a_rule(app):
    endpoints = {
        r.endpoint for r in app.url_map.iter_rules() if r.endpoint.startswith(("org.", "trainer."))
    }
    assert endpoints == set(RULES), "give every new org/trainer route a line in RULES"


def test_every_rule_uses_the_routes_method(app):
    methods = {r.endpoint: r.methods for r in app.url_map.iter_rules()}
    for endpoint, each in RULES.items():
        assert each.method in methods[endpoint], endpoint


@pytest.fixture
def ids(app, world, make):
    """The ids the URLs need: org A, its group, an assignment and a member to change."""
    extra = make.user("extra_a")
    with app.app_context():
        db.session.add(Membership(org_id=world.orgs["a"], user_id=extra, role=OrgRole.LEARNER))
        db.session.add(
            GroupMember(group_id=world.groups["a"], user_id=extra, role=GroupRole.LEARNER)
        )
        assignment = Assignment(group_id=world.groups["a"], course_id="mini", lesson_id="hello")
        db.session.add(assignment)
        certificate = Certificate(
            code="ABCDEFGHJKMN",
            user_id=world.users["learner_a"],
            org_id=world.orgs["a"],
            course_id="mini",
            name="Extra",
            language="en",
            course_title={"en": "First Thai"},
            org_name="Org A",
            completed_on=date(2026, 11, 20),
        )
        db.session.add(certificate)
        db.session.commit()
        code = db.session.get(Group, world.groups["a"]).join_code
        return {
            "org": world.orgs["a"],
            "group": world.groups["a"],
            "assignment": assignment.id,
            "extra": extra,
            "trainer": world.users["trainer_a"],
            "code": code,
            "certificate": certificate.code,
        }


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(app, client, ids, login_as, role):
    """Each kind of user against every route: allowed works, anything else is 404 or login."""
    app.config["WTF_CSRF_ENABLED"] = False  # the matrix is about access, not forms
    if role != "anonymous":
        login_as(role)
    problems = []
    for endpoint, each in RULES.items():
        url = each.url.format(**ids)
        data = {key: value.format(**ids) for key, value in each.data}
        response = client.open(url, method=each.method, data=data)
        status = response.status_code
        if role == "anonymous" and not each.public:
            ok = status == 302 and "/login" in response.headers["Location"]
            expected = "a redirect to the login page"
        elif role in each.allowed or (role == "anonymous" and each.public):
            ok = status != 404 and status < 500
            expected = "access"
        else:
            ok = status == 404
            expected = "404"
        if not ok:
            problems.append(f"{endpoint} {each.method} {url}: {status}, expected {expected}")
    assert not problems, "\n".join(problems)


def test_other_orgs_people_see_nothing_of_org_a_on_their_pages(app, ids, login_as):
    """Lists are scoped too: B's trainer and admin never see A's group or people."""
    for who in ("trainer_b", "admin_b"):
        client = login_as(who)
        for path in ("/trainer/", "/org/", "/"):
            page = client.get(path).get_data(as_text=True)
            assert "Group A" not in page and "Org A" not in page, (who, path)
    with app.app_context():
        assert db.session.get(User, ids["extra"]) is not None
