"""Views for trainers: their groups, a group's code, members and assignments, and joining."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache

import segno
from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import select

from learn.catalog import catalog
from learn.extensions import db
from learn.models import Assignment, Group, Membership, Organisation, OrgRole, User
from learn.org.access import (
    group_for_trainer,
    is_platform_admin,
    org_for_admin,
    staff_orgs,
    visible_groups,
)
from learn.trainer import bp
from learn.trainer.groups import (
    GroupError,
    add_trainer,
    assign,
    assignments,
    clean_name,
    create_group,
    group_by_code,
    join_group,
    members,
    new_code_for,
    normalise_code,
    remove_member,
)


def today() -> date:
    return datetime.now(UTC).date()


def group_error_message(error: GroupError) -> str:
    return {
        "name_missing": lambda: _("Please give the group a name."),
        "name_long": lambda: _("Use at most %(max)s characters.", max=error.data.get("max")),
        "not_a_trainer": lambda: _("Only trainers of this organisation can train a group."),
        "lesson_unknown": lambda: _("Choose a lesson from the list."),
    }[error.code]()


def group_or_404(group_id: int) -> Group:
    group = group_for_trainer(db.session, current_user, group_id)
    if group is None:
        abort(404)
    return group


def qr_svg(url: str) -> Markup:
    """The URL as an inline SVG QR code (segno writes only numbers and paths: safe markup)."""
    return _qr_svg(url, _("QR code"))


@lru_cache(maxsize=1024)
def _qr_svg(url: str, title: str) -> Markup:
    """Made once per group and language: choosing the QR code's mask is about half of the
    group page's time (4 ms), and a group's join address never changes."""
    svg = segno.make(url, error="m").svg_inline(
        scale=6, border=2, title=title, svgclass="qr", omitsize=False
    )
    return Markup(svg)


@bp.get("/trainer/")
@login_required
def index():
    """The groups this trainer may open, and a form to start a new one."""
    orgs = staff_orgs(db.session, current_user)
    groups = visible_groups(db.session, current_user)
    if not orgs and not groups and not is_platform_admin(current_user):
        abort(404)
    names = {org.id: org.name for org in orgs}
    return render_template("trainer/index.html", groups=groups, orgs=orgs, names=names)


@bp.post("/trainer/groups")
@login_required
def new_group():
    """Start a group in one of the trainer's organisations; the trainer trains it."""
    org_id = request.form.get("org", type=int)
    org = next((o for o in staff_orgs(db.session, current_user) if o.id == org_id), None)
    if org is None:
        abort(404)
    try:
        group = create_group(db.session, org, request.form.get("name", ""), current_user)
    except GroupError as error:
        flash(group_error_message(error), "error")
        return redirect(url_for("trainer.index"))
    db.session.commit()
    flash(_("The group is ready. Give your learners its code."), "success")
    return redirect(url_for("trainer.group", group_id=group.id))


@bp.get("/trainer/groups/<int:group_id>")
@login_required
def group(group_id: int):
    """A group: its join code and QR code, trainers and learners, and the work assigned."""
    group = group_or_404(group_id)
    org = db.session.get(Organisation, group.org_id)
    join_url = url_for("trainer.join", code=group.join_code, _external=True)
    people = members(db.session, group)
    member_ids = {user.id for user, _role in people}
    # Trainers of the organisation who could co-train this group.
    co_trainers = [
        user
        for user in db.session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(
                Membership.org_id == group.org_id,
                Membership.role.in_((OrgRole.TRAINER, OrgRole.ORG_ADMIN)),
            )
        )
        if user.id not in member_ids
    ]
    courses = {c.id: c for c in catalog().courses()}
    return render_template(
        "trainer/group.html",
        group=group,
        org=org,
        join_url=join_url,
        qr=qr_svg(join_url),
        people=people,
        co_trainers=co_trainers,
        assignments=assignments(db.session, group),
        courses=courses,
        today=today(),
        can_delete=org_for_admin(db.session, current_user, group.org_id) is not None,
    )


@bp.post("/trainer/groups/<int:group_id>/code")
@login_required
def new_code(group_id: int):
    """Give the group a new join code: the old one stops working."""
    group = group_or_404(group_id)
    new_code_for(db.session, group)
    db.session.commit()
    flash(_("The group has a new code. The old code no longer works."), "success")
    return redirect(url_for("trainer.group", group_id=group.id))


