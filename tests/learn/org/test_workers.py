"""Bulk worker accounts: reading the CSV in every encoding, checking rows, creating, cards."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from learn.extensions import db
from learn.models import Group, GroupMember, Membership, Organisation, OrgRole, User
from learn.org.workers import PASSWORD_ALPHABET, check, decode, new_password

HEADER = "name,username or phone,language,group\n"
GOOD = HEADER + (
    "Sok Dara,0812345678,km,Night shift\n"
    "Aung Aung,aungaung,my,Night shift\n"
    "ສົມພອນ,somphone,lo,Day shift\n"
)


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        ("สมชาย".encode(), "สมชาย", "UTF-8"),
        (b"\xef\xbb\xbf" + "สมชาย".encode(), "สมชาย", "UTF-8 (BOM)"),
        ("สมชาย".encode("utf-16"), "สมชาย", "UTF-16"),
        ("สมชาย ใจดี".encode("cp874"), "สมชาย ใจดี", "Windows-874 (Thai)"),
        ("José Müller".encode("cp1252"), "José Müller", "Windows-1252 (Western)"),
        ("Ñoño".encode("cp1252"), "Ñoño", "Windows-1252 (Western)"),
    ],
)
def test_decode_every_encoding_excel_writes(data, text, encoding):
    assert decode(data) == (text, encoding)


@given(st.binary(max_size=200))
def test_decode_never_crashes(data):
    text, encoding = decode(data)
    assert isinstance(text, str) and encoding


def test_passwords_are_readable():
    passwords = {new_password() for _ in range(50)}
    assert len(passwords) == 50
    for password in passwords:
        assert len(password) == 10 and set(password) <= set(PASSWORD_ALPHABET)
    assert not set("0o1lI") & set(PASSWORD_ALPHABET)


@pytest.fixture
def org_a(app, world):
    with app.app_context():
        yield db.session.get(Organisation, world.orgs["a"])


def test_good_file_is_all_rows(app, org_a):
    checked = check(db.session, org_a, GOOD)
    assert not checked.errors
    assert [(r.line, r.login, r.language, r.group) for r in checked.rows] == [
        (2, "0812345678", "km", "Night shift"),
        (3, "aungaung", "my", "Night shift"),
        (4, "somphone", "lo", "Day shift"),
    ]
    assert checked.new_groups == ("Night shift", "Day shift")


@pytest.mark.parametrize(
    "row, column, code",
    [
        (",someone,km,", "name", "name_missing"),
        ("Dara,,km,", "login", "login_missing"),
        ("Dara,a b,km,", "login", "login_invalid"),
        ("Dara,ab,km,", "login", "login_invalid"),
        ("Dara,dara,fr,", "language", "language_unknown"),
        ("Dara,dara,,", "language", "language_unknown"),
        ("Dara,learner_a,km,", "login", "login_taken"),  # an account that exists already
        ("X" * 101 + ",dara,km,", "name", "too_long"),
        ("Dara,dara,km," + "G" * 101, "group", "too_long"),
    ],
)
def test_each_kind_of_bad_row_is_reported_with_line_and_column(org_a, row, column, code):
    checked = check(db.session, org_a, HEADER + "Sok,sok,km,\n" + row + "\n")
    assert [(e.line, e.column, e.code) for e in checked.errors] == [(3, column, code)]
    assert [r.login for r in checked.rows] == ["sok"]


def test_every_error_of_every_line_is_reported(org_a):
    checked = check(db.session, org_a, HEADER + ",,xx,\nDara,dara,km,\n,ok_login,zz,\n")
    assert [(e.line, e.column) for e in checked.errors] == [
        (2, "name"),
        (2, "login"),
        (2, "language"),
        (4, "name"),
        (4, "language"),
    ]
    assert checked.bad_lines == 2


def test_a_login_twice_in_the_file_names_the_other_line(org_a):
    checked = check(db.session, org_a, HEADER + "A,Dara,km,\nB,dara,km,\n")
    (error,) = checked.errors
    assert (error.line, error.code, error.data) == (3, "login_repeated", {"other": 2})


@pytest.mark.parametrize("text", ["", "\n\n", ",,,\n,,\n", "\ufeff"])
def test_an_empty_file_says_so(org_a, text):
    checked = check(db.session, org_a, text)
    assert [(e.line, e.code) for e in checked.errors] == [(1, "file_empty")]


def test_missing_columns_are_reported_on_line_1(org_a):
    checked = check(db.session, org_a, "name,group\nDara,G\n")
    assert {(e.line, e.column, e.code) for e in checked.errors} == {
        (1, "login", "column_missing"),
        (1, "language", "column_missing"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "ชื่อ;เบอร์โทร;ภาษา;กลุ่ม\r\nสมชาย;0812345678;ไทย;A\r\n",  # Thai headers, semicolons
        "Name\tPhone\tLanguage\tGroup\nสมชาย\t+66 81 234 5678\tThai\tA\n",  # Excel Unicode text
        '"name","login","lang"\n"สมชาย","081-234-5678","TH"\n',
        "\n\nname,login,language\n\n\nสมชาย,0812345678,th\n\n",  # blank lines skipped
    ],
)
def test_headers_separators_and_language_names_people_use(org_a, text):
    checked = check(db.session, org_a, text)
    assert not checked.errors, checked.errors
    (row,) = checked.rows
    assert (row.name, row.login, row.language) == ("สมชาย", "0812345678", "th")


def test_blank_lines_keep_line_numbers_right(org_a):
    checked = check(db.session, org_a, HEADER + "\nDara,dara,km,\n\n,bad,km,\n")
    assert [(e.line, e.column) for e in checked.errors] == [(5, "name")]


def test_text_is_nfc_and_zawgyi_becomes_unicode(org_a):
    decomposed = unicodedata.normalize("NFD", "น้ำ ใจ")
    zawgyi = "ေက်ာင္းသား"
    checked = check(
        db.session, org_a, HEADER + f"{decomposed},nam,th,\n{zawgyi},kyaung,my,\u200b\n"
    )
    assert [r.name for r in checked.rows] == ["น้ำ ใจ", "ကျောင်းသား"]
    assert all(unicodedata.is_normalized("NFC", r.name) for r in checked.rows)
    assert checked.rows[1].group == ""


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(st.text(max_size=300))
def test_check_never_crashes(org_a, text):
    checked = check(db.session, org_a, text)
    assert all(e.line >= 1 for e in checked.errors)


# --- the pages -------------------------------------------------------------------------------


def _upload(client, org_id, data: bytes):
    return client.submit(
        f"/org/{org_id}/workers/import",
        {"file": (io.BytesIO(data), "workers.csv")},
        content_type="multipart/form-data",
    )


def _create(client, org_id, page_html, create_valid=False):
    text = re.search(r'<textarea name="text" hidden>(.*?)</textarea>', page_html, re.S).group(1)
    import html

    data = {"text": html.unescape(text), "encoding": "UTF-8"}
    if create_valid:
        data["create_valid"] = "1"
    return client.submit(f"/org/{org_id}/workers/create", data, page=f"/org/{org_id}")


def test_upload_check_then_create_gives_cards_pdf(app, world, login_as):
    org = world.orgs["a"]
    client = login_as("admin_a")
    page = _upload(client, org, GOOD.encode("utf-8-sig"))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Read as: UTF-8 (BOM)" in html
    assert "3 workers are ready to be created." in html
    with app.app_context():
        assert db.session.query(User).filter_by(username="aungaung").first() is None
    response = _create(client, org, html)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    with app.app_context():
        aung = db.session.query(User).filter_by(username="aungaung").one()
        assert aung.must_change_password and aung.language == "my"
        assert aung.display_name == "Aung Aung"
        night = db.session.query(Group).filter_by(org_id=org, name="Night shift").one()
        assert db.session.get(GroupMember, (night.id, aung.id)) is not None
        membership = db.session.query(Membership).filter_by(user_id=aung.id).one()
        assert (membership.org_id, membership.role) == (org, OrgRole.LEARNER)
    # The one-time password is nowhere but in the PDF: not in the session, not on a page.
    with client.session_transaction() as session:
        assert not any("password" in key for key in session)


def test_nothing_is_created_while_a_row_is_bad(app, world, login_as):
    org = world.orgs["a"]
    client = login_as("admin_a")
    page = _upload(client, org, (GOOD + ",nobody,km,\n").encode())
    assert page.status_code == 422
    html = page.get_data(as_text=True)
    assert "The name is empty." in html and "<td>5</td>" in html
    response = _create(client, org, html)
    assert response.status_code == 422
    assert "Nothing was created" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(User).filter_by(username="aungaung").first() is None
    response = _create(client, org, html, create_valid=True)
    assert response.mimetype == "application/pdf"
    with app.app_context():
        assert db.session.query(User).filter_by(username="aungaung").one()
        assert db.session.query(User).filter_by(username="nobody").first() is None


def test_cp874_file_is_read_and_said_so(world, login_as):
    client = login_as("admin_a")
    data = "ชื่อ,เบอร์โทร,ภาษา\nสมชาย ใจดี,0812345678,ไทย\n".encode("cp874")
    html = _upload(client, world.orgs["a"], data).get_data(as_text=True)
    assert "Read as: Windows-874 (Thai)" in html
    assert "สมชาย ใจดี" in html


@pytest.mark.parametrize(
    "start",
    [b"PK\x03\x04\x14\x00\x06\x00", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-1.7\n"],
    ids=["xlsx", "xls", "pdf"],
)
def test_a_spreadsheet_or_pdf_is_refused_with_how_to_make_a_csv(app, world, login_as, start):
    client = login_as("admin_a")
    response = _upload(client, world.orgs["a"], start + bytes(range(256)) * 20)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "This is not a CSV file. In Excel, choose Save As, then CSV UTF-8." in page


def test_a_utf16_csv_is_still_read(world, login_as):
    client = login_as("admin_a")
    html = _upload(client, world.orgs["a"], GOOD.encode("utf-16")).get_data(as_text=True)
    assert "Read as: UTF-16" in html and "3 workers are ready to be created." in html


def test_a_request_over_the_upload_limit_gets_a_page_that_says_so(app, world, login_as):
    app.config["MAX_CONTENT_LENGTH"] = 10_000
    client = login_as("admin_a")
    response = _upload(client, world.orgs["a"], b"x" * 20_000)
    assert response.status_code == 413
    assert "The file is too big" in response.get_data(as_text=True)


def test_worker_logs_in_with_the_one_time_password_and_must_change_it(app, world, client, auth):
    from learn.org.workers import create_workers

    with app.app_context():
        org = db.session.get(Organisation, world.orgs["a"])
        checked = check(db.session, org, HEADER + "Sok Dara,sokdara,km,\n")
        (worker,) = create_workers(db.session, org, checked.rows)
        password = worker.password
        db.session.commit()
    response = auth.login("sokdara", password)
    assert response.headers["Location"] == "/account/password"


def test_new_cards_for_a_group_reset_only_those_who_never_logged_in(app, world, login_as):
    org, group = world.orgs["a"], world.groups["a"]
    with app.app_context():
        learner = db.session.get(User, world.users["learner_a"])
        old_hash = learner.password_hash
        learner.must_change_password = True
        db.session.commit()
    client = login_as("admin_a")
    response = client.submit(f"/org/{org}/groups/{group}/cards", {}, page=f"/org/{org}")
    assert response.mimetype == "application/pdf"
    with app.app_context():
        assert db.session.get(User, world.users["learner_a"]).password_hash != old_hash


def test_another_orgs_admin_cannot_import(world, login_as):
    client = login_as("admin_b")
    assert client.get(f"/org/{world.orgs['a']}/workers/import").status_code == 404
    response = client.post(f"/org/{world.orgs['a']}/workers/create", data={"text": GOOD})
    assert response.status_code in (400, 404)  # no CSRF token, or not found: never created


@pytest.mark.slow
def test_300_workers_from_one_file_with_their_cards(app, world, login_as):
    """The issue's story: an org admin imports 300 workers and prints their login cards."""
    langs = ["km", "lo", "my", "th", "en"]
    text = HEADER + "".join(
        f"Worker {i},worker{i:03d},{langs[i % 5]},Cohort {i % 3}\n" for i in range(300)
    )
    client = login_as("admin_a")
    page = _upload(client, world.orgs["a"], text.encode()).get_data(as_text=True)
    assert "300 workers are ready to be created." in page
    response = _create(client, world.orgs["a"], page)
    assert response.mimetype == "application/pdf"
    with app.app_context():
        assert db.session.query(User).filter(User.username.like("worker%")).count() == 300
    assert len(PdfReader(io.BytesIO(response.data)).pages) == 38  # eight cards to a page


def test_group_names_match_whatever_their_case(app, org_a):
    from learn.org.workers import create_workers

    text = HEADER + "A,aaa,km,group a\nB,bbb,km,GROUP A\nC,ccc,km,New\nD,ddd,km,NEW\n"
    checked = check(db.session, org_a, text)
    assert checked.new_groups == ("New",)
    create_workers(db.session, org_a, checked.rows)
    names = [g.name for g in db.session.query(Group).filter_by(org_id=org_a.id)]
    assert sorted(names) == ["Group A", "New"]
