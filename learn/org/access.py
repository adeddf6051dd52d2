"""Who may see which organisation and group: every org and trainer page asks here first.

The rules: a platform admin sees every organisation; an org admin sees their organisations and
every group in them; a trainer sees the groups they own or co-train, in an organisation where
they are still a trainer or admin. Anything else is "not found" (the views answer 404, never
403, so that nobody learns that another organisation's group exists).
"""

from __future__ import annotations

from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import Session

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

STAFF = (OrgRole.ORG_ADMIN, OrgRole.TRAINER)


def is_platform_admin(user: User) -> bool:
    return user.is_authenticated and user.role == Role.ADMIN


def admin_orgs(session: Session, user: User) -> list[Organisation]:
    """The organisations this user administers (every one, for a platform admin)."""
    query = select(Organisation).order_by(Organisation.name, Organisation.id)
    if not is_platform_admin(user):
        query = query.join(Membership, Membership.org_id == Organisation.id).where(
            Membership.user_id == user.id, Membership.role == OrgRole.ORG_ADMIN
        )
    return list(session.scalars(query))


def staff_orgs(session: Session, user: User) -> list[Organisation]:
    """The organisations where this user may create groups: as trainer or org admin."""
    query = select(Organisation).order_by(Organisation.name, Organisation.id)
    if not is_platform_admin(user):
        query = query.join(Membership, Membership.org_id == Organisation.id).where(
            Membership.user_id == user.id, Membership.role.in_(STAFF)
        )
    return list(session.scalars(query))


def org_for_admin(session: Session, user: User, org_id: int) -> Organisation | None:
    """The organisation if this user administers it, else None."""
    org = session.get(Organisation, org_id)
    if org is None or is_platform_admin(user):
        return org
    role = session.scalar(
        select(Membership.role).where(Membership.org_id == org_id, Membership.user_id == user.id)
    )
    return org if role == OrgRole.ORG_ADMIN else None


def visible_groups(session: Session, user: User) -> list[Group]:
    """The groups this user may open as a trainer: co-trained, or in an org they administer."""
    query = select(Group).order_by(Group.name, Group.id)
    if not is_platform_admin(user):
        admin_of = select(Membership.org_id).where(
            Membership.user_id == user.id, Membership.role == OrgRole.ORG_ADMIN
        )
        staff_of = select(Membership.org_id).where(
            Membership.user_id == user.id, Membership.role.in_(STAFF)
        )
        trains = select(GroupMember.group_id).where(
            GroupMember.user_id == user.id, GroupMember.role == GroupRole.TRAINER
        )
        query = query.where(
            Group.org_id.in_(admin_of) | (Group.id.in_(trains) & Group.org_id.in_(staff_of))
        )
    return list(session.scalars(query))


# The group with the user's role in its organisation and in the group itself, in one
# statement built once: every page of a group asks it first.
_GROUP_AND_ROLES = (
    select(Group, Membership.role, GroupMember.role)
    .outerjoin(
        Membership,
        and_(Membership.org_id == Group.org_id, Membership.user_id == bindparam("user_id")),
    )
    .outerjoin(
        GroupMember,
        and_(GroupMember.group_id == Group.id, GroupMember.user_id == bindparam("user_id")),
    )
    .where(Group.id == bindparam("group_id"))
)


def group_for_trainer(session: Session, user: User, group_id: int) -> Group | None:
    """The group if this user may open it as a trainer, else None."""
    row = session.execute(_GROUP_AND_ROLES, {"user_id": user.id, "group_id": group_id}).first()
    if row is None:
        return None
    group, org_role, group_role = row
    if is_platform_admin(user) or org_role == OrgRole.ORG_ADMIN:
        return group
    if org_role != OrgRole.TRAINER:
        return None
    return group if group_role == GroupRole.TRAINER else None
