"""Views for a worker's progress and certificates, and the public /verify page.

A worker's page shows an org admin completion and scores per course, never answers.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from learn.catalog import catalog
from learn.extensions import db
from learn.i18n import current_language
from learn.models import (
    AttemptLog,
    Certificate,
    Group,
    GroupMember,
    LessonSummary,
    Membership,
    User,
)
from learn.org import bp
from learn.org.certificates import by_code, issue, long_date, normalise_code, show_code
from learn.org.import_views import pdf_response
from learn.org.members import OrgError
from learn.org.pdf import CERTIFICATE_CSS, html_to_pdf, qr_data_uri, wrap
from learn.org.views import org_or_404

ANSWERS_SHOWN = 50


def _worker_or_404(org_id: int, user_id: int):
    org = org_or_404(org_id)
    member = db.session.scalar(
        select(Membership).where(Membership.org_id == org.id, Membership.user_id == user_id)
    )
    if member is None:
        abort(404)
    return org, db.session.get(User, user_id), member


@bp.get("/org/<int:org_id>/workers/<int:user_id>")
@login_required
def worker(org_id: int, user_id: int):
    """One worker: their groups here, lessons done and scores per course, certificates."""
    org, user, member = _worker_or_404(org_id, user_id)
    groups = db.session.scalars(
        select(Group.name)
        .join(GroupMember, GroupMember.group_id == Group.id)
        .where(Group.org_id == org.id, GroupMember.user_id == user.id)
        .order_by(Group.name)
    ).all()
    summaries = db.session.scalars(
        select(LessonSummary).where(LessonSummary.user_id == user.id)
    ).all()
    certificates = {
        c.course_id: c
        for c in db.session.scalars(
            select(Certificate).where(Certificate.user_id == user.id, Certificate.org_id == org.id)
        )
    }
    courses = []
    for course in catalog().courses():
        mine = {s.lesson_id: s for s in summaries if s.course_id == course.id}
        done = [
            mine[lesson.id]
            for lesson in course.lessons
            if lesson.id in mine and mine[lesson.id].progress >= 1.0
        ]
        score = sum(s.best_score for s in done) / len(done) if done else None
        courses.append((course, len(done), len(course.lessons), score))
    # Each answer only with the worker's consent (learn/org/members.share_answers).
    answers = (
        db.session.scalars(
            select(AttemptLog)
            .where(AttemptLog.user_id == user.id)
            .order_by(AttemptLog.id.desc())
            .limit(ANSWERS_SHOWN)
        ).all()
        if member.shares_answers
        else None
    )
    return render_template(
        "org/worker.html",
        org=org,
        user=user,
        answers=answers,
        groups=groups,
        courses=courses,
        certificates=certificates,
        show_code=show_code,
    )


@bp.post("/org/<int:org_id>/workers/<int:user_id>/certificates/<course_id>")
@login_required
def issue_certificate(org_id: int, user_id: int, course_id: str):
    """Issue the certificate of a course the worker has completed."""
    org, user, _member = _worker_or_404(org_id, user_id)
    course = catalog().get(course_id)
    if course is None:
        abort(404)
    try:
        issue(db.session, org, user, course)
    except OrgError:
        flash(_("This course is not complete yet."), "error")
    else:
        db.session.commit()
        flash(_("The certificate was issued."), "success")
    return redirect(url_for("org.worker", org_id=org.id, user_id=user.id))


@bp.get("/org/<int:org_id>/certificates/<code>.pdf")
@login_required
def certificate_pdf(org_id: int, code: str):
    """The certificate as a PDF, in the worker's language and in Thai."""
    org = org_or_404(org_id)
    certificate = by_code(db.session, code)
    if certificate is None or certificate.org_id != org.id:
        abort(404)
    return pdf_response(render_certificate(certificate), f"certificate-{certificate.code}.pdf")


@bp.get("/account/certificates/<code>.pdf")
@login_required
def my_certificate_pdf(code: str):
    """A worker's own certificate, to keep or show an employer."""
    certificate = by_code(db.session, code)
    if certificate is None or certificate.user_id != current_user.id:
        abort(404)
    return pdf_response(render_certificate(certificate), f"certificate-{certificate.code}.pdf")


def certificate_words(certificate: Certificate, lang: str) -> dict[str, str]:
    """The certificate's sentences in one language."""
    title = certificate.course_title
    with force_locale(lang):
        return {
            "lang": lang,
            "heading": _("Certificate of completion"),
            "certifies": _("This certifies that"),
            "completed": _("has completed the course"),
            "course": title.get(lang) or title.get("en") or next(iter(title.values()), ""),
            "on": _("on %(date)s", date=long_date(certificate.completed_on, lang)),
            "issued_by": _("Issued by %(org)s", org=certificate.org_name),
            "verify": _("Check this certificate at"),
        }


def render_certificate(certificate: Certificate) -> bytes:
    languages = [certificate.language] + (["th"] if certificate.language != "th" else [])
    verify_url = url_for("org.verify", code=certificate.code, _external=True)
    blocks = [certificate_words(certificate, lang) for lang in languages]
    for block in blocks:
        for key in ("heading", "certifies", "completed", "course", "on", "issued_by"):
            block[key] = wrap(block[key], block["lang"])
    html = render_template(
        "org/certificate.html",
        certificate=certificate,
        name=wrap(certificate.name, certificate.language),
        blocks=blocks,
        code=show_code(certificate.code),
        verify_url=verify_url,
        qr=qr_data_uri(verify_url),
    )
    return html_to_pdf(html, CERTIFICATE_CSS)


@bp.route("/verify", methods=["GET", "POST"])
def verify_form():
    """Type a certificate's code to check it."""
    if request.method == "POST":
        code = normalise_code(request.form.get("code", ""))
        return redirect(url_for("org.verify", code=code or request.form.get("code", "x")[:40]))
    return render_template("org/verify_form.html")


@bp.get("/verify/<code>")
def verify(code: str):
    """Anyone can check a certificate: who, which course, when, from which organisation."""
    certificate = by_code(db.session, code)
    if certificate is None:
        return render_template("org/verify.html", certificate=None, code=code), 404
    return render_template(
        "org/verify.html",
        certificate=certificate,
        code=show_code(certificate.code),
        completed=long_date(certificate.completed_on, current_language()),
    )
