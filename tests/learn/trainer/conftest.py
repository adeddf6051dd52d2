"""Fixtures for the trainer and organisation pages: people in organisations and groups.

`tests/learn/org/conftest.py` loads this file too, so both folders share one set of factories.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from learn.auth.accounts import hash_password
from learn.extensions import db
from learn.models import (
    Group,
    GroupMember,
    GroupRole,
    Membership,
    Organisation,
    OrgRole,
    Role,
    User,
)
from learn.trainer.groups import new_join_code

PASSWORD = "correct horse"
# One hash for every made-up account: argon2 takes a sixth of a second per hash.
_HASH: list[str] = []


def _hash() -> str:
    if not _HASH:
        _HASH.append(hash_password(PASSWORD))
    return _HASH[0]


@dataclass
class World:
    """Ids of what a test set up, so that it can log in as anyone and open anything."""

    users: dict[str, int]
    orgs: dict[str, int]
    groups: dict[str, int]


class Factory:
    """Make people, organisations and groups straight in the database (fast, no pages)."""

    def __init__(self, app) -> None:
        self.app = app
        self.users: dict[str, int] = {}

    def user(self, login: str, role: Role = Role.LEARNER, language: str = "en", name: str = ""):
        with self.app.app_context():
            user = User(
                username=login,
                display_name=name,
                password_hash=_hash(),
                language=language,
                role=role,
            )
            db.session.add(user)
            db.session.commit()
            self.users[login] = user.id
            return user.id

    def org(self, name: str, **people: OrgRole) -> int:
        """An organisation with existing users (by login) in the given roles."""
        with self.app.app_context():
            org = Organisation(name=name)
            db.session.add(org)
            db.session.flush()
            for login, role in people.items():
                user = db.session.query(User).filter_by(username=login).one()
                db.session.add(Membership(org_id=org.id, user_id=user.id, role=role))
            db.session.commit()
            return org.id

    def group(self, org_id: int, name: str, trainers=(), learners=()) -> int:
        with self.app.app_context():
            group = Group(org_id=org_id, name=name, join_code=new_join_code(db.session))
            db.session.add(group)
            db.session.flush()
            for logins, role in ((trainers, GroupRole.TRAINER), (learners, GroupRole.LEARNER)):
                for login in logins:
                    user = db.session.query(User).filter_by(username=login).one()
                    db.session.add(GroupMember(group_id=group.id, user_id=user.id, role=role))
            db.session.commit()
            return group.id


@pytest.fixture
def make(app) -> Factory:
    return Factory(app)


@pytest.fixture
def world(make) -> World:
    """Two organisations, A and B, each with an admin, a trainer, a learner and a group;
    a platform admin; and a learner in no organisation."""
    users = {
        login: make.user(login, role)
        for login, role in [
            ("root", Role.ADMIN),
            ("admin_a", Role.LEARNER),
            ("trainer_a", Role.LEARNER),
            ("learner_a", Role.LEARNER),
            ("admin_b", Role.LEARNER),
            ("trainer_b", Role.LEARNER),
            ("learner_b", Role.LEARNER),
            ("loner", Role.LEARNER),
        ]
    }
    orgs, groups = {}, {}
    for side in "ab":
        orgs[side] = make.org(
            f"Org {side.upper()}",
            **{
                f"admin_{side}": OrgRole.ORG_ADMIN,
                f"trainer_{side}": OrgRole.TRAINER,
                f"learner_{side}": OrgRole.LEARNER,
            },
        )
        groups[side] = make.group(
            orgs[side], f"Group {side.upper()}", [f"trainer_{side}"], [f"learner_{side}"]
        )
    return World(users, orgs, groups)


@pytest.fixture
def login_as(client, make):
    """Be logged in as one of the made-up accounts, by their login.

    The session is written directly, as Flask-Login would after a real login: a real login
    costs an argon2 check (a sixth of a second) and the login page has its own tests.
    """

    def login(who: str):
        with client.session_transaction() as session:
            session.clear()
            session["_user_id"] = str(make.users[who])
            session["_fresh"] = True
        return client

    return login
