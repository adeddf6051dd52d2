"""Organisations and their people: a platform admin creates one, its admin manages roles."""

from __future__ import annotations

import pytest

from learn.extensions import db
from learn.models import GroupMember, Membership, Organisation, OrgRole


def _role(app, org_id, user_id):
    with app.app_context():
        membership = db.session.query(Membership).filter_by(org_id=org_id, user_id=user_id).first()
        return membership and membership.role


def test_platform_admin_creates_an_organisation_and_names_its_admin(app, world, login_as):
    client = login_as("root")
    response = client.submit("/org/", {"name": "  Mekong   NGO ", "admin": "LONER"})
    assert response.status_code == 302
    with app.app_context():
        org = db.session.query(Organisation).filter_by(name="Mekong NGO").one()
    assert _role(app, org.id, world.users["loner"]) == OrgRole.ORG_ADMIN
    assert "Mekong NGO" in login_as("loner").get("/org/").text


def test_an_unknown_admin_creates_nothing(app, world, login_as):
    client = login_as("root")
    response = client.submit("/org/", {"name": "Ghost", "admin": "nobody"})
    assert "No account has this username" in client.get(response.headers["Location"]).text
    with app.app_context():
        assert db.session.query(Organisation).filter_by(name="Ghost").count() == 0


def test_org_admin_adds_a_trainer_who_then_has_the_trainer_pages(app, world, login_as):
    org = world.orgs["a"]
    client = login_as("admin_a")
    client.submit(f"/org/{org}/members", {"login": "loner", "role": "trainer"}, page=f"/org/{org}")
    assert _role(app, org, world.users["loner"]) == OrgRole.TRAINER
    assert login_as("loner").get("/trainer/").status_code == 200


@pytest.mark.parametrize("role", ["org_admin", "trainer", "learner"])
def test_org_admin_changes_roles(app, world, login_as, role):
    org, learner = world.orgs["a"], world.users["learner_a"]
    client = login_as("admin_a")
    client.submit(f"/org/{org}/members/{learner}", {"role": role}, page=f"/org/{org}")
    assert _role(app, org, learner) == role


def test_removing_someone_takes_them_out_of_the_groups_too(app, world, login_as):
    org, learner = world.orgs["a"], world.users["learner_a"]
    client = login_as("admin_a")
    client.submit(f"/org/{org}/members/{learner}", {"action": "remove"}, page=f"/org/{org}")
    assert _role(app, org, learner) is None
    with app.app_context():
        assert db.session.query(GroupMember).filter_by(user_id=learner).count() == 0


def test_admin_cannot_change_their_own_role(app, world, login_as):
    org, me = world.orgs["a"], world.users["admin_a"]
    client = login_as("admin_a")
    client.submit(f"/org/{org}/members/{me}", {"role": "learner"}, page=f"/org/{org}")
    assert _role(app, org, me) == OrgRole.ORG_ADMIN


def test_a_bad_role_is_refused(world, login_as):
    org = world.orgs["a"]
    client = login_as("admin_a")
    response = client.submit(
        f"/org/{org}/members", {"login": "loner", "role": "boss"}, page=f"/org/{org}"
    )
    assert response.status_code == 400


def test_someone_of_another_org_cannot_be_changed_through_this_one(app, world, login_as):
    org = world.orgs["a"]
    client = login_as("admin_a")
    response = client.submit(
        f"/org/{org}/members/{world.users['learner_b']}", {"role": "trainer"}, page=f"/org/{org}"
    )
    assert response.status_code == 404
    assert _role(app, world.orgs["b"], world.users["learner_b"]) == OrgRole.LEARNER
