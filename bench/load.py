"""Requests per second, p50 and p99 of the main pages under load, against a bare Flask route.

    .venv/bin/python bench/load.py                                 # SQLite in /tmp/rianthai-bench
    .venv/bin/python bench/load.py --database-url postgresql://postgres@127.0.0.1/rianthai_bench
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000     # an app already running

The app runs under gunicorn (2 sync workers, 127.0.0.1, a free port) through
`bench/wsgi_bench.py`, which adds `/bare/`: a Flask app that returns a constant, the ceiling
of what this stack serves. Each page is driven for --seconds (or --requests, whichever comes
first) at 32 connections by wrk (Debian's package) or, without wrk, by Python threads; every
figure is also given as a share of the bare route's requests per second in the same run.

Without --url the database is prepared once in --workdir and reused: seeded by seed.py at
--scale if it has no users, a 2-MB video scanned into the media library, the Burmese A4
textbook rendered into the cache. Requests come from 32 seeded learners (and 32 trainers for
the group grid), each logged in once; each answer has a fresh UUID, so each is a new row.
"""

from __future__ import annotations

import argparse
import html
import http.client
import http.cookiejar
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COURSE = "thai-for-work"
LESSON = f"/courses/{COURSE}/lessons/greetings/steps/greetings-words"
VIDEO = "bench-video"
PASSWORD = "bench-password"  # seed.py gives every account this one
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
# Per response: count it, stop at the bound; a status >= 400 is counted by wrk itself.
RESPONSE = """
response = function(status, headers, body)
  if status ~= {status} and status < 400 then bad = bad + 1 end
  count = count + 1
  if count >= limit then wrk.thread:stop() end
end"""
RESULT = re.compile(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+)")


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to measure: a method and path per session, and what a success looks like."""

    name: str
    path: str  # may hold {group}: the session's own group
    who: str = "learner"  # learner, trainer or nobody
    method: str = "GET"
    body: str = ""  # form fields; csrf_token and a fresh uuid are added per request
    headers: tuple[tuple[str, str], ...] = ()
    status: int = 200
    # A file: wrk must not hand each body to Lua (a 1-MB copy per response would make the
    # client the bottleneck), so only wrk's own counts apply and --seconds is the bound.
    file: bool = False
    # Asked with the ETag the session got for the page, as a phone that keeps it asks.
    revalidate: bool = False


TARGETS = [
    Target("bare Flask route", "/bare/", who="nobody"),
    Target("app health check", "/healthz", who="nobody"),  # the app's stack + SELECT 1
    # The least any signed-in page costs: the session and the account's row, no page.
    Target("signed-in floor", "/bench/signed-in"),
    Target("home page", "/"),
    Target("course map", f"/courses/{COURSE}"),
    Target("lesson step page", f"{LESSON}?again=1"),
    Target("course map, kept (304)", f"/courses/{COURSE}", revalidate=True, status=304),
    Target("lesson step, kept (304)", f"{LESSON}?again=1", revalidate=True, status=304),
    Target(
        "answer submission",
        f"{LESSON}/answer",
        method="POST",
        body="exercise=greet-meaning-sawatdii&choice=a",
    ),
    Target("trainer group grid", "/trainer/groups/{group}/dashboard", who="trainer"),
    Target("textbook download", f"/textbooks/{COURSE}/my.pdf", who="nobody", file=True),
    Target(
        "video Range 1 MB",
        f"/media/{VIDEO}/original",
        who="nobody",
        headers=(("Range", "bytes=0-1048575"),),
        status=206,
        file=True,
    ),
]


@dataclass(frozen=True, slots=True)
class Session:
    cookie: str
    token: str
    group: int = 0
    etag: str = ""  # of the page a `revalidate` target asks for


@dataclass(frozen=True, slots=True)
class Figures:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


# -- preparing the database, the media and the textbook ---------------------------------------


def rianthai(env: dict, *args: str) -> None:
    subprocess.run(
        [str(BIN / "rianthai"), *args], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )


def prepare(workdir: Path, database_url: str, scale: float) -> dict[str, str]:
    """The environment the app runs with; seeds and renders what is missing."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "SECRET_KEY": "load-bench",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(workdir / "media"),
        "COURSES_DIR": str(workdir / "courses"),
        "TEXTBOOK_CACHE": str(workdir / "textbooks"),
        # 64 sessions log in from 127.0.0.1 at once: more than a real network would.
        "RATELIMIT_LOGIN": "10000 per minute",
    }
    if not _has_users(database_url):
        print(f"seeding {database_url} at scale {scale} ...", flush=True)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "seed.py"),
                "--scale",
                str(scale),
                "--url",
                database_url,
            ],
            cwd=ROOT,
            check=True,
        )
    media = workdir / "media"
    if not (media / f"{VIDEO}.mp4").exists():
        media.mkdir(exist_ok=True)
        print("making a 2-MB video ...", flush=True)
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=s=640x360:d=8:r=25",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-b:v",
                "2M",
                "-pix_fmt",
                "yuv420p",
                str(media / f"{VIDEO}.mp4"),
            ],
            check=True,
        )
        rianthai(env, "media", "scan")
    # Renders only when the cache lacks this version of the course (seconds when it has it).
    print("the Burmese textbook in the cache ...", flush=True)
    rianthai(env, "textbook", "build", "--course", COURSE, "--lang", "my", "--size", "A4")
    return env


