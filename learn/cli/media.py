"""`rianthai media ...`: index the library and make the bundled course's sample videos."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

import media_index
from learn.catalog import catalog
from lessons import VideoStep
from media_index.samples import Scene, make_sample_video
from textbook.fonts import FONT_DIR

SCENES_PER_VIDEO = 6
CAPTION_LANGUAGES = ("km", "lo", "my", "en")


@click.group("media")
def media() -> None:
    """Manage the video and audio library."""


def _scan(folder: Path) -> media_index.Manifest:
    with click.progressbar(length=1, label="Scanning media", show_pos=True) as bar:

        def progress(done: int, total: int, _path) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        manifest = media_index.scan(folder, progress)
    for problem in manifest.problems:
        click.echo(f"skipped {problem}", err=True)
    return manifest


@media.command("scan")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def scan(folder: Path | None) -> None:
    """Index FOLDER (default: MEDIA_ROOT) into its media.json."""
    folder = folder or Path(current_app.config["MEDIA_ROOT"])
    manifest = _scan(folder)
    click.echo(f"{len(list(manifest))} media items in {folder / media_index.MANIFEST_NAME}")


@media.command("samples")
@with_appcontext
def samples() -> None:
    """Make a sample video for every video step of the installed courses that has none yet."""
    folder = Path(current_app.config["MEDIA_ROOT"])
    folder.mkdir(parents=True, exist_ok=True)
    known = (
        {item.id for item in media_index.Manifest.load(folder)}
        if (folder / media_index.MANIFEST_NAME).exists()
        else set()
    )
    wanted = {
        step.media: lesson
        for course in catalog().courses()
        for lesson, step in course.iter_steps()
        if isinstance(step, VideoStep)
        and step.media not in known
        and not (folder / f"{step.media}.mp4").exists()
    }
    if not wanted:
        click.echo("Every video step has its media.")
        return
    with click.progressbar(wanted.items(), label="Making sample videos") as bar:
        for media_id, lesson in bar:
            items = lesson.vocabulary[:SCENES_PER_VIDEO]
            make_sample_video(
                folder,
                media_id,
                [Scene(item.thai, item.pron) for item in items],
                {lang: [item.meaning.best(lang) for item in items] for lang in CAPTION_LANGUAGES},
                FONT_DIR,
            )
    _scan(folder)
