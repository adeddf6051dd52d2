"""Employer reports: completion per group and worker in a date range, and the CSV for Excel."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from learn.extensions import db
from learn.models import Assignment, GroupMember, GroupRole, LessonSummary, User

NOW = datetime.now(UTC)
NAMES = {
    "th": "สมชาย ใจดี",
    "km": "សុខ ដារា",
    "lo": "ສົມພອນ",
    "my": "အောင်အောင်",
}


@pytest.fixture
def workers(app, world):
    """Four workers in group A (one per script); lesson 1 of `mini` assigned; two did it."""
    group = world.groups["a"]
    with app.app_context():
        users = {}
        for lang, name in NAMES.items():
            user = User(username=f"w_{lang}", display_name=name, password_hash="x", language=lang)
            db.session.add(user)
            db.session.flush()
            db.session.add(GroupMember(group_id=group, user_id=user.id, role=GroupRole.LEARNER))
            users[lang] = user.id
        db.session.add(Assignment(group_id=group, course_id="mini", lesson_id="hello"))
        for lang, days_ago in (("th", 1), ("km", 60)):
            db.session.add(
                LessonSummary(
                    user_id=users[lang],
                    course_id="mini",
                    lesson_id="hello",
                    progress=1.0,
                    best_score=0.8,
                    time_spent=600,
                    updated_at=NOW - timedelta(days=days_ago),
                )
            )
        db.session.commit()
    return users


def test_report_counts_completion_in_the_range(world, workers, login_as):
    client = login_as("admin_a")
    page = client.get(f"/org/{world.orgs['a']}/report").get_data(as_text=True)
    # Five learners in group A (learner_a and the four workers); only the Thai worker did
    # the lesson in the last 30 days; the Khmer worker did it 60 days ago.
    assert "<tr><td>Group A</td><td>5</td><td>1</td><td>1</td><td>20 %</td></tr>" in page
    assert "1 / 1 (100 %)" in page
    start = (NOW - timedelta(days=90)).date().isoformat()
    page = client.get(f"/org/{world.orgs['a']}/report?from={start}").get_data(as_text=True)
    assert "<tr><td>Group A</td><td>5</td><td>1</td><td>2</td><td>40 %</td></tr>" in page


def test_csv_opens_in_excel_with_every_script(world, workers, login_as):
    client = login_as("admin_a")
    start = (NOW - timedelta(days=90)).date().isoformat()
    response = client.get(f"/org/{world.orgs['a']}/report.csv?from={start}")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    data = response.data
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM tells Excel it is UTF-8
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][:3] == ["Organisation", "Groups", "Name"]
    by_name = {row[2]: row for row in rows[1:]}
    assert set(NAMES.values()) <= set(by_name)
    thai = by_name[NAMES["th"]]
    assert thai[5:10] == ["1", "1", "100", "80", "10"]


def test_a_formula_in_a_name_is_not_run_by_excel(app, world, workers, login_as):
    with app.app_context():
        db.session.get(User, workers["th"]).display_name = "=HYPERLINK(1)"
        db.session.commit()
    text = login_as("admin_a").get(f"/org/{world.orgs['a']}/report.csv").data.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def test_reversed_or_bad_dates_still_give_a_report(world, workers, login_as):
    client = login_as("admin_a")
    org = world.orgs["a"]
    assert client.get(f"/org/{org}/report?from=2026-12-01&to=2026-01-01").status_code == 200
    assert client.get(f"/org/{org}/report?from=yesterday").status_code == 200


def test_report_query_count_does_not_grow_with_workers(
    app, world, workers, login_as, count_queries
):
    client = login_as("admin_a")
    org = world.orgs["a"]
    client.get(f"/org/{org}/report")
    with count_queries() as few:
        client.get(f"/org/{org}/report")
    with app.app_context():
        for i in range(25):
            user = User(username=f"extra{i}", password_hash="x")
            db.session.add(user)
            db.session.flush()
            db.session.add(
                GroupMember(group_id=world.groups["a"], user_id=user.id, role=GroupRole.LEARNER)
            )
        db.session.commit()
    with count_queries() as many:
        page = client.get(f"/org/{org}/report").get_data(as_text=True)
    assert page.count("<td>Group A</td>") == 1 + 30  # the group line and every worker's
    assert many.count == few.count


def test_phone_logins_keep_their_leading_zero_in_excel(app, world, workers, login_as):
    with app.app_context():
        db.session.get(User, workers["th"]).username = "0812345678"
        db.session.commit()
    text = login_as("admin_a").get(f"/org/{world.orgs['a']}/report.csv").data.decode("utf-8-sig")
    assert '"=""0812345678"""' in text  # ="0812345678", quoted as csv quotes it
