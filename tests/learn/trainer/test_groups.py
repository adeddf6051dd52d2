"""Groups: creating one, its join code and QR code, joining by code, co-trainers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learn.extensions import db
from learn.models import Group, GroupMember, GroupRole, Membership, OrgRole, User
from learn.trainer.groups import CODE_ALPHABET, normalise_code


@pytest.mark.parametrize(
    "typed, code",
    [
        ("ABCD2345", "ABCD2345"),
        ("abcd2345", "ABCD2345"),
        (" abcd-2345 ", "ABCD2345"),
        ("ABCD 2345", "ABCD2345"),
        ("ＡＢＣＤ２３４５", "ABCD2345"),  # full-width, as some phone keyboards type
        ("ABCD0345", None),  # 0 is never in a code: it looks like O
        ("ABCD1345", None),
        ("ABCDO345", None),
        ("ABCDI345", None),
        ("ABC2345", None),
        ("ABCD23456", None),
        ("", None),
    ],
)
def test_typed_codes_are_normalised_or_refused(typed, code):
    assert normalise_code(typed) == code


@given(st.text(max_size=30))
def test_normalise_code_never_crashes(text):
    code = normalise_code(text)
    assert code is None or (len(code) == 8 and set(code) <= set(CODE_ALPHABET))


def test_alphabet_has_no_lookalikes():
    assert not set("0O1IL") & set(CODE_ALPHABET)


def test_trainer_creates_a_group_with_code_and_qr(app, world, login_as):
    client = login_as("trainer_a")
    response = client.submit(
        "/trainer/groups", {"name": "  Night   shift  ", "org": world.orgs["a"]}, page="/trainer/"
    )
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<h1>Night shift</h1>" in page
    with app.app_context():
        group = db.session.query(Group).filter_by(name="Night shift").one()
        assert re.fullmatch(f"[{CODE_ALPHABET}]{{8}}", group.join_code)
        trainer = db.session.get(GroupMember, (group.id, world.users["trainer_a"]))
        assert trainer.role == GroupRole.TRAINER
    assert group.join_code in page
    assert "<svg" in page and 'class="qr"' in page
    assert f"/join/{group.join_code}" in page


def test_trainer_cannot_create_a_group_in_another_org(world, login_as):
    client = login_as("trainer_a")
    response = client.submit(
        "/trainer/groups", {"name": "Sneaky", "org": world.orgs["b"]}, page="/trainer/"
    )
    assert response.status_code == 404


def test_group_name_is_required(world, login_as):
    client = login_as("trainer_a")
    response = client.submit(
        "/trainer/groups", {"name": "   ", "org": world.orgs["a"]}, page="/trainer/"
    )
    assert "Please give the group a name." in client.get(response.headers["Location"]).text


def _code(app, group_id: int) -> str:
    with app.app_context():
        return db.session.get(Group, group_id).join_code


def test_learner_joins_with_the_code(app, world, login_as):
    code = _code(app, world.groups["a"])
    client = login_as("loner")
    page = client.get(f"/join/{code.lower()}").get_data(as_text=True)
    assert "Join the group Group A" in page
    assert "Org A" in page
    response = client.submit(f"/join/{code}", {})
    assert response.status_code == 302
    with app.app_context():
        member = db.session.get(GroupMember, (world.groups["a"], world.users["loner"]))
        assert member.role == GroupRole.LEARNER
        membership = db.session.query(Membership).filter_by(user_id=world.users["loner"]).one()
        assert membership.role == OrgRole.LEARNER
    again = client.submit(f"/join/{code}", {})
    assert "You are already in this group." in client.get(again.headers["Location"]).text


def test_a_learner_may_be_in_groups_of_two_orgs(app, world, login_as):
    client = login_as("learner_a")
    client.submit(f"/join/{_code(app, world.groups['b'])}", {})
    with app.app_context():
        orgs = {
            m.org_id
            for m in db.session.query(Membership).filter_by(user_id=world.users["learner_a"])
        }
    assert orgs == {world.orgs["a"], world.orgs["b"]}


def test_joining_keeps_a_trainers_role(app, world, login_as):
    client = login_as("trainer_a")
    client.submit(f"/join/{_code(app, world.groups['a'])}", {})
    with app.app_context():
        membership = (
            db.session.query(Membership)
            .filter_by(user_id=world.users["trainer_a"], org_id=world.orgs["a"])
            .one()
        )
        assert membership.role == OrgRole.TRAINER


def test_visitor_logs_in_then_comes_back_to_join(app, world, client, auth):
    code = _code(app, world.groups["a"])
    page = client.get(f"/join/{code}").get_data(as_text=True)
    assert f"/login?next=/join/{code}" in page
    auth.login("loner", "correct horse")
    home = client.get("/").get_data(as_text=True)
    # The code the visitor opened is remembered: home offers to join.
    assert "You were invited to the group Group A" in home


def test_unknown_code_is_not_found(world, login_as):
    client = login_as("loner")
    assert client.get("/join/ABCDEFGH").status_code == 404
    assert client.get("/join/not-a-code").status_code == 404


def test_typed_code_leads_to_the_group(app, world, login_as):
    code = _code(app, world.groups["a"])
    client = login_as("loner")
    response = client.submit("/join", {"code": f" {code[:4].lower()}-{code[4:]} "})
    assert response.headers["Location"] == f"/join/{code}"


def test_new_code_retires_the_old(app, world, login_as):
    old = _code(app, world.groups["a"])
    client = login_as("trainer_a")
    client.submit(
        f"/trainer/groups/{world.groups['a']}/code", {}, page=f"/trainer/groups/{world.groups['a']}"
    )
    new = _code(app, world.groups["a"])
    assert new != old
    assert client.get(f"/join/{old}").status_code == 404
    assert client.get(f"/join/{new}").status_code == 200


def test_org_admin_adds_a_co_trainer_who_then_sees_the_group(app, world, make, login_as):
    new = make.user("trainer_a2")
    with app.app_context():
        db.session.add(Membership(org_id=world.orgs["a"], user_id=new, role=OrgRole.TRAINER))
        db.session.commit()
    group = world.groups["a"]
    client = login_as("trainer_a2")
    assert client.get(f"/trainer/groups/{group}").status_code == 404
    client = login_as("admin_a")
    client.submit(
        f"/trainer/groups/{group}/trainers", {"user": new}, page=f"/trainer/groups/{group}"
    )
    client = login_as("trainer_a2")
    assert client.get(f"/trainer/groups/{group}").status_code == 200
    assert "Group A" in client.get("/trainer/").text


def test_a_learner_cannot_be_made_co_trainer(app, world, login_as):
    group = world.groups["a"]
    client = login_as("trainer_a")
    response = client.submit(
        f"/trainer/groups/{group}/trainers",
        {"user": world.users["learner_a"]},
        page=f"/trainer/groups/{group}",
    )
    assert "Only trainers of this organisation" in client.get(response.headers["Location"]).text
    with app.app_context():
        member = db.session.get(GroupMember, (group, world.users["learner_a"]))
        assert member.role == GroupRole.LEARNER


@pytest.mark.parametrize(
    "who, groups_link, orgs_link",
    [
        ("learner_a", False, False),
        ("trainer_a", True, False),
        ("admin_a", True, True),
        ("root", True, True),
    ],
)
def test_home_links_to_the_pages_of_each_role(world, login_as, who, groups_link, orgs_link):
    home = login_as(who).get("/").get_data(as_text=True)
    assert ('href="/trainer/"' in home) is groups_link
    assert ('href="/org/"' in home) is orgs_link


def test_trainer_renames_the_group(app, world, login_as):
    group = world.groups["a"]
    client = login_as("trainer_a")
    client.submit(
        f"/trainer/groups/{group}/name", {"name": "Day shift"}, page=f"/trainer/groups/{group}"
    )
    with app.app_context():
        assert db.session.get(Group, group).name == "Day shift"


def test_only_an_org_admin_deletes_a_group_and_accounts_stay(app, world, login_as):
    group = world.groups["a"]
    page = login_as("trainer_a").get(f"/trainer/groups/{group}").text
    assert "Delete the group" not in page
    client = login_as("admin_a")
    assert "Delete the group" in client.get(f"/trainer/groups/{group}").text
    response = client.submit(f"/trainer/groups/{group}/delete", {}, page=f"/trainer/groups/{group}")
    assert response.headers["Location"] == f"/org/{world.orgs['a']}"
    with app.app_context():
        assert db.session.get(Group, group) is None
        assert db.session.get(User, world.users["learner_a"]) is not None


def test_visitor_registers_then_joins_from_home(app, world, client, auth):
    code = _code(app, world.groups["a"])
    client.get(f"/join/{code}")
    auth.register(login="newworker", language="km")
    home = client.get("/").get_data(as_text=True)
    assert f'href="/join/{code}"' in home
    client.submit(f"/join/{code}", {})
    with app.app_context():
        user = db.session.query(User).filter_by(username="newworker").one()
        assert db.session.get(GroupMember, (world.groups["a"], user.id)) is not None
    assert f'href="/join/{code}"' not in client.get("/").get_data(as_text=True)


def test_a_group_name_typed_in_zawgyi_is_stored_in_unicode():
    from learn.trainer.groups import clean_name

    assert clean_name("ေက်ာင္းသား  အုပ္စု") == "ကျောင်းသား အုပ်စု"
