"""What one request costs the server, page by page, for a typical and the most active learner.

    .venv/bin/python bench/pagecost.py [--database-url URL] [--repeat 50]

The app runs in this process (Flask's test client: no HTTP, no concurrency) on a database
seeded by `bench/seed.py` (default: /tmp/rianthai-bench/bench.sqlite3). For the learner with
the median number of answers and the one with the most, each page is asked for `--repeat`
times after one warm-up, and the CPU time of this process per request is printed (CPU time,
not wall time: other work on the machine changes it much less). Answers carry new UUIDs, so
each is a new row. This isolates what `load.py` measures under concurrency: the work per page,
and whether it grows with a learner's history.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", "sqlite:////tmp/rianthai-bench/bench.sqlite3"),
    )
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    work = Path("/tmp/rianthai-bench/work")
    os.environ.update(
        DATABASE_URL=args.database_url,
        MEDIA_ROOT=str(work / "media"),
        COURSES_DIR=str(work / "courses"),
        TEXTBOOK_CACHE=str(work / "textbooks"),
    )
    from sqlalchemy import func, select

    from learn import create_app
    from learn.catalog import catalog
    from learn.extensions import db
    from learn.models import AttemptLog

    app = create_app({"SECRET_KEY": "pagecost", "WTF_CSRF_ENABLED": False})
    with app.app_context():
        course = next(c for c in catalog().courses() if c.id == "thai-for-work")
        counts = db.session.execute(
            select(AttemptLog.user_id, func.count())
            .group_by(AttemptLog.user_id)
            .order_by(func.count())
        ).all()
    if not counts:
        sys.exit(f"{args.database_url} has no answers: run bench/seed.py first")
    lesson = course.units[0].lessons[0]
    step = next(s for s in lesson.steps if getattr(s, "exercises", None))
    base = f"/courses/{course.id}"
    step_path = f"{base}/lessons/{lesson.id}/steps/{step.id}"
    gzip = {"Accept-Encoding": "gzip"}
    print(f"{args.database_url}, {args.repeat} requests each, CPU ms per request")
    print(f"{'learner':<40} {'home':>6} {'map':>6} {'step':>6} {'answer':>7}")
    for label, (user_id, answers) in (
        ("median", counts[len(counts) // 2]),
        ("most active", counts[-1]),
    ):
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"], session["_fresh"] = str(user_id), True

        def answer(client=client):
            return client.post(
                f"{step_path}/answer",
                data={"exercise": step.exercises[0], "uuid": str(uuid.uuid4()), "choice": "x"},
                headers=gzip,
            )

        requests = {
            "home": lambda client=client: client.get("/", headers=gzip),
            "map": lambda client=client: client.get(base, headers=gzip),
            "step": lambda client=client: client.get(f"{step_path}?again=1", headers=gzip),
            "answer": answer,
        }
        costs = []
        for ask in requests.values():
            assert ask().status_code == 200
            started = time.process_time()
            for _ in range(args.repeat):
                ask()
            costs.append((time.process_time() - started) / args.repeat * 1000)
        who = f"{label} (user {user_id}, {answers:,} answers)"
        print(f"{who:<40} {costs[0]:>6.2f} {costs[1]:>6.2f} {costs[2]:>6.2f} {costs[3]:>7.2f}")


if __name__ == "__main__":
    main()
