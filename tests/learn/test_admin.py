"""Installing course packs from the admin page; a new version keeps learners' progress."""

from __future__ import annotations

import io
import shutil
import uuid
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from learn.catalog import catalog
from learn.extensions import db
from learn.models import Role, User

MINIMAL = Path(__file__).parents[1] / "lessons" / "packs" / "minimal"
VIDEO = "/courses/mini/lessons/hello/steps/hello-video"


def _zip(folder: Path, extra: dict[str, bytes] | None = None) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def _version(tmp_path, version: str, drop_lesson_two=False) -> Path:
    pack = tmp_path / f"mini-{version}"
    shutil.copytree(MINIMAL, pack)
    course = pack / "course.yaml"
    text = course.read_text().replace('version: "1.0"', f'version: "{version}"')
    if drop_lesson_two:
        shutil.rmtree(pack / "02-thanks")
        text = text.replace("      - 02-thanks\n", "")
    course.write_text(text)
    return pack


@pytest.fixture
def admin(app, auth):
    auth.register(login="admin1")
    with app.app_context():
        db.session.scalar(select(User).where(User.username == "admin1")).role = Role.ADMIN
        db.session.commit()
    return auth


def _upload(client, data: io.BytesIO, name="pack.zip"):
    return client.submit(
        "/admin/courses",
        {"pack": (data, name)},
        page="/admin/courses",
        content_type="multipart/form-data",
    )


def test_learners_may_not_open_the_admin_page(client, auth):
    auth.register(login="aung")
    assert client.get("/admin/courses").status_code == 403


def test_install_a_new_version_from_a_zip(app, client, admin, tmp_path):
    response = _upload(client, _zip(_version(tmp_path, "1.1")))
    assert response.status_code == 302
    html = client.get("/admin/courses").get_data(as_text=True)
    assert "Installed mini version 1.1." in html
    with app.app_context():
        assert catalog().get("mini").version == "1.1"


def test_a_broken_pack_is_refused_whole_with_every_problem(app, client, admin, tmp_path):
    pack = _version(tmp_path, "1.2")
    lesson = pack / "02-thanks" / "lesson.yaml"
    lesson.write_text(lesson.read_text().replace("[hello]", "[nope]"))
    response = _upload(client, _zip(pack))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "02-thanks/lesson.yaml:8: prerequisites.0: no lesson with id &#39;nope&#39;" in html
    assert not Path(app.config["COURSES_DIR"], "mini").exists()


def test_a_zip_that_escapes_its_folder_is_refused(app, client, admin, tmp_path):
    response = _upload(client, _zip(_version(tmp_path, "1.3"), {"../../evil.txt": b"x"}))
    assert response.status_code == 422
    assert not (Path(app.config["COURSES_DIR"]).parent / "evil.txt").exists()


def test_not_a_zip_is_refused_by_the_form(client, admin):
    response = _upload(client, io.BytesIO(b"hello"), name="pack.txt")
    assert response.status_code == 422
    assert "A course pack is a .zip file." in response.get_data(as_text=True)


def test_a_new_version_keeps_progress_and_reports_what_it_removed(app, client, admin, tmp_path):
    client.submit(f"{VIDEO}/done", {"uuid": str(uuid.uuid4())}, page=VIDEO)
    response = _upload(client, _zip(_version(tmp_path, "2.0", drop_lesson_two=True)))
    assert response.status_code == 302
    html = client.get("/admin/courses").get_data(as_text=True)
    assert "This version removed:" in html and "thanks" in html
    # The learner's finished step is still counted in version 2.0.
    assert client.get("/courses/mini/lessons/hello").headers["Location"].endswith("hello-dialogue")
    assert "lesson-locked" not in client.get("/courses/mini").get_data(as_text=True)
