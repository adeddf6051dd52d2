"""The trainer's dashboard page: the grid, who is stuck, the hardest exercises, the charts."""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime, timedelta

from cachetools import TTLCache
from flask import current_app, render_template, request
from flask_babel import get_translations, ngettext
from flask_babel import gettext as _
from flask_login import login_required
from markupsafe import Markup, escape

from learn.catalog import catalog
from learn.content import localized, text_or_thai
from learn.extensions import db
from learn.i18n import current_language
from learn.trainer import bp
from learn.trainer.charts import bar_chart
from learn.trainer.dashboard import (
    Grid,
    Hardest,
    Inactive,
    StuckOn,
    group_grid,
    hardest_exercises,
    inactive,
    stuck_on_exercises,
)
from learn.trainer.views import group_or_404, today
from lessons import Course

# The hardest exercises count every answer a group ever gave: worked out again at most every
# few minutes per group, in each worker (several hosts each keep their own: no shared state).
# Their HTML is kept with them, written once per language (a course edited in the meantime
# shows in it at the next count).
HARDEST_FOR_SECONDS = 300
_lock = threading.Lock()


def hardest_recently(group_id: int, courses: dict[str, Course]) -> Markup:
    """`hardest_exercises` of the group, as counted at most HARDEST_FOR_SECONDS ago, as HTML
    in the page's language (`hardest_html`)."""
    with _lock:
        kept = current_app.extensions.setdefault(
            "rianthai_hardest", TTLCache(maxsize=4096, ttl=HARDEST_FOR_SECONDS)
        )
        found = kept.get(group_id)
    if found is None:
        found = (hardest_exercises(db.session, group_id), {})
        with _lock:
            kept[group_id] = found
    counted, written = found
    lang = current_language()
    if lang not in written:
        written[lang] = hardest_html(counted, courses)
    return written[lang]


def hardest_html(hardest: list[Hardest], courses: dict[str, Course]) -> Markup:
    """The hardest exercises as HTML: each one's prompt, how often the group got it wrong, and
    the wrong answers given most often, each as the learner saw it (an option's text rather
    than its id).

    Made in Python, not in the template, to be kept with the count (`hardest_recently`).
    Translations go in as they are, taken as markup as the template's `_()` takes them; only
    whole numbers go into them, which need no escaping.
    """
    if not hardest:
        return Markup(f'<p class="muted">{_("Not enough answers yet.")}</p>')
    lang, often = current_language(), _("Wrong answers given most often:")
    parts = []
    for item in hardest:
        course = courses.get(item.course_id)
        exercise = None
        if course is not None and course.has("exercise", item.exercise_id):
            exercise = course.exercise(item.exercise_id)
        prompt = localized(exercise.prompt, lang) if exercise is not None else item.exercise_id
        share = ngettext(
            "%(percent)s%% wrong of %(num)s answer",
            "%(percent)s%% wrong of %(num)s answers",
            item.attempts,
            percent=round(item.error_rate * 100),
        )
        parts.append(
            f'<div class="hard">\n<p><strong>{escape(prompt)}</strong>\n'
            f'<br><span class="small muted">{share}</span></p>\n'
        )
        if item.common_wrong:
            options = {o.id: o for o in getattr(exercise, "options", ()) or ()}
            answers = "".join(
                f'<li>{answer_text(options, answer)} <span class="muted">× {n}</span></li>'
                for answer, n in item.common_wrong
            )
            parts.append(
                f'<p class="small">{often}</p>\n<ul class="small wrong-answers">{answers}</ul>\n'
            )
        parts.append("</div>\n")
    return Markup("".join(parts))


def answer_text(options: dict, answer: object) -> Markup:
    """A wrong answer as the learner saw it: an option's text (of `options`, by id) rather
    than its id."""

    def one(value: object) -> Markup:
        if isinstance(value, str) and value in options:
            return text_or_thai(options[value].text)
        if isinstance(value, str):
            return escape(value) if value else Markup("<em>–</em>")
        return escape(json.dumps(value, ensure_ascii=False))

    if isinstance(answer, list):
        return Markup(" · ").join(one(v) for v in answer)
    if isinstance(answer, dict):
        return Markup("; ").join(Markup("{}: {}").format(k, one(v)) for k, v in answer.items())
    return one(answer)


