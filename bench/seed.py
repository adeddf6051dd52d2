"""Fill a fresh database with a national programme's worth of learners and what they did.

    DATABASE_URL=sqlite:///instance/bench.sqlite3 .venv/bin/python bench/seed.py
    DATABASE_URL=postgresql://postgres@127.0.0.1/rianthai_bench .venv/bin/python bench/seed.py
    .venv/bin/python bench/seed.py --scale 0.01 --seed 7      # a quick one

At scale 1: 10 organisations, 200 trainers (one group of about 50 learners each), 10,000
learners and 1,000,000 answers (attempt_logs), with the step logs, lesson summaries and review
cards those answers imply. Learners, groups and organisations scale with --scale; so do the
answers. The schema comes from the app's migrations (`rianthai db upgrade`), so the indexes
are the production ones. Rows go in with executemany (SQLite) or COPY (PostgreSQL), never the
ORM, and the script prints the time taken and rows per second.

Distributions: how much a learner does is log-normal (most learners stop within the first
lesson or two, a long tail works through the whole course and practises again); languages
are mostly Burmese, Khmer and Lao; each exercise takes one to a few tries (about 70 % right at
each try); activity is spread over the last 180 days. Every account's password is
`bench-password` (logins: learner00001.., trainer0001.., orgadmin01..); load.py logs in with it.
The same --seed gives the same people, answers and ids; times are relative to now.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402  (after the path set-up above)

from exercises import review as fsrs_review  # noqa: E402
from lessons import load_course  # noqa: E402

COURSE = ROOT / "lessons" / "courses" / "thai-for-work"
PASSWORD = "bench-password"
LANGUAGES = (("my", 0.42), ("km", 0.26), ("lo", 0.22), ("en", 0.05), ("th", 0.05))
CHUNK = 50_000  # answers held in memory before they are written
DAYS = 180


class Writer:
    """Bulk rows into one database: executemany on SQLite, COPY on PostgreSQL.

    The converters turn Python values into what each driver stores for SQLAlchemy's types
    (SQLite keeps a UUID as 32 hex digits and a datetime as naive UTC text).
    """

    def __init__(self, url: str) -> None:
        self.engine = sa.create_engine(normalise(url))
        self.postgres = self.engine.dialect.name == "postgresql"
        self.raw = self.engine.raw_connection()
        self.cursor = self.raw.cursor()
        if not self.postgres:
            # A seed that fails is run again from scratch: no need to wait for the disk.
            self.cursor.execute("PRAGMA synchronous=OFF")
        self.rows = 0
        self.uuid: Callable[[uuid.UUID], object] = (lambda u: u) if self.postgres else _hex
        self.time: Callable[[datetime], object] = (lambda t: t) if self.postgres else _naive
        self.bool: Callable[[bool], object] = bool if self.postgres else int

    def tables(self) -> set[str]:
        return set(sa.inspect(self.engine).get_table_names())

    def count(self, table: str) -> int:
        self.cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (our own names)
        return self.cursor.fetchone()[0]

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
        rows = rows if isinstance(rows, list) else list(rows)
        if not rows:
            return
        names = ", ".join(columns)
        if self.postgres:
            with self.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(columns))
            self.cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        self.rows += len(rows)

    def finish(self, tables: Iterable[str]) -> None:
        """Commit; on PostgreSQL move each id sequence past the ids given here."""
        if self.postgres:
            for table in tables:
                self.cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
                )
            self.raw.commit()
            self.cursor.execute("ANALYZE")
        else:
            self.raw.commit()
            self.cursor.execute("ANALYZE")
        self.raw.commit()
        self.raw.close()
        self.engine.dispose()


def _hex(value: uuid.UUID) -> str:
    return value.hex


def _naive(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def normalise(url: str) -> str:
    """psycopg 3 for PostgreSQL, as the app does (learn.config.normalise_database_url)."""
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def password_hash() -> str:
    from learn.auth.accounts import hash_password  # the app's own hasher and parameters

    return hash_password(PASSWORD)


class Course:
    """The bundled course flattened into what a learner meets, in order."""

    def __init__(self, folder: Path) -> None:
        course = load_course(folder)
        self.id = course.id
        # (lesson id, step id, exercise ids) per step; video checkpoints count as exercises.
        self.lessons: list[tuple[str, list[tuple[str, tuple[str, ...]]], list[str]]] = []
        for lesson in course.lessons:
            steps = []
            for step in lesson.steps:
                asked = getattr(step, "checkpoints", None) or getattr(step, "exercises", ()) or ()
                steps.append((step.id, tuple(asked)))
            self.lessons.append((lesson.id, steps, [v.id for v in lesson.vocabulary]))
        self.exercise_count = {
            lesson_id: sum(len(asked) for _, asked in steps) for lesson_id, steps, _ in self.lessons
        }
        self.card_templates: dict[str, dict] = {}

    def card_state(self, item: str, due: datetime) -> str:
        state = dict(self.card_templates.get(item) or fsrs_review.new_card(item, due).to_dict())
        self.card_templates.setdefault(item, state)
        return json.dumps({**state, "due": due.isoformat()})


def activity(rng: random.Random, learners: int, answers: int) -> list[int]:
    """How many answers each learner gave: log-normal, summing to `answers`."""
    weights = [rng.lognormvariate(0.0, 1.3) for _ in range(learners)]
    total = sum(weights)
    counts = [max(1, int(w / total * answers)) for w in weights]
    # Rounding leaves a few hundred over or under: give or take them from the most active.
    gap = answers - sum(counts)
    top = sorted(range(learners), key=counts.__getitem__, reverse=True)
    for i in range(abs(gap)):
        counts[top[i % len(top)]] += 1 if gap > 0 else -1
    return counts


def seed(url: str, scale: float, seed_value: int, course: Course) -> dict[str, int]:
    """Seed the database at `url` (already migrated and empty); the rows written per table."""
    rng = random.Random(seed_value)
    writer = Writer(url)
    tables = writer.tables()
    if "users" not in tables:
        raise SystemExit(f"{url}: no users table; run `rianthai db upgrade` first")
    if writer.count("users"):
        raise SystemExit(f"{url}: the database already has users; seed a fresh one")
    now = datetime.now(UTC)
    start = now - timedelta(days=DAYS)
    n_orgs = max(1, round(10 * scale))
    n_trainers = max(n_orgs, round(200 * scale))
    n_learners = max(n_trainers, round(10_000 * scale))
    n_answers = max(n_learners, round(1_000_000 * scale))
    written: dict[str, int] = {}

    def put(table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        writer.insert(table, columns, rows)
        written[table] = written.get(table, 0) + len(rows)

    # People: org admins, trainers, learners. One hash for all: argon2 is slow on purpose.
    hashed = password_hash()
    user_cols = (
        "id",
        "username",
        "display_name",
        "password_hash",
        "language",
        "role",
        "must_change_password",
        "failed_logins",
        "created_at",
    )
    users, next_id = [], 1
    admins = list(range(next_id, next_id + n_orgs))
    trainers = list(range(admins[-1] + 1, admins[-1] + 1 + n_trainers))
    learners = list(range(trainers[-1] + 1, trainers[-1] + 1 + n_learners))
    codes, langs = [c for c, _ in LANGUAGES], [w for _, w in LANGUAGES]
    language: dict[int, str] = {}
    for number, user_id in enumerate(admins, 1):
        users.append((user_id, f"orgadmin{number:02d}", f"Admin {number}", hashed, "en"))
    for number, user_id in enumerate(trainers, 1):
        users.append(
            (
                user_id,
                f"trainer{number:04d}",
                f"Trainer {number}",
                hashed,
                rng.choice(("en", "th", "en", "my", "km")),
            )
        )
    for number, user_id in enumerate(learners, 1):
        language[user_id] = rng.choices(codes, langs)[0]
        users.append((user_id, f"learner{number:05d}", "", hashed, language[user_id]))
    put(
        "users",
        user_cols,
        [
            (
                *row,
                "learner",
                writer.bool(False),
                0,
                writer.time(start + timedelta(seconds=rng.uniform(0, 86_400 * 30))),
            )
            for row in users
        ],
    )

    # Organisations, memberships, one group per trainer, assignments.
    if "organisations" in tables:
        put(
            "organisations",
            ("id", "name", "created_at"),
            [(i, f"Organisation {i}", writer.time(start)) for i in range(1, n_orgs + 1)],
        )
        org_of = {uid: i % n_orgs + 1 for i, uid in enumerate(trainers + learners)}
        for i, uid in enumerate(admins):
            org_of[uid] = i + 1
        put(
            "memberships",
            ("id", "org_id", "user_id", "role", "created_at"),
            [
                (
                    i,
                    org_of[uid],
                    uid,
                    "org_admin"
                    if uid <= admins[-1]
                    else "trainer"
                    if uid <= trainers[-1]
                    else "learner",
                    writer.time(start),
                )
                for i, uid in enumerate(admins + trainers + learners, 1)
            ],
        )
        alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
        join_codes = set()
        while len(join_codes) < n_trainers:
            join_codes.add("".join(rng.choice(alphabet) for _ in range(8)))
        group_of_trainer = {uid: g for g, uid in enumerate(trainers, 1)}
        put(
            "groups",
            ("id", "org_id", "name", "join_code", "created_at"),
            [
                (g, org_of[uid], f"Class {g}", code, writer.time(start))
                for (uid, g), code in zip(group_of_trainer.items(), sorted(join_codes), strict=True)
            ],
        )
        # A learner joins a group of a trainer in the same organisation.
        by_org: dict[int, list[int]] = {}
        for uid in trainers:
            by_org.setdefault(org_of[uid], []).append(group_of_trainer[uid])
        members = [(group_of_trainer[uid], uid, "trainer") for uid in trainers]
        members += [(rng.choice(by_org[org_of[uid]]), uid, "learner") for uid in learners]
        put(
            "group_members",
            ("group_id", "user_id", "role", "joined_at"),
            [(*m, writer.time(start)) for m in members],
        )
        lesson_ids = [lesson_id for lesson_id, _, _ in course.lessons]
        put(
            "assignments",
            ("id", "group_id", "course_id", "lesson_id", "due_on", "created_by", "created_at"),
            [
                (
                    i,
                    g,
                    course.id,
                    lesson_ids[k],
                    (now + timedelta(days=7 * k - 14)).date(),
                    uid,
                    writer.time(start),
                )
                for i, (g, uid, k) in enumerate(
                    ((g, uid, k) for uid, g in group_of_trainer.items() for k in range(3)), 1
                )
            ],
        )

    # What learners did: walk the course in order, a few tries per exercise, until the
    # learner's share of answers is spent; the most active go round again (practice).
    counts = activity(rng, n_learners, n_answers)
    attempt_cols = (
        "id",
        "uuid",
        "user_id",
        "course_id",
        "lesson_id",
        "step_id",
        "exercise_id",
        "correct",
        "score",
        "answer",
        "feedback",
        "hinted",
        "created_at",
    )
    step_cols = ("id", "uuid", "user_id", "course_id", "lesson_id", "step_id", "created_at")
    summary_cols = (
        "user_id",
        "course_id",
        "lesson_id",
        "progress",
        "best_score",
        "time_spent",
        "last_step_id",
        "steps_done",
        "best_scores",
        "wrong_streaks",
        "updated_at",
    )
    card_cols = ("id", "user_id", "course_id", "item_id", "due", "state", "created_at")
    right, wrong = writer.bool(True), writer.bool(False)
    no_feedback, wrong_feedback = "[]", json.dumps([{"code": "wrong_choice", "data": {}}])
    ids = {"attempt": 0, "step": 0, "card": 0}
    buffers: dict[str, list[tuple]] = {"attempt": [], "step": [], "summary": [], "card": []}
    uuid4 = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)  # noqa: E731

    def flush() -> None:
        put("attempt_logs", attempt_cols, buffers["attempt"])
        put("step_logs", step_cols, buffers["step"])
        put("lesson_summaries", summary_cols, buffers["summary"])
        put("review_cards", card_cols, buffers["card"])
        for rows in buffers.values():
            rows.clear()

    for user_id, budget in zip(learners, counts, strict=True):
        # The learner's days: started some time in the window, answers a few seconds apart
        # within a visit, visits hours or days apart.
        moment = start + timedelta(seconds=rng.uniform(0, 86_400 * (DAYS - 1)))
        first_pass = True
        touched: dict[
            str, list
        ] = {}  # lesson -> [steps done, best, last step, time, wrong streaks]
        while budget > 0:
            for lesson_id, steps, _ in course.lessons:
                if budget <= 0:
                    break
                entry = touched.setdefault(lesson_id, [[], {}, None, moment, {}])
                for step_id, asked in steps:
                    if budget <= 0:
                        break
                    for exercise_id in asked:
                        while budget > 0:
                            budget -= 1
                            ids["attempt"] += 1
                            moment += timedelta(seconds=rng.expovariate(1 / 20))
                            ok = rng.random() < 0.7
                            score = 1.0 if ok else rng.choice((0.0, 0.0, 0.5))
                            buffers["attempt"].append(
                                (
                                    ids["attempt"],
                                    writer.uuid(uuid4()),
                                    user_id,
                                    course.id,
                                    lesson_id,
                                    step_id,
                                    exercise_id,
                                    right if ok else wrong,
                                    score,
                                    '"a"' if ok else '"b"',
                                    no_feedback if ok else wrong_feedback,
                                    wrong,
                                    writer.time(moment),
                                )
                            )
                            best = entry[1]
                            best[exercise_id] = max(best.get(exercise_id, 0.0), score)
                            streaks = entry[4]
                            streaks[exercise_id] = 0 if ok else streaks.get(exercise_id, 0) + 1
                            if ok or rng.random() < 0.3:  # a wrong answer may be left there
                                break
                    if budget <= 0 and asked:
                        break  # stopped in the middle of this step
                    if first_pass:
                        ids["step"] += 1
                        moment += timedelta(seconds=rng.uniform(20, 240))
                        buffers["step"].append(
                            (
                                ids["step"],
                                writer.uuid(uuid4()),
                                user_id,
                                course.id,
                                lesson_id,
                                step_id,
                                writer.time(moment),
                            )
                        )
                        entry[0].append(step_id)
                    entry[2], entry[3] = step_id, moment
                # Between lessons: a new visit, hours to days later.
                moment += timedelta(hours=rng.expovariate(1 / 30))
                if moment > now:
                    moment = now - timedelta(minutes=rng.uniform(1, 600))
            first_pass = False
        for lesson_id, steps, vocabulary in course.lessons:
            entry = touched.get(lesson_id)
            if entry is None:
                continue
            done, best, last_step, updated, streaks = entry
            total = course.exercise_count[lesson_id]
            buffers["summary"].append(
                (
                    user_id,
                    course.id,
                    lesson_id,
                    min(1.0, len(done) / len(steps)),
                    sum(best.values()) / total if total else 0.0,
                    min(3_600, 60 + 25 * len(best)),
                    last_step,
                    json.dumps(sorted(done)),
                    json.dumps(best),
                    json.dumps(streaks),
                    writer.time(min(updated, now)),
                )
            )
            for item in vocabulary:
                ids["card"] += 1
                due = now + timedelta(days=rng.uniform(-5, 20))
                buffers["card"].append(
                    (
                        ids["card"],
                        user_id,
                        course.id,
                        item,
                        writer.time(due),
                        course.card_state(item, due),
                        writer.time(min(updated, now)),
                    )
                )
        if len(buffers["attempt"]) >= CHUNK:
            flush()
    flush()
    writer.finish(
        t
        for t in (
            "users",
            "organisations",
            "memberships",
            "groups",
            "assignments",
            "attempt_logs",
            "step_logs",
            "review_cards",
        )
        if t in tables
    )
    return written


def migrate(url: str) -> None:
    """Create the schema with the app's own migrations."""
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": os.environ.get("SECRET_KEY", "seed")}
    subprocess.run(
        [str(BIN / "rianthai"), "db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 1,000,000 answers")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    parser.add_argument(
        "--url",
        default=os.environ.get("DATABASE_URL"),
        help="database URL (default: $DATABASE_URL)",
    )
    args = parser.parse_args(argv)
    if not args.url:
        parser.error("set DATABASE_URL or pass --url")
    began = time.perf_counter()
    migrate(args.url)
    course = Course(COURSE)
    migrated = time.perf_counter()
    written = seed(args.url, args.scale, args.seed, course)
    took = time.perf_counter() - migrated
    total = sum(written.values())
    for table, rows in written.items():
        print(f"{table:<18}{rows:>12,}")
    print(f"{'total':<18}{total:>12,}")
    print(
        f"seeded in {took:.1f} s ({total / took:,.0f} rows/s; "
        f"migrations and loading the course {migrated - began:.1f} s before)"
    )


if __name__ == "__main__":
    main()
