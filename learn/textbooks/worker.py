"""Render one textbook into the cache, in a process of its own (started by `jobs.start`).

    python -m learn.textbooks.worker COURSE_FOLDER LANG SIZE CACHE_FOLDER LOCK_FILE [LEARNER]

With LEARNER (a JSON file of `workbook.to_json`), the personal workbook of that learner.

Plain Python with no app: it loads the course from its folder, renders, stores atomically,
touches its lock while it works and always removes it at the end; a failure is written to
the `.error` file beside the PDF.
"""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path


def main(argv: list[str]) -> int:
    folder, lang, size, cache_folder, lock, *learner_file = argv
    from learn.textbooks.jobs import keep_fresh
    from learn.textbooks.workbook import from_json, workbook_key
    from lessons import load_course
    from textbook import TextbookCache, key_for, layout

    cache = TextbookCache(cache_folder)
    key = None
    done = threading.Event()
    threading.Thread(target=keep_fresh, args=(Path(lock), done), daemon=True).start()
    try:
        course = load_course(folder)
        if learner_file:
            learner = from_json(Path(learner_file[0]).read_text(encoding="utf-8"))
            key = workbook_key(course, lang, size, learner)
            document = layout(course, lang, size, learner)
            cache.put(key, document.write_pdf(), len(document.pages))
        else:
            key = key_for(course, lang, size)
            cache.build(course, lang, size)
        return 0
    except Exception as error:  # noqa: BLE001  (every failure must reach the page)
        if key is not None:
            error_file = cache.path_for(key).with_suffix(".error")
            error_file.write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
        traceback.print_exc()
        return 1
    finally:
        done.set()
        Path(lock).unlink(missing_ok=True)
        for path in learner_file:
            Path(path).unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