def _has_users(database_url: str) -> bool:
    sys.path.insert(0, str(ROOT / "bench"))
    import sqlalchemy as sa
    from seed import normalise

    engine = sa.create_engine(normalise(database_url))
    try:
        with engine.connect() as connection:
            return bool(connection.scalar(sa.text("SELECT count(*) FROM users")))
    except sa.exc.SQLAlchemyError:
        return False
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(env: dict, workers: int):
    """The app plus /bare/ under gunicorn; its base URL."""
    port = _free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(ROOT),
            "--log-level",
            "warning",
            # bench/ is a namespace package: on the path itself, bench/textbook.py would hide
            # the textbook package.
            "bench.wsgi_bench:app",
        ],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit("gunicorn exited before serving") from None
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


# -- logging in --------------------------------------------------------------------------------


def log_in(base: str, login: str, page: str) -> Session:
    """Log in through the real form; the session cookie and a CSRF token from `page`."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/login") as response:
        token = html.unescape(TOKEN.search(response.read().decode()).group(1))
    form = urllib.parse.urlencode({"csrf_token": token, "login": login, "password": PASSWORD})
    with opener.open(base + "/login", data=form.encode()) as response:
        response.read()
    with opener.open(base + page) as response:
        found = TOKEN.search(response.read().decode())
        if "/login" in response.url or not found:
            raise SystemExit(f"could not log in as {login} (is the database seeded by seed.py?)")
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    return Session(cookie, html.unescape(found.group(1)))


def sessions(base: str, who: str, count: int) -> list[Session]:
    if who == "learner":
        logins = [(f"learner{n:05d}", f"{LESSON}?again=1", 0) for n in range(1, count + 1)]
    else:  # seed.py: trainer n runs group n
        logins = [(f"trainer{n:04d}", "/", n) for n in range(1, count + 1)]
    # Two at a time: each login is an argon2 check, which is slow by design.
    with ThreadPoolExecutor(2) as pool:
        made = list(pool.map(lambda entry: log_in(base, entry[0], entry[1]), logins))
    return [
        Session(s.cookie, s.token, group) for s, (_, _, group) in zip(made, logins, strict=True)
    ]


def etag_of(base: str, path: str, person: Session) -> str:
    """The ETag the session gets for the page: what its phone would keep."""
    request = urllib.request.Request(base + path, headers={"Cookie": person.cookie})
    with urllib.request.urlopen(request) as response:
        response.read()
        etag = response.headers.get("ETag")
    if not etag:
        raise SystemExit(f"{path} has no ETag for a signed-in learner")
    return etag


# -- driving the load -------------------------------------------------------------------------


def _requests(target: Target, people: list[Session]) -> list[tuple[str, str, dict[str, str]]]:
    """(method, path, headers) per session; the body is completed per request."""
    out = []
    for person in people or [Session("", "")]:
        headers = {"Accept-Encoding": "gzip", **dict(target.headers)}  # as every phone asks
        if person.cookie:
            headers["Cookie"] = person.cookie
        if target.revalidate:
            headers["If-None-Match"] = person.etag
        if target.method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        out.append((target.method, target.path.format(group=person.group), headers))
    return out


def _body(target: Target, person: Session | None) -> str:
    if target.method != "POST" or person is None:
        return ""
    token = urllib.parse.quote(person.token, safe="")
    return f"{target.body}&csrf_token={token}&uuid={uuid.uuid4()}"


def _lua(target: Target, people: list[Session], limit: int) -> str:
    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    rows = []
    for (method, path, headers), person in zip(
        _requests(target, people), people or [None], strict=True
    ):
        fields = ", ".join(f"[{quote(k)}] = {quote(v)}" for k, v in headers.items())
        prefix = _body(target, person).rsplit("uuid=", 1)[0] + "uuid=" if person else ""
        rows.append(f"{{{quote(method)}, {quote(path)}, {{{fields}}}, {quote(prefix)}}}")
    return f"""
local entries = {{{", ".join(rows)}}}
local i, count, limit = 0, 0, {limit}
bad = 0  -- a global: done() reads it from each thread
local post = {"true" if target.method == "POST" else "false"}
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function (c)
    return string.format("%x", c == "x" and math.random(0, 15) or math.random(8, 11))
  end))
end
request = function()
  i = i % #entries + 1
  local e = entries[i]
  if post then return wrk.format(e[1], e[2], e[3], e[4] .. uuid()) end
  return wrk.format(e[1], e[2], e[3])
