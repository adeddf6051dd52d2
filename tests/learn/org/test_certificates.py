"""Certificates: issued only for a completed course, as a PDF, and verifiable by anyone."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from learn.extensions import db
from learn.models import Certificate, LessonSummary, User
from learn.org.certificates import long_date, normalise_code, show_code


@pytest.mark.parametrize(
    "lang, text",
    [
        ("th", "25 พฤศจิกายน 2569"),  # the Buddhist era
        ("en", "25 November 2026"),
        ("km", "25 វិច្ឆិកា 2026"),
        ("lo", "25 ພະຈິກ 2026"),
        ("my", "၂၀၂၆ နိုဝင်ဘာ ၂၅"),
    ],
)
def test_dates_in_each_language(lang, text):
    assert long_date(date(2026, 11, 25), lang) == text


@pytest.mark.parametrize(
    "typed, code",
    [
        ("ABCD-EFGH-JKMN", "ABCDEFGHJKMN"),
        ("abcd efgh jkmn", "ABCDEFGHJKMN"),
        ("ABCD-EFGH-JKM", None),
        ("ABCD-EFGH-JKM0", None),
    ],
)
def test_codes_as_typed(typed, code):
    assert normalise_code(typed) == code


def test_show_code_groups_by_four():
    assert show_code("ABCDEFGHJKMN") == "ABCD-EFGH-JKMN"


def _complete(app, user_id: int, lessons=("hello", "thanks")) -> None:
    with app.app_context():
        for lesson in lessons:
            db.session.add(
                LessonSummary(
                    user_id=user_id,
                    course_id="mini",
                    lesson_id=lesson,
                    progress=1.0,
                    best_score=0.9,
                    updated_at=datetime(2026, 11, 20, 10, tzinfo=UTC),
                )
            )
        db.session.commit()


def _issue(client, world, who="learner_a"):
    org, user = world.orgs["a"], world.users[who]
    return client.submit(
        f"/org/{org}/workers/{user}/certificates/mini", {}, page=f"/org/{org}/workers/{user}"
    )


def test_no_certificate_before_the_course_is_complete(app, world, login_as):
    _complete(app, world.users["learner_a"], lessons=("hello",))
    client = login_as("admin_a")
    page = client.get(f"/org/{world.orgs['a']}/workers/{world.users['learner_a']}").text
    assert "1 of 2 lessons done" in page and "Issue certificate" not in page
    response = _issue(client, world)
    assert "This course is not complete yet." in client.get(response.headers["Location"]).text
    with app.app_context():
        assert db.session.query(Certificate).count() == 0


def test_issue_download_and_verify(app, world, login_as, client, tmp_path):
    with app.app_context():
        learner = db.session.get(User, world.users["learner_a"])
        learner.display_name, learner.language = "សុខ ដារា", "km"
        db.session.commit()
    _complete(app, world.users["learner_a"])
    admin = login_as("admin_a")
    _issue(admin, world)
    _issue(admin, world)  # issuing again gives the same certificate
    with app.app_context():
        (certificate,) = db.session.query(Certificate).all()
        code = certificate.code
        assert certificate.completed_on == date(2026, 11, 20)
        assert certificate.name == "សុខ ដារា" and certificate.org_name == "Org A"
    response = admin.get(f"/org/{world.orgs['a']}/certificates/{code}.pdf")
    assert response.mimetype == "application/pdf"
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(response.data)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    # In the worker's language and in Thai, each in its bundled font.
    assert "Rian-Thai-Noto-Sans-Khmer" in fonts and "Rian-Thai-Noto-Sans-Thai" in fonts
    assert len(PdfReader(pdf).pages) == 1
    # The worker finds it among their own things.
    worker = login_as("learner_a")
    assert f"/account/certificates/{code}.pdf" in worker.get("/account/organisations").text
    assert worker.get(f"/account/certificates/{code}.pdf").mimetype == "application/pdf"
    # Anyone can check it, without an account, typed loosely.
    with client.session_transaction() as session:
        session.clear()
    page = client.get(f"/verify/{show_code(code).lower()}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "This certificate is genuine" in html
    assert '<dd lang="km">សុខ ដារា</dd>' in html
    assert "20 November 2026" in html and "Org A" in html


def test_a_forged_code_is_not_found(world, client):
    _ = world
    response = client.get("/verify/ABCD-EFGH-JKMN")
    assert response.status_code == 404
    assert "No certificate has this code" in response.get_data(as_text=True)
    assert client.get("/verify/not-a-code").status_code == 404


def test_verify_form_leads_to_the_check_page(client):
    response = client.submit("/verify", {"code": " abcd-efgh-jkmn "})
    assert response.headers["Location"] == "/verify/ABCDEFGHJKMN"


def test_a_worker_of_another_org_is_not_found(world, login_as):
    client = login_as("admin_a")
    assert (
        client.get(f"/org/{world.orgs['a']}/workers/{world.users['learner_b']}").status_code == 404
    )
    client = login_as("admin_b")
    assert (
        client.get(f"/org/{world.orgs['b']}/workers/{world.users['learner_a']}").status_code == 404
    )
