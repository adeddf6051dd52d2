"""Lessons on a phone with no connection: the web app manifest, the service worker, a lesson's
offline package (every URL its pages need), and the pages shown offline.

The service worker (static/js/sw.js) is served from the root so that its scope is the whole
site. The package lists a page for every exercise of every step (`?exercise=<id>` on the step
page) because online the server picks the next exercise; offline the learner goes through them
in order, and after each answer sees a "saved on your phone" page (rendered here, cached with
the lesson) that leads on to the next one. Answers made offline are sent back by learn.learner.sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import (
    abort,
    current_app,
    jsonify,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from learn.extensions import db
from learn.i18n import current_language
from learn.learner import bp
from learn.learner.lookup import course_or_404, lesson_or_404, step_or_404
from learn.learner.video import wants_save_data
from learn.media import library
from learn.progress import course_progress
from learn.watching import clip_of
from lessons import (
    Course,
    ExercisesStep,
    Lesson,
    LessonState,
    ReadingStep,
    ReviewStep,
    Step,
    VideoStep,
)
from media_index.renditions import pick_rendition

THEME = "#0b6e4f"  # --brand in static/css/app.css
BACKGROUND = "#f6f4ef"  # --bg
# What the lesson pages load from /static (and every web font app.css may ask for): all of
# it goes into the package, so that a page opened offline for the first time has its styles.
PAGE_FILES = ("css/app.css", "favicon.svg", "js/offline.js", "js/exercise.js", "js/player.js",
              "js/sound.js")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a lesson as the learner goes through it offline: a step, or one exercise
    of an exercise step."""

    step: Step
    exercise: str | None
    url: str


def exercise_asked(step: ExercisesStep | ReviewStep) -> str | None:
    """The exercise a step page was asked to show (`?exercise=<id>`, as saved for offline
    use), when the step has it; None otherwise, and the player picks the next one."""
    asked = request.args.get("exercise")
    return asked if asked in step.exercises else None


def lesson_pages(course: Course, lesson: Lesson) -> list[Page]:
    """Every page of the lesson in the order a learner meets them offline."""
    pages = []
    for step in lesson.steps:
        args = dict(course_id=course.id, lesson_id=lesson.id, step_id=step.id)
        exercises = getattr(step, "exercises", ())
        if isinstance(step, ExercisesStep | ReviewStep) and exercises:
            for exercise_id in exercises:
                pages.append(
                    Page(step, exercise_id, url_for("learner.step", **args, exercise=exercise_id))
                )
        else:
            pages.append(Page(step, None, url_for("learner.step", **args)))
    return pages


def saved_url(course: Course, lesson: Lesson, page: Page) -> str:
    args = dict(course_id=course.id, lesson_id=lesson.id, step_id=page.step.id)
    if page.exercise:
        args["exercise"] = page.exercise
    return url_for("learner.offline_saved", **args)


def _media_ids(course: Course, lesson: Lesson, step: Step):
    """The sounds and pictures a step's pages play or show (not the video: see _video)."""
    exercise_ids = [*getattr(step, "exercises", ()), *getattr(step, "checkpoints", ())]
    for exercise_id in exercise_ids:
        exercise = course.exercise(exercise_id)
        yield exercise.audio
        question = getattr(exercise, "question", None)
        for option in (*getattr(exercise, "options", ()), *getattr(question, "options", ())):
            yield option.audio
            yield option.image
    if isinstance(step, ReadingStep) and step.content == "dialogue" and lesson.dialogue:
        yield from (line.audio for line in lesson.dialogue.lines)
    if isinstance(step, ReviewStep) and not step.exercises:
        items = [course.vocabulary_item(i) for i in step.vocabulary] or lesson.vocabulary
        yield from (item.audio for item in items)


def _video(step: VideoStep):
    """(url, bytes) of what the video step plays on this phone: the rendition the save-data
    setting picks (as the step page does), its captions and its poster."""
    item = library.item(step.media)
    if item is None:
        return
    rendition = pick_rendition(item, wants_save_data())
    yield url_for("media.file", media_id=item.id, rendition=rendition.name), rendition.size
    lang = current_language()
    for code in dict.fromkeys((lang, "th")):
        if code in item.captions:
            yield url_for("media.captions", media_id=item.id, lang=code), 0
    if item.thumbnail:
        yield url_for("media.thumbnail", media_id=item.id), 0


def lesson_media(course: Course, lesson: Lesson) -> list[tuple[str, int]]:
    """(url, bytes) of every media file the lesson's pages use, each once."""
    found: dict[str, int] = {}
    for step in lesson.steps:
        if isinstance(step, VideoStep):
            found.update(_video(step))
        for media_id in _media_ids(course, lesson, step):
            item = library.item(media_id) if media_id else None
            if item is not None:
                found[url_for("media.file", media_id=item.id, rendition="original")] = item.size
    return list(found.items())


