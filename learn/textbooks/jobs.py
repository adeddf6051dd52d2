"""Rendering textbooks off the request: one detached process per textbook, never two.

A render takes seconds and a whole core, so a request only starts it: `learn.textbooks.worker`
runs in its own process, writes into the cache atomically and removes its lock file when it
ends. The lock (created with O_EXCL, holding the worker's host name and PID) keeps every web
process from starting the same render twice, on every host that shares TEXTBOOK_CACHE; a lock
whose process is gone (on this host), or that is older than STALE_SECONDS, is taken over. A
render that fails, or a worker that cannot start, leaves an `.error` file beside the PDF's
place, with the reason, so the page can say so instead of waiting for ever.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from textbook import TextbookCache, TextbookKey

STALE_SECONDS = 30 * 60
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
        age = time.time() - lock.stat().st_mtime
        text = lock.read_text()
    except FileNotFoundError:
        return False
    host, _, pid = text.strip().rpartition(" ")
    if not pid.isdigit():
        return age < 60  # just created: its PID is being written
    if host not in ("", HOST):
        # Another app host's worker: its PID says nothing here, only the lock's age does.
        return age < STALE_SECONDS
    return age < STALE_SECONDS and _alive(int(pid))


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
        out.write(f"{HOST} {process.pid}")
    return True


def failure(cache: TextbookCache, key: TextbookKey) -> str | None:
    """Why the last render of this textbook failed, if it failed recently."""
    path = error_path(cache, key)
    try:
        if time.time() - path.stat().st_mtime > RETRY_AFTER:
            return None
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
