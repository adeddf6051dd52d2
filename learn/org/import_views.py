"""Views for bulk worker accounts: upload and check a CSV, create the accounts, print cards.

The one-time passwords are never stored anywhere but in the argon2 hash: the request that
creates the accounts answers with the login cards PDF itself, so the passwords exist only in
that response. If the file is lost, "new login cards" for a group gives everyone in it who has
not logged in yet a new one-time password and a new card (the old passwords stop working).
"""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select

from learn.extensions import db
from learn.models import Group, GroupMember, GroupRole, User
from learn.org import bp
from learn.org.pdf import CARD_CSS, html_to_pdf, qr_data_uri, wrap
from learn.org.views import org_or_404
from learn.org.workers import (
    MAX_BYTES,
    Checked,
    NewWorker,
    RowError,
    check,
    create_workers,
    decode,
    looks_like_text,
    reset_passwords,
)


def error_message(error: RowError) -> str:
    data = error.data
    return {
        "file_empty": lambda: _("The file is empty."),
        "column_missing": lambda: _("This column is missing from the first line."),
        "too_many_rows": lambda: _("At most %(max)s workers per file.", max=data.get("max")),
        "name_missing": lambda: _("The name is empty."),
        "too_long": lambda: _("Use at most %(max)s characters.", max=data.get("max")),
        "login_missing": lambda: _("The username or phone number is empty."),
        "login_invalid": lambda: _(
            "“%(login)s” is not a username (3 to 32 letters, digits, . _ -) or a phone number.",
            login=data.get("login"),
        ),
        "login_repeated": lambda: _("The same login is on line %(line)s.", line=data.get("other")),
        "login_taken": lambda: _(
            "The login “%(login)s” is already used by another account.", login=data.get("login")
        ),
        "language_unknown": lambda: _(
            "“%(value)s” is not a language we know. Use km, lo, my, en or th.",
            value=data.get("value"),
        ),
    }[error.code]()


def column_names() -> dict[str | None, str]:
    return {
        None: "",
        "name": _("name"),
        "login": _("username or phone"),
        "language": _("language"),
        "group": _("group"),
    }


@bp.get("/org/<int:org_id>/workers/import")
@login_required
def import_workers(org_id: int):
    """The upload form, with what the file must look like."""
    org = org_or_404(org_id)
    return render_template("org/import.html", org=org)


def _preview(org, checked: Checked, text: str, status: int = 200):
    return (
        render_template(
            "org/import_check.html",
            org=org,
            checked=checked,
            text=text,
            message=error_message,
            columns=column_names(),
        ),
        status,
    )


@bp.post("/org/<int:org_id>/workers/import")
@login_required
def check_workers(org_id: int):
    """Read the uploaded file and show every problem, and what would be created."""
    org = org_or_404(org_id)
    upload = request.files.get("file")
    data = upload.read(MAX_BYTES + 1) if upload else b""
    if not data:
        flash(_("Choose a CSV file first."), "error")
        return redirect(url_for("org.import_workers", org_id=org.id))
    if len(data) > MAX_BYTES:
        flash(_("The file is too big (at most 1 MB)."), "error")
        return redirect(url_for("org.import_workers", org_id=org.id))
    if not looks_like_text(data):
        flash(_("This is not a CSV file. In Excel, choose Save As, then CSV UTF-8."), "error")
        return redirect(url_for("org.import_workers", org_id=org.id))
    text, encoding = decode(data)
    checked = check(db.session, org, text, encoding)
    return _preview(org, checked, text, 422 if checked.errors else 200)


@bp.post("/org/<int:org_id>/workers/create")
@login_required
def create(org_id: int):
    """Create the accounts and answer with their login cards (the only copy of the passwords)."""
    org = org_or_404(org_id)
    text = request.form.get("text", "")
    checked = check(db.session, org, text, request.form.get("encoding", "UTF-8"))
    if checked.errors and request.form.get("create_valid") != "1":
        flash(_("Nothing was created: correct the file, or choose to create the valid rows."))
        return _preview(org, checked, text, 422)
    if not checked.rows:
        flash(_("There is no valid row to create."), "error")
        return _preview(org, checked, text, 422)
    made = create_workers(db.session, org, checked.rows)
    pdf = login_cards(org.name, made)
    db.session.commit()
    return pdf_response(pdf, "login-cards.pdf")


@bp.post("/org/<int:org_id>/groups/<int:group_id>/cards")
@login_required
def new_cards(org_id: int, group_id: int):
    """New one-time passwords and cards for a group's learners who never logged in."""
    org = org_or_404(org_id)
    group = db.session.get(Group, group_id)
    if group is None or group.org_id != org.id:
        abort(404)
    users = db.session.scalars(
        select(User)
        .join(GroupMember, GroupMember.user_id == User.id)
        .where(
            GroupMember.group_id == group.id,
            GroupMember.role == GroupRole.LEARNER,
            User.must_change_password.is_(True),
        )
        .order_by(User.display_name)
    ).all()
    if not users:
        flash(_("Everyone in this group has already logged in."), "info")
        return redirect(url_for("org.detail", org_id=org.id))
    made = [NewWorker(w.user, w.password, group.name) for w in reset_passwords(db.session, users)]
    pdf = login_cards(org.name, made)
    db.session.commit()
    return pdf_response(pdf, "login-cards.pdf")


def card_labels(lang: str) -> dict[str, str]:
    """The card's words in the worker's language (each card is in its worker's language)."""
    with force_locale(lang):
        return {
            "username": _("Username"),
            "password": _("One-time password"),
            "group": _("Group"),
            "note": _("Scan the code to open the login page. You will choose a new password."),
        }


def login_cards(org_name: str, made: list[NewWorker]) -> bytes:
    login_url = url_for("auth.login", _external=True)
    qr = qr_data_uri(login_url)
    labels = {lang: card_labels(lang) for lang in {w.user.language for w in made}}
    cards = [
        {
            "lang": w.user.language,
            "name": wrap(w.user.display_name, w.user.language),
            "username": w.user.username,
            "password": w.password,
            "group": wrap(w.group, w.user.language),
            "labels": labels[w.user.language],
        }
        for w in made
    ]
    html = render_template(
        "org/cards.html", cards=cards, org_name=org_name, qr=qr, login_url=login_url
    )
    return html_to_pdf(html, CARD_CSS)


def pdf_response(pdf: bytes, filename: str) -> Response:
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            # The passwords are in it: no cache may keep a copy.
            "Cache-Control": "no-store",
        },
    )
