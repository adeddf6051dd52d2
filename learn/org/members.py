"""Organisation services: creating organisations, adding people, changing and ending roles.

Services take the session, add and flush, and never commit: the view owns the transaction.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from learn.auth.accounts import AccountError, find_user, normalise_login
from learn.forms import clean_text
from learn.models import Group, GroupMember, Membership, Organisation, OrgRole, User


class OrgError(Exception):
    """A refusal the admin can act on; `code` picks the translated message."""

    def __init__(self, code: str, **data: object) -> None:
        super().__init__(code)
        self.code = code
        self.data = data


def create_org(session: Session, name: str) -> Organisation:
    name = clean_text(name) or ""  # NFC, Zawgyi to Unicode, spaces tidied
    if not name:
        raise OrgError("name_missing")
    if len(name) > 120:
        raise OrgError("name_long", max=120)
    org = Organisation(name=name)
    session.add(org)
    session.flush()
    return org


def user_by_login(session: Session, raw_login: str) -> User:
    try:
        login = normalise_login(raw_login)
    except AccountError:
        raise OrgError("no_such_user") from None
    user = find_user(session, login)
    if user is None:
        raise OrgError("no_such_user")
    return user


def set_member(session: Session, org: Organisation, user: User, role: OrgRole) -> Membership:
    """Add the person to the organisation with `role`, or change the role they have there."""
    membership = session.scalar(
        select(Membership).where(Membership.org_id == org.id, Membership.user_id == user.id)
    )
    if membership is None:
        membership = Membership(org_id=org.id, user_id=user.id, role=role)
        session.add(membership)
    else:
        membership.role = role
    session.flush()
    return membership


def remove_from_org(session: Session, org_id: int, user_id: int) -> None:
    """End a membership, and with it every group place the person had in that organisation."""
    in_org = select(Group.id).where(Group.org_id == org_id)
    session.execute(
        delete(GroupMember).where(GroupMember.user_id == user_id, GroupMember.group_id.in_(in_org))
    )
    session.execute(
        delete(Membership).where(Membership.org_id == org_id, Membership.user_id == user_id)
    )
    session.flush()


def org_members(session: Session, org: Organisation) -> list[tuple[User, OrgRole]]:
    """Everyone in the organisation with their role there: admins, trainers, then learners."""
    rows = session.execute(
        select(User, Membership.role)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.org_id == org.id)
    ).all()
    order = {OrgRole.ORG_ADMIN: 0, OrgRole.TRAINER: 1, OrgRole.LEARNER: 2}
    return sorted(((u, r) for u, r in rows), key=lambda row: (order[row[1]], row[0].name))


def memberships_of(session: Session, user_id: int) -> list[tuple[Organisation, OrgRole]]:
    """The organisations a person belongs to, for their own privacy page."""
    return list(
        session.execute(
            select(Organisation, Membership.role)
            .join(Membership, Membership.org_id == Organisation.id)
            .where(Membership.user_id == user_id)
            .order_by(Organisation.name)
        ).all()
    )


def sharing_answers(session: Session, user_id: int) -> set[int]:
    """The ids of the organisations this person lets see each of their answers."""
    return set(
        session.scalars(
            select(Membership.org_id).where(
                Membership.user_id == user_id, Membership.shares_answers.is_(True)
            )
        )
    )


def share_answers(session: Session, org_id: int, user_id: int, share: bool) -> bool:
    """Give or take back the consent; False when the person is not in the organisation."""
    membership = session.scalar(
        select(Membership).where(Membership.org_id == org_id, Membership.user_id == user_id)
    )
    if membership is None:
        return False
    membership.shares_answers = share
    session.flush()
    return True
