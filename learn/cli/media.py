"""`rianthai media ...`: index the library and make the bundled course's sample videos."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

import media_index
from learn.catalog import catalog
from lessons import VideoStep
from media_index.renditions import make_renditions
from media_index.samples import Scene, make_sample_audio, make_sample_video
from media_index.tools import atomic_output
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


def _copy_pack_pictures(courses, folder: Path) -> int:
    """Copy the pictures a pack ships (`media/` in the pack) into the library, if missing."""
    copied = 0
    for course in courses:
        source = Path(course.source) / "media"
        for picture in sorted(source.iterdir()) if source.is_dir() else ():
            dest = folder / picture.name
            if picture.is_file() and not dest.exists():
                # A temporary name first: a copy cut short never stands as the picture.
                partial = atomic_output(dest)
                shutil.copy2(picture, partial)
                os.replace(partial, dest)
                copied += 1
    return copied


def _spoken(course):
    """(audio id, the Thai it says) for every sound the course refers to: words, dialogue
    lines, and exercises (what their answer key says in Thai)."""
    for lesson in course.lessons:
        for item in lesson.vocabulary:
            if item.audio:
                yield item.audio, item.thai
        for line in lesson.dialogue.lines if lesson.dialogue else ():
            if line.audio:
                yield line.audio, line.thai
        for exercise in lesson.exercises:
            said = next((p.text for p in exercise.answer_key() if isinstance(p.text, str)), "")
            if exercise.audio and said:
                yield exercise.audio, said


def _scenes(lesson) -> tuple[list[Scene], dict[str, list[str]]]:
    """The lesson's dialogue, line by line (its video checkpoints are timed on it), else its
    first words, with their translations as captions."""
    if lesson.dialogue is not None:
        lines = lesson.dialogue.lines
        scenes = [Scene(line.thai, line.pron) for line in lines]
        texts = [line.translation for line in lines]
    else:
        items = lesson.vocabulary[:SCENES_PER_VIDEO]
        scenes = [Scene(item.thai, item.pron) for item in items]
        texts = [item.meaning for item in items]
    return scenes, {lang: [text.best(lang) for text in texts] for lang in CAPTION_LANGUAGES}


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
    """Make sample videos and sounds for the installed courses where the library has none.

    Each shows the lesson's dialogue (else its first words) in Thai, spoken by espeak-ng, with
    captions in th, km, lo, my and en; every sound the courses name (a word's, a dialogue
    line's, a listening exercise's) is that Thai, spoken; the pictures a pack ships in its
    media/ folder are copied in. Real recordings replace them: drop
    the files in MEDIA_ROOT with the same names and run `rianthai media scan`.
    """
    folder = Path(current_app.config["MEDIA_ROOT"])
    folder.mkdir(parents=True, exist_ok=True)
    known = (
        {item.id for item in media_index.Manifest.load(folder)}
        if (folder / media_index.MANIFEST_NAME).exists()
        else set()
    )
    courses = catalog().courses()
    videos = {
        step.media: lesson
        for course in courses
        for lesson, step in course.iter_steps()
        if isinstance(step, VideoStep)
        and step.media not in known
        and not (folder / f"{step.media}.mp4").exists()
    }
    sounds = {
        media_id: thai
        for course in courses
        for media_id, thai in _spoken(course)
        if media_id not in known and not (folder / f"{media_id}.m4a").exists()
    }
    pictures = _copy_pack_pictures(courses, folder)
    if not videos and not sounds and not pictures:
        click.echo("Every video and sound of the courses is in the library.")
        return
    with click.progressbar(videos.items(), label="Making sample videos") as bar:
        for media_id, lesson in bar:
            scenes, captions = _scenes(lesson)
            make_sample_video(folder, media_id, scenes, captions, FONT_DIR)
    # espeak-ng and ffmpeg run as processes: one per core at a time.
    with (
        ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool,
        click.progressbar(length=len(sounds), label="Making spoken words") as bar,
    ):
        jobs = [pool.submit(make_sample_audio, folder, i, thai) for i, thai in sounds.items()]
        for job in as_completed(jobs):
            job.result()
            bar.update(1)
    _scan(folder)


@media.command("renditions")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def renditions(folder: Path | None) -> None:
    """Make the 360p, 240p and sound-only renditions of every video of FOLDER (default:
    MEDIA_ROOT) that lacks them; 'save data' plays the smallest."""
    folder = folder or Path(current_app.config["MEDIA_ROOT"])
    if not (folder / media_index.MANIFEST_NAME).exists():
        _scan(folder)
    manifest = media_index.Manifest.load(folder)
    with click.progressbar(length=1, label="Making renditions", show_pos=True) as bar:

        def progress(done: int, total: int, _path) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        manifest = make_renditions(folder, manifest, progress)
    videos = [item for item in manifest if item.kind == "video"]
    for item in videos:
        sizes = ", ".join(f"{r.name} {r.size // 1000} KB" for r in item.renditions.values())
        click.echo(f"{item.id}: original {item.size // 1000} KB; {sizes or 'no renditions'}")
    click.echo(f"{len(videos)} videos; sounds are served as they are.")
