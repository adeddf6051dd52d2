"""Views for employer reports: completion per group and per worker, and its CSV export."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask import Response, render_template, request
from flask_babel import gettext as _
from flask_login import login_required

from learn.catalog import catalog
from learn.extensions import db
from learn.org import bp
from learn.org.reports import org_report, report_csv
from learn.org.views import org_or_404

DEFAULT_DAYS = 30


def _date_range() -> tuple[date, date]:
    """The range asked for, else the last 30 days; a reversed range is put right."""
    today = datetime.now(UTC).date()

    def read(name: str, default: date) -> date:
        try:
            return date.fromisoformat(request.args.get(name, ""))
        except ValueError:
            return default

    start = read("from", today - timedelta(days=DEFAULT_DAYS))
    end = read("to", today)
    return (start, end) if start <= end else (end, start)


def _report(org_id: int):
    org = org_or_404(org_id)
    start, end = _date_range()
    courses = {course.id: course for course in catalog().courses()}
    return org, org_report(db.session, org, courses, start, end)


@bp.get("/org/<int:org_id>/report")
@login_required
def report(org_id: int):
    """Completion per group and per worker between two dates."""
    org, result = _report(org_id)
    return render_template("org/report.html", org=org, report=result)


@bp.get("/org/<int:org_id>/report.csv")
@login_required
def report_export(org_id: int):
    """The per-worker report as a CSV file for Excel."""
    org, result = _report(org_id)
    header = [
        _("Organisation"),
        _("Groups"),
        _("Name"),
        _("Username"),
        _("Language"),
        _("Lessons assigned"),
        _("Lessons done"),
        _("Percent done"),
        _("Average score (%)"),
        _("Minutes spent"),
        _("Last activity"),
    ]
    filename = f"report-{result.start.isoformat()}-{result.end.isoformat()}.csv"
    return Response(
        report_csv(org.name, header, result),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
