"""Benchmark of textbook rendering: pages, cold render time, pages/s, peak memory, cached get.

    .venv/bin/python bench/textbook.py                    # bundled course + a ~150-page one
    .venv/bin/python bench/textbook.py --langs km my --sizes A5 --no-big

Each render runs in a forked child process, so its peak resident memory (ru_maxrss) belongs
to that render alone (plus what the parent had loaded: WeasyPrint is imported before the fork,
as a worker process would have it). tracemalloc is not used: it slows WeasyPrint down 5 to 8
times and misses Pango's memory. A "cached get" is what a download request
does once the PDF exists: look the key up, read the JSON facts, read the file.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lessons  # noqa: E402  (after the path set-up above)
import textbook  # noqa: E402
from textbook.cache import TextbookCache, key_for  # noqa: E402

BUNDLED = ROOT / "lessons" / "courses" / "thai-for-work"
LANGS = ("km", "lo", "my", "en", "th")


def big_course(course, lessons_wanted: int):
    """A course of lessons_wanted lessons, copies of the given course's lessons with new ids."""
    originals = course.lessons
    copies = []
    for n in range(lessons_wanted):
        lesson = originals[n % len(originals)]
        suffix = f"-{n}"
        copies.append(
            dataclasses.replace(
                lesson,
                id=lesson.id + suffix,
                vocabulary=tuple(
                    dataclasses.replace(v, id=v.id + suffix) for v in lesson.vocabulary
                ),
            )
        )
    unit = dataclasses.replace(course.units[0], lessons=tuple(copies))
    return dataclasses.replace(
        course, id=course.id + "-big", units=(unit,), content_hash="big" + course.content_hash[3:]
    )


def _render_child(course, lang, size, queue):
    started = time.perf_counter()
    document = textbook.layout(course, lang, size)
    laid_out = time.perf_counter()
    pdf = document.write_pdf()
    finished = time.perf_counter()
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    queue.put(
        (len(document.pages), laid_out - started, finished - laid_out, len(pdf), rss_peak, pdf)
    )


def render_in_child(course, lang, size):
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_render_child, args=(course, lang, size, queue))
    child.start()
    result = queue.get()
    child.join()
    return result


def cached_get_seconds(cache, key, repeat=500):
    started = time.perf_counter()
    for _ in range(repeat):
        path = cache.get(key)
        cache.info(key)
        path.read_bytes()
    return (time.perf_counter() - started) / repeat


def bench(name, course, langs, sizes, folder):
    cache = TextbookCache(folder)
    print(f"\n{name}: {len(course.lessons)} lessons")
    print(
        f"{'lang':4} {'size':4} {'pages':>5} {'cold s':>7} {'layout':>7} {'pdf':>6} "
        f"{'pages/s':>7} {'PDF KB':>7} {'RSS MB':>7} {'cached ms':>9}"
    )
    for lang in langs:
        for size in sizes:
            pages, layout_s, pdf_s, nbytes, rss, pdf = render_in_child(course, lang, size)
            key = key_for(course, lang, size)
            cache.put(key, pdf, pages)
            get_s = cached_get_seconds(cache, key)
            total = layout_s + pdf_s
            print(
                f"{lang:4} {size:4} {pages:5d} {total:7.2f} {layout_s:7.2f} {pdf_s:6.2f} "
                f"{pages / total:7.1f} {nbytes / 1000:7.0f} {rss / 1e6:7.0f} {get_s * 1000:9.3f}"
            )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", nargs="+", default=list(LANGS))
    parser.add_argument("--sizes", nargs="+", default=["A4"])
    parser.add_argument("--course", default=str(BUNDLED))
    parser.add_argument(
        "--big-lessons",
        type=int,
        default=28,
        help="lessons in the generated course (28 gives about 150 A4 pages)",
    )
    parser.add_argument("--no-big", action="store_true", help="skip the generated course")
    args = parser.parse_args(argv)

    import weasyprint  # noqa: F401  (loaded once, before the forks, as in a worker)

    course = lessons.load_course(args.course)
    started = time.perf_counter()
    textbook.build_html(course, "km")
    print(
        f"HTML of the bundled course in km (with segmentation): "
        f"{time.perf_counter() - started:.3f} s"
    )
    with tempfile.TemporaryDirectory() as folder:
        bench(
            f"bundled course {course.id} {course.version}", course, args.langs, args.sizes, folder
        )
        if not args.no_big:
            bench(
                "generated course",
                big_course(course, args.big_lessons),
                args.langs,
                args.sizes,
                folder,
            )


if __name__ == "__main__":
    main()