def grid_rows(grid: Grid, today: date) -> Markup:
    """The grid's body as HTML, a `<tr>` per learner: their name, the lesson cells, and the
    day of their last activity (or "never").

    A group of 50 has hundreds of cells, so this is plain string work: each label is
    translated once per page, not once per cell. `_` without variables gives the translation
    as it is, taken as markup as the template's `_()` takes it; only whole numbers go into it,
    which need no escaping.
    """
    _ = get_translations().ugettext  # Flask-Babel's looks the catalogue up at each call: 7 µs
    done = "✓ " + _("Done")
    percent_done = _("%(percent)s%% done")
    score = '<br><span class="small">' + _("Score %(percent)s%%") + "</span>"
    never = _("never")
    late = [col.due_on is not None and col.due_on < today for col in grid.columns]
    rows = []
    for row in grid.rows:
        tds = []
        for cell, overdue in zip(row.cells, late, strict=True):
            state = cell.state
            if state == "done":
                text, overdue = done, False
            elif state == "in_progress":
                text = percent_done % {"percent": round(cell.progress * 100)}
            else:
                text = "–"
            if cell.score:
                text += score % {"percent": round(cell.score * 100)}
            mark = " cell-overdue" if overdue else ""
            tds.append(f'<td class="cell cell-{state}{mark}">{text}</td>')
        last = row.last_activity
        rows.append(
            f'<tr><th scope="row">{escape(row.user.name)}</th>{"".join(tds)}'
            f'<td class="small">{last.date() if last else never}</td></tr>'
        )
    return Markup("\n".join(rows))


def who_is_stuck(idle: list[Inactive], stuck: list[StuckOn], courses: dict[str, Course]) -> Markup:
    """Who is stuck as HTML, a `<li>` per line (none when nobody is): the learner's name and
    what to say, the inactive first. A line per learner who did nothing lately can be the
    whole group, so their words are translated once, and the lines are plain string work."""
    words = get_translations()  # Flask-Babel's `_` looks it up at each call: 7 µs
    _, ngettext = words.ugettext, words.ungettext
    last_active = _("last active %(date)s")  # as it is; each date (no escaping) goes in below
    not_started = _("has not started")
    lines = [
        (item.user.name, last_active % {"date": item.last_activity.date().isoformat()})
        if item.last_activity
        else (item.user.name, not_started)
        for item in idle
    ]
    lang, wrong = current_language(), {}  # the words for each count, translated once
    for item in stuck:
        n, course, exercise_id = item.failures, courses.get(item.course_id), item.exercise_id
        if n not in wrong:
            wrong[n] = ngettext(
                "wrong %(num)s time in a row:", "wrong %(num)s times in a row:", n
            ) % {"num": n}
        if course is not None and course.has("exercise", exercise_id):
            lesson = localized(course.lesson_of(exercise_id).title, lang)
            prompt = localized(course.exercise(exercise_id).prompt, lang)
            where = f"{escape(lesson)} · {escape(prompt)}"
        else:
            where = escape(exercise_id)
        lines.append((item.user.name, f"{wrong[n]} {where}"))
    return Markup(
        "\n".join(
            f'<li>{escape(name)} <span class="muted small">· {note}</span></li>'
            for name, note in lines
        )
    )


@bp.get("/trainer/groups/<int:group_id>/dashboard")
@login_required
def dashboard(group_id: int):
    """The group's progress: the grid, who is stuck, the hardest exercises, time spent."""
    group = group_or_404(group_id)
    days = request.args.get("days", default=7, type=int)
    days = min(max(days, 1), 365)
    courses = {c.id: c for c in catalog().courses()}
    now = datetime.now(UTC)
    day = today()
    grid = group_grid(db.session, group.id, courses)
    users = {row.user.id: row.user for row in grid.rows}
    stuck = stuck_on_exercises(db.session, group.id, users, now - timedelta(days=30))
    hardest = hardest_recently(group.id, courses)
    _ = get_translations().ugettext  # Flask-Babel's looks the catalogue up at each call: 7 µs
    minutes = _("%(n)s min")  # translated once; formatted for each learner below
    time_chart = bar_chart(
        [
            (row.user.name, row.time_spent / 60, minutes % {"n": round(row.time_spent / 60)})
            for row in grid.rows
        ],
        _("Time spent"),
    )
    done_chart = bar_chart(
        [
            (col.lesson.title.pick(current_language()), share, f"{round(share * 100)} %")
            for col, share in ((col, grid.done_share(i)) for i, col in enumerate(grid.columns))
        ],
        _("Learners who finished each lesson"),
        maximum=1.0,
    )
    return render_template(
        "trainer/dashboard.html",
        group=group,
        grid=grid,
        grid_rows=grid_rows(grid, day),
        days=days,
        who_is_stuck=who_is_stuck(inactive(grid, days, now), stuck, courses),
        hardest=hardest,
        time_chart=time_chart,
        done_chart=done_chart,
        today=day,
    )