end
{"" if target.file else RESPONSE.format(status=target.status)}
local threads = {{}}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("bad") or 0) end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    bad + e.status + e.connect + e.read + e.write + e.timeout))
end
"""


def run_wrk(base: str, target: Target, people: list[Session], args) -> Figures:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua(target, people, args.requests))
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{args.connections}",
                f"-d{args.seconds}s",
                "--timeout",
                "10s",
                "-s",
                script.name,
                base + target.path.format(group=1),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    found = RESULT.search(out)
    if not found:
        raise SystemExit(f"wrk printed no result for {target.name}:\n{out}")
    requests, micros, p50, p99, errors = map(int, found.groups())
    return Figures(requests, micros / 1e6, p50 / 1000, p99 / 1000, errors)


def run_threads(base: str, target: Target, people: list[Session], args) -> Figures:
    """The same load from Python threads (no wrk): one connection per request, as wrk sees
    gunicorn's sync workers close each."""
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    requests = _requests(target, people)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + args.seconds

    def worker(n: int) -> None:
        k = n
        while time.perf_counter() < stop_at:
            with lock:
                if len(latencies) + errors[0] >= args.requests:
                    return
            method, path, headers = requests[k % len(requests)]
            body = _body(target, people[k % len(people)] if people else None)
            k += args.connections
            began = time.perf_counter()
            try:
                connection = http.client.HTTPConnection(host, int(port), timeout=10)
                connection.request(method, path, body=body or None, headers=headers)
                response = connection.getresponse()
                response.read()
                connection.close()
                ok = response.status == target.status
            except OSError:
                ok = False
            with lock:
                if ok:
                    latencies.append(time.perf_counter() - began)
                else:
                    errors[0] += 1

    began = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began
    if len(latencies) < 2:
        return Figures(len(latencies), took, 0.0, 0.0, errors[0])
    cuts = statistics.quantiles(latencies, n=100)
    return Figures(len(latencies) + errors[0], took, cuts[49] * 1000, cuts[98] * 1000, errors[0])


def check(base: str, target: Target, people: list[Session]) -> None:
    """One request first: a page that redirects to the login is not a page measured."""
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    method, path, headers = _requests(target, people)[0]
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request(
        method, path, body=_body(target, people[0] if people else None) or None, headers=headers
    )
    response = connection.getresponse()
    response.read()
    if response.status != target.status:
        raise SystemExit(
            f"{target.name}: {method} {path} answered {response.status}, not {target.status}"
        )


def measure(base: str, args) -> list[tuple[Target, Figures]]:
    driver = run_wrk if shutil.which("wrk") and not args.python_client else run_threads
    print(f"client: {'wrk' if driver is run_wrk else 'Python threads'}; logging in ...", flush=True)
    people = {
        "learner": sessions(base, "learner", args.sessions),
        "trainer": sessions(base, "trainer", args.sessions),
        "nobody": [],
    }
    warmup = argparse.Namespace(**{**vars(args), "seconds": args.warmup})
    results = []
    for target in TARGETS:
        if target.revalidate:
            people[target.who] = [
                replace(p, etag=etag_of(base, target.path, p)) for p in people[target.who]
            ]
        check(base, target, people[target.who])
        # Unmeasured first: each worker compiles templates and fills caches on first use.
        driver(base, target, people[target.who], warmup)
        figures = driver(base, target, people[target.who], args)
        print(f"  {target.name}: {figures.rate:,.0f} req/s", flush=True)
        results.append((target, figures))
    return results


def table(results: list[tuple[Target, Figures]], title: str) -> str:
    bare = results[0][1].rate
    lines = [title, f"{'':<22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'of bare':>9}"]
    for target, f in results:
        share = f"{f.rate / bare:.0%}" if bare else "-"
        lines.append(
            f"{target.name:<22}{f.rate:>9,.0f}{f.p50_ms:>9.1f}{f.p99_ms:>9.1f}"
            f"{f.errors:>8}{share:>9}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an app already running (with /bare/ mounted)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL"),
        help="the seeded database (default: $DATABASE_URL, else SQLite in --workdir)",
    )
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "rianthai-bench"
    )
    parser.add_argument("--scale", type=float, default=1.0, help="seed.py's scale, if seeding")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--sessions", type=int, default=32, help="learners (and trainers) used")
    parser.add_argument("--seconds", type=int, default=10, help="per page")
    parser.add_argument("--requests", type=int, default=200_000, help="at most, per page")
    parser.add_argument("--warmup", type=int, default=2, help="seconds unmeasured, per page")
    parser.add_argument("--python-client", action="store_true", help="even if wrk is installed")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    if args.url:
        results = measure(args.url.rstrip("/"), args)
        where = args.url
    else:
        database_url = args.database_url or f"sqlite:///{args.workdir / 'bench.sqlite3'}"
        env = prepare(args.workdir, database_url, args.scale)
        load = os.getloadavg()[0]
        with gunicorn(env, args.workers) as base:
            results = measure(base, args)
        where = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    title = (
        f"{where}, gunicorn {args.workers} workers, {args.connections} connections, "
        f"load average {load:.2f} at the start"
    )
    print(table(results, title))


if __name__ == "__main__":
    main()