@bp.post("/trainer/groups/<int:group_id>/name")
@login_required
def rename(group_id: int):
    """Give the group another name."""
    group = group_or_404(group_id)
    try:
        group.name = clean_name(request.form.get("name", ""))
    except GroupError as error:
        flash(group_error_message(error), "error")
    else:
        db.session.commit()
        flash(_("Saved."), "success")
    return redirect(url_for("trainer.group", group_id=group.id))


@bp.post("/trainer/groups/<int:group_id>/delete")
@login_required
def delete_group(group_id: int):
    """Delete the group with its assignments (an org admin's decision; accounts stay)."""
    group = group_or_404(group_id)
    if org_for_admin(db.session, current_user, group.org_id) is None:
        abort(404)
    org_id = group.org_id
    db.session.delete(group)
    db.session.commit()
    flash(_("The group was deleted. Its learners keep their accounts and progress."), "success")
    return redirect(url_for("org.detail", org_id=org_id))


@bp.post("/trainer/groups/<int:group_id>/trainers")
@login_required
def add_co_trainer(group_id: int):
    """Add a trainer of the organisation as co-trainer of the group."""
    group = group_or_404(group_id)
    try:
        add_trainer(db.session, group, request.form.get("user", type=int) or 0)
    except GroupError as error:
        flash(group_error_message(error), "error")
    else:
        db.session.commit()
        flash(_("The trainer was added."), "success")
    return redirect(url_for("trainer.group", group_id=group.id))


@bp.post("/trainer/groups/<int:group_id>/members/<int:user_id>/remove")
@login_required
def remove(group_id: int, user_id: int):
    """Take someone out of the group (their organisation membership stays)."""
    group = group_or_404(group_id)
    if user_id == current_user.id:
        flash(_("You cannot remove yourself from the group."), "error")
    else:
        remove_member(db.session, group, user_id)
        db.session.commit()
        flash(_("Removed from the group."), "success")
    return redirect(url_for("trainer.group", group_id=group.id))


def _parse_due(raw: str | None) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


@bp.post("/trainer/groups/<int:group_id>/assignments")
@login_required
def new_assignment(group_id: int):
    """Assign a lesson or a whole course to the group, with an optional due date."""
    group = group_or_404(group_id)
    course_id, _sep, lesson_id = request.form.get("work", "").partition("/")
    course = catalog().get(course_id)
    raw_due = request.form.get("due", "").strip()
    due = _parse_due(raw_due)
    if course is None:
        flash(_("Choose a lesson from the list."), "error")
    elif raw_due and due is None:
        flash(_("The due date is not a date. Use the calendar or YYYY-MM-DD."), "error")
    else:
        try:
            assign(db.session, group, course, lesson_id or None, due, current_user)
        except GroupError as error:
            flash(group_error_message(error), "error")
        else:
            db.session.commit()
            flash(_("Assigned."), "success")
    return redirect(url_for("trainer.group", group_id=group.id))


@bp.post("/trainer/groups/<int:group_id>/assignments/<int:assignment_id>/delete")
@login_required
def delete_assignment(group_id: int, assignment_id: int):
    """Take an assignment back."""
    group = group_or_404(group_id)
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.group_id != group.id:
        abort(404)
    db.session.delete(assignment)
    db.session.commit()
    flash(_("The assignment was removed."), "success")
    return redirect(url_for("trainer.group", group_id=group.id))


@bp.route("/join", methods=["GET", "POST"])
def join_form():
    """Type a group's code by hand."""
    if request.method == "POST":
        code = normalise_code(request.form.get("code", ""))
        if code is not None:
            return redirect(url_for("trainer.join", code=code))
        flash(_("This code is not right. Check it with your trainer."), "error")
    return render_template("trainer/join_form.html")


@bp.route("/join/<code>", methods=["GET", "POST"])
def join(code: str):
    """Join a group by its code: logged in, after confirming; else log in or register first."""
    group = group_by_code(db.session, code)
    if group is None:
        abort(404)
    org = db.session.get(Organisation, group.org_id)
    if not current_user.is_authenticated:
        # Remembered so that home offers to join after registering (register has no `next`).
        session["join_code"] = group.join_code
        return render_template("trainer/join.html", group=group, org=org)
    if request.method == "POST":
        joined = join_group(db.session, group, current_user)
        db.session.commit()
        session.pop("join_code", None)
        if joined:
            flash(_("You joined the group %(name)s.", name=group.name), "success")
        else:
            flash(_("You are already in this group."), "info")
        return redirect(url_for("main.home"))
    return render_template("trainer/join.html", group=group, org=org)