def static_files() -> list[str]:
    fonts = sorted(Path(current_app.static_folder, "fonts").glob("*.woff2"))
    return [*PAGE_FILES, *(f"fonts/{font.name}" for font in fonts)]


@bp.app_template_global("offline_cache")
def cache_name(course: Course, lesson: Lesson) -> str:
    """The phone's cache for this learner's copy of the lesson (one learner's saved pages are
    never shown to another who uses the same phone)."""
    return f"rianthai-lesson-{current_user.id}-{course.id}-{lesson.id}"


@bp.get("/courses/<course_id>/lessons/<lesson_id>/offline.json")
@login_required
def offline_package(course_id: str, lesson_id: str):
    """What the phone saves to do the lesson offline: every URL, the order of its pages."""
    course = course_or_404(course_id)
    lesson = lesson_or_404(course, lesson_id)
    state = course_progress(db.session, current_user.id, course).lessons[lesson_id]
    if state.state is LessonState.LOCKED:
        return jsonify(error=_("Finish the lessons before this one first.")), 409
    pages = lesson_pages(course, lesson)
    steps = []
    for step in lesson.steps:
        mine = [p for p in pages if p.step is step]
        entry = {"id": step.id, "kind": step.kind, "done": step.id in state.steps_done}
        entry["pages"] = [{"exercise": p.exercise, "url": p.url} for p in mine]
        if isinstance(step, VideoStep):  # the phone judges a video seen as the server does
            item = library.item(step.media)
            entry["clip"] = clip_of(step, item.duration) if item else [step.start or 0.0, None]
        steps.append(entry)
    media = lesson_media(course, lesson)
    urls = [
        url_for("learner.course_map", course_id=course.id),
        url_for("learner.offline_page"),
        *(p.url for p in pages),
        *(saved_url(course, lesson, p) for p in pages),
        *(url_for("static", filename=name) for name in static_files()),
        *(url for url, _size in media),
    ]
    return jsonify(
        course=course.id,
        lesson=lesson.id,
        version=course.version,
        user=str(current_user.id),
        cache=cache_name(course, lesson),
        lesson_url=url_for("learner.lesson", course_id=course.id, lesson_id=lesson.id),
        after=url_for("learner.course_map", course_id=course.id),
        steps=steps,
        urls=list(dict.fromkeys(urls)),
        sizes=dict(media),
        texts={
            "saved": _("Saved on your phone"),
            "checked": _("It will be checked when you are online."),
        },
    )


@bp.get("/courses/<course_id>/lessons/<lesson_id>/steps/<step_id>/saved")
@login_required
def offline_saved(course_id: str, lesson_id: str, step_id: str):
    """Shown after an answer or a finished step was kept on the phone: on to the next page."""
    course = course_or_404(course_id)
    lesson = lesson_or_404(course, lesson_id)
    step = step_or_404(lesson, step_id)
    pages = lesson_pages(course, lesson)
    exercise = request.args.get("exercise") or None
    here = next((i for i, p in enumerate(pages) if p.step is step and p.exercise == exercise), None)
    if here is None:
        abort(404)
    after = pages[here + 1].url if here + 1 < len(pages) else None
    return render_template(
        "learner/offline_saved.html",
        course=course,
        lesson=lesson,
        answered=exercise is not None,
        next_url=after or url_for("learner.course_map", course_id=course.id),
        last=after is None,
    )


@bp.get("/offline")
def offline_page():
    """What the phone shows for a page it has not saved when there is no connection."""
    return render_template("learner/offline.html")


@bp.get("/manifest.webmanifest")
def web_manifest():
    """The web app manifest: the app's name in the reader's language, its icon and colours."""
    response = jsonify(
        name=_("Rian Thai: learn Thai"),
        short_name=_("Learn Thai"),
        lang=current_language(),
        id="/",
        start_url="/",
        scope="/",
        display="standalone",
        theme_color=THEME,
        background_color=BACKGROUND,
        icons=[
            {
                "src": url_for("static", filename="favicon.svg"),
                "sizes": "any",
                "type": "image/svg+xml",
            }
        ],
    )
    response.mimetype = "application/manifest+json"
    response.cache_control.no_cache = True
    response.vary.add("Cookie")  # the name is in the reader's language
    return response


@bp.get("/sw.js")
def service_worker():
    """The service worker, from the root so that it may control every page; always
    revalidated, so a new version reaches phones on their next visit."""
    response = send_from_directory(
        current_app.static_folder, "js/sw.js", mimetype="text/javascript", max_age=0
    )
    response.cache_control.no_cache = True
    response.cache_control.public = None
    return response
