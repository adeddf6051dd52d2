"""Views for organisation admins: organisations, their members and groups; a learner's own list.

Every page looks the organisation up through `learn.org.access`: someone who may not see it
gets 404, exactly as if it did not exist.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from learn.extensions import db
from learn.models import Certificate, Group, Organisation, OrgRole
from learn.org import bp
from learn.org.access import admin_orgs, is_platform_admin, org_for_admin
from learn.org.members import (
    OrgError,
    create_org,
    memberships_of,
    org_members,
    remove_from_org,
    set_member,
    share_answers,
    sharing_answers,
    user_by_login,
)


def role_names() -> dict[str, str]:
    return {
        OrgRole.ORG_ADMIN.value: _("organisation admin"),
        OrgRole.TRAINER.value: _("trainer"),
        OrgRole.LEARNER.value: _("learner"),
    }


@bp.context_processor
def _role_names() -> dict:
    return {"role_names": role_names()}


def org_error_message(error: OrgError) -> str:
    return {
        "name_missing": lambda: _("Please give the organisation a name."),
        "name_long": lambda: _("Use at most %(max)s characters.", max=error.data.get("max")),
        "no_such_user": lambda: _("No account has this username or phone number."),
    }[error.code]()


def org_or_404(org_id: int) -> Organisation:
    org = org_for_admin(db.session, current_user, org_id)
    if org is None:
        abort(404)
    return org


def _role_from_form() -> OrgRole:
    try:
        return OrgRole(request.form.get("role", ""))
    except ValueError:
        abort(400)


@bp.get("/org/")
@login_required
def index():
    """The organisations this admin manages; a platform admin can start a new one."""
    orgs = admin_orgs(db.session, current_user)
    if not orgs and not is_platform_admin(current_user):
        abort(404)
    return render_template("org/index.html", orgs=orgs, can_create=is_platform_admin(current_user))


@bp.post("/org/")
@login_required
def new_org():
    """A platform admin creates an organisation and names its first admin."""
    if not is_platform_admin(current_user):
        abort(404)
    try:
        admin = user_by_login(db.session, request.form.get("admin", ""))
        org = create_org(db.session, request.form.get("name", ""))
        set_member(db.session, org, admin, OrgRole.ORG_ADMIN)
    except OrgError as error:
        db.session.rollback()
        flash(org_error_message(error), "error")
        return redirect(url_for("org.index"))
    db.session.commit()
    flash(_("The organisation was created."), "success")
    return redirect(url_for("org.detail", org_id=org.id))


@bp.get("/org/<int:org_id>")
@login_required
def detail(org_id: int):
    """An organisation: its people with their roles, and its groups."""
    org = org_or_404(org_id)
    groups = db.session.scalars(
        select(Group).where(Group.org_id == org.id).order_by(Group.name)
    ).all()
    return render_template(
        "org/detail.html", org=org, people=org_members(db.session, org), groups=groups
    )


@bp.post("/org/<int:org_id>/members")
@login_required
def add_member(org_id: int):
    """Add an existing account to the organisation as admin, trainer or learner."""
    org = org_or_404(org_id)
    role = _role_from_form()
    try:
        user = user_by_login(db.session, request.form.get("login", ""))
    except OrgError as error:
        flash(org_error_message(error), "error")
    else:
        set_member(db.session, org, user, role)
        db.session.commit()
        flash(_("Saved."), "success")
    return redirect(url_for("org.detail", org_id=org.id))


@bp.post("/org/<int:org_id>/members/<int:user_id>")
@login_required
def change_member(org_id: int, user_id: int):
    """Change someone's role in the organisation, or take them out of it."""
    org = org_or_404(org_id)
    if user_id == current_user.id:
        flash(_("You cannot change your own role."), "error")
        return redirect(url_for("org.detail", org_id=org.id))
    people = {user.id: user for user, _role in org_members(db.session, org)}
    if user_id not in people:
        abort(404)
    if request.form.get("action") == "remove":
        remove_from_org(db.session, org.id, user_id)
    else:
        set_member(db.session, org, people[user_id], _role_from_form())
    db.session.commit()
    flash(_("Saved."), "success")
    return redirect(url_for("org.detail", org_id=org.id))


@bp.get("/account/organisations")
@login_required
def mine():
    """A learner's own view: which organisations see their progress, and what they see."""
    certificates = db.session.scalars(
        select(Certificate)
        .where(Certificate.user_id == current_user.id)
        .order_by(Certificate.completed_on)
    ).all()
    return render_template(
        "org/mine.html",
        memberships=memberships_of(db.session, current_user.id),
        sharing=sharing_answers(db.session, current_user.id),
        certificates=certificates,
    )


@bp.post("/account/organisations/<int:org_id>/answers")
@login_required
def answers_consent(org_id: int):
    """Let an organisation see each of one's answers, or take that back."""
    share = request.form.get("share") == "1"
    if not share_answers(db.session, org_id, current_user.id, share):
        abort(404)
    db.session.commit()
    if share:
        flash(_("This organisation now sees each of your answers."), "success")
    else:
        flash(_("This organisation no longer sees your answers."), "success")
    return redirect(url_for("org.mine"))


@bp.post("/account/organisations/<int:org_id>/leave")
@login_required
def leave(org_id: int):
    """Leave an organisation: its trainers and admins no longer see this learner's progress."""
    if not any(org.id == org_id for org, _role in memberships_of(db.session, current_user.id)):
        abort(404)
    remove_from_org(db.session, org_id, current_user.id)
    db.session.commit()
    flash(_("You left the organisation. It no longer sees your progress."), "success")
    return redirect(url_for("org.mine"))
