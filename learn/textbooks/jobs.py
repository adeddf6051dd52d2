"""Rendering textbooks off the request: one detached process per textbook, never two.

A render takes seconds and a whole core, so a request only starts it: `learn.textbooks.worker`
runs in its own process, writes into the cache atomically and removes its lock file when it
ends. The lock (created with O_EXCL, holding the worker's host name, PID and start time)
keeps every web process from starting the same render twice, on every host that shares
TEXTBOOK_CACHE. The worker touches its lock every HEARTBEAT_SECONDS, so a lock nobody touched
for QUIET_SECONDS has no worker left, on any host (one that died takes its worker with it);
a lock whose process is gone (on this host) or whose render started more than STALE_SECONDS
ago (hung) is taken over too. A render that fails, or a worker that cannot start, leaves an
`.error` file beside the PDF's place, with the reason, so the page can say so instead of
waiting for ever.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from textbook import TextbookCache, TextbookKey

STALE_SECONDS = 30 * 60  # no render takes this long: the worker is hung
HEARTBEAT_SECONDS = 10  # how often a worker touches its lock
QUIET_SECONDS = 60  # a lock untouched this long has lost its worker
RETRY_AFTER = 10 * 60  # a failed render is tried again after this (the cause may be gone)
HOST = socket.gethostname()

# Workers this process started: polled so that finished ones are reaped, not left as zombies.
_children: list[subprocess.Popen] = []


def lock_path(cache: TextbookCache, key: TextbookKey) -> Path:
    return cache.path_for(key).with_suffix(".lock")


def error_path(cache: TextbookCache, key: TextbookKey) -> Path:
    return cache.path_for(key).with_suffix(".error")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running(cache: TextbookCache, key: TextbookKey) -> bool:
    """Whether a live worker is rendering this textbook now."""
    lock = lock_path(cache, key)
    try:
        touched = lock.stat().st_mtime
        text = lock.read_text()
    except FileNotFoundError:
        return False
    now = time.time()
    holder = _holder(text, touched)
    if holder is None:
        return now - touched < QUIET_SECONDS  # just created: the worker is being started
    host, pid, started = holder
    if now - started >= STALE_SECONDS or now - touched >= QUIET_SECONDS:
        return False
    # Another app host's worker: its PID says nothing here, its heartbeat said enough.
    return host not in ("", HOST) or _alive(pid)


def _holder(text: str, touched: float) -> tuple[str, int, float] | None:
    """(host, PID, start time) of a lock's worker, None while the lock is still empty. Locks
    of earlier releases hold `host pid` or a bare `pid` (this host): the lock's time stands
    in for the start."""
    fields = text.split()
    if len(fields) == 1:
        fields.insert(0, "")
    if len(fields) == 2:
        fields.append(str(int(touched)))
    if len(fields) != 3 or not (fields[1].isdigit() and fields[2].isdigit()):
        return None
    return fields[0], int(fields[1]), float(fields[2])


def start(
    cache: TextbookCache, key: TextbookKey, course_folder: str, learner_json: str | None = None
) -> bool:
    """Start rendering unless it is cached or being rendered; True when a worker started.

    With `learner_json` (`workbook.to_json`), the worker renders that learner's workbook.
    """
    _children[:] = [child for child in _children if child.poll() is None]
    if cache.get(key) is not None or running(cache, key):
        return False
    lock = lock_path(cache, key)
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.unlink(missing_ok=True)  # stale: its worker is gone
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False  # another web process started it a moment ago
    error_path(cache, key).unlink(missing_ok=True)
    extra = []
    if learner_json is not None:
        learner_file = cache.path_for(key).with_suffix(".learner.json")
        learner_file.write_text(learner_json, encoding="utf-8")
        extra.append(str(learner_file))
    try:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "learn.textbooks.worker",
                course_folder,
                key.lang,
                key.size,
                str(cache.folder),
                str(lock),
                *extra,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # survives the web worker that started it
        )
    except OSError as error:  # no worker will remove the lock: do it, and say why
        os.close(fd)
        lock.unlink(missing_ok=True)
        error_path(cache, key).write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
        for path in extra:
            Path(path).unlink(missing_ok=True)
        return False
    _children.append(process)
    with os.fdopen(fd, "w") as out:
        out.write(f"{HOST} {process.pid} {int(time.time())}")
    return True


def keep_fresh(lock: Path, done: threading.Event, every: float = HEARTBEAT_SECONDS) -> None:
    """Touch the worker's lock every `every` seconds until `done` (run by the worker in a
    thread): the other hosts see from it that the render is alive."""
    while not done.wait(every):
        try:
            os.utime(lock)
        except FileNotFoundError:
            return


def failure(cache: TextbookCache, key: TextbookKey) -> str | None:
    """Why the last render of this textbook failed, if it failed recently."""
    path = error_path(cache, key)
    try:
        if time.time() - path.stat().st_mtime > RETRY_AFTER:
            return None
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
