"""Nothing a learner was told is saved is lost when the server dies, and nothing counts twice.

The real app runs under gunicorn (2 workers) on the test database (SQLite, or PostgreSQL when
TEST_DATABASE_URL names one). 16 learners submit answers, each with its own client-made UUID,
while the whole server is killed with SIGKILL; it is started again, every answer that failed
is sent again with the same UUID, and the database must then hold every answer exactly once.
"""

from __future__ import annotations

import html
import http.client
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from learn.auth.accounts import hash_password
from learn.extensions import db
from learn.models import AttemptLog, User

ROOT = Path(__file__).resolve().parents[2]
PACKS = ROOT / "tests" / "lessons" / "packs"
ANSWER = "/courses/mini/lessons/hello/steps/hello-practice/answer"
PAGE = "/courses/mini/lessons/hello/steps/hello-practice?again=1"
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
LEARNERS = 16
PASSWORD = "correct horse"

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn with the real app, in its own process group so SIGKILL takes every worker."""

    def __init__(self, env: dict[str, str], port: int) -> None:
        self.env, self.port = env, port
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "--workers=2",
                f"--bind=127.0.0.1:{self.port}",
                "--log-level=error",
                "wsgi:app",
            ],
            env=self.env,
            cwd=ROOT,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1).close()
                return
            except OSError:
                assert self.process.poll() is None, "gunicorn exited while starting"
                time.sleep(0.1)
        raise AssertionError("gunicorn did not answer within 20 s")

    def kill(self) -> None:
        """SIGKILL to the master and its workers at once: no worker finishes its request."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)


def _log_in(port: int, login: str) -> tuple[str, str]:
    """The session cookie and CSRF token of a learner logged in through the real form."""
    base = f"http://127.0.0.1:{port}"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/login", timeout=30) as response:
        token = html.unescape(TOKEN.search(response.read().decode()).group(1))
    form = urllib.parse.urlencode({"csrf_token": token, "login": login, "password": PASSWORD})
    opener.open(base + "/login", data=form.encode(), timeout=30).close()
    with opener.open(base + PAGE, timeout=30) as response:
        token = html.unescape(TOKEN.search(response.read().decode()).group(1))
    return "; ".join(f"{c.name}={c.value}" for c in jar), token


def _submit(port: int, cookie: str, token: str, answer_uuid: uuid.UUID) -> bool:
    """One answer; True only for the success response a learner's phone would trust."""
    body = urllib.parse.urlencode(
        {"csrf_token": token, "uuid": str(answer_uuid), "exercise": "hello-meaning",
         "choice": "hello"}
    )  # fmt: skip
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(
            "POST",
            ANSWER,
            body=body,
            headers={
                "Cookie": cookie,
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
        )
        response = connection.getresponse()
        response.read()
    except (OSError, http.client.HTTPException):  # refused, reset, or cut off mid-response
        return False
    finally:
        connection.close()
    return response.status == 200


@pytest.fixture
def server(app, database_url, media_library, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "durability",
        "MEDIA_ROOT": str(media_library),
        "BUNDLED_COURSES_DIR": str(PACKS),
        "COURSES_DIR": str(tmp_path / "courses"),
        "TEXTBOOK_CACHE": str(tmp_path / "textbooks"),
    }
    served = Server(env, _free_port())
    yield served
    served.stop()


def test_every_acknowledged_answer_survives_a_sigkill_exactly_once(app, server):
    with app.app_context():
        hashed = hash_password(PASSWORD)
        for n in range(LEARNERS):
            db.session.add(User(username=f"durable{n:02d}", password_hash=hashed))
        db.session.commit()
    server.start()
    people = [_log_in(server.port, f"durable{n:02d}") for n in range(LEARNERS)]

    acknowledged: set[uuid.UUID] = set()
    failed: list[tuple[int, uuid.UUID]] = []
    lock = threading.Lock()
    stop = threading.Event()

    def learner(n: int) -> None:
        cookie, token = people[n]
        while not stop.is_set():
            answer_uuid = uuid.uuid4()
            ok = _submit(server.port, cookie, token, answer_uuid)
            with lock:
                (acknowledged.add(answer_uuid) if ok else failed.append((n, answer_uuid)))
            if not ok:
                time.sleep(0.05)  # the server is down: a phone would wait a little too

    threads = [threading.Thread(target=learner, args=(n,)) for n in range(LEARNERS)]
    for thread in threads:
        thread.start()
    time.sleep(2.0)
    before_kill = len(acknowledged)
    server.kill()
    time.sleep(0.5)
    server.start()
    time.sleep(1.0)
    stop.set()
    for thread in threads:
        thread.join()

    # What failed is sent again with the same UUID, as the phone's outbox would.
    for n, answer_uuid in failed:
        for _ in range(20):
            if _submit(server.port, *people[n], answer_uuid):
                acknowledged.add(answer_uuid)
                break
            time.sleep(0.1)
    server.stop()

    sent = acknowledged | {answer_uuid for _, answer_uuid in failed}
    with app.app_context():
        stored = db.session.execute(
            select(AttemptLog.uuid, func.count()).group_by(AttemptLog.uuid)
        ).all()
    counts = dict(stored)
    print(
        f"{len(acknowledged)} answers acknowledged ({before_kill} before the kill), "
        f"{len(failed)} failed and sent again, {len(stored)} stored"
    )
    assert before_kill > 0, "no answer got through before the kill"
    assert failed, "the kill interrupted nothing: the test proved nothing"
    assert acknowledged == sent, "some answers never got a success response, even when retried"
    assert set(counts) == acknowledged, "an acknowledged answer is missing, or an unknown stored"
    assert all(count == 1 for count in counts.values())
