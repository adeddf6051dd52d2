"""Scanning a media folder into a manifest: ids, checksums, ffprobe facts, thumbnails, captions.

Re-scanning is cheap: a file whose size and modification time match the manifest is not read
or probed again; one whose time changed but size did not (a copy to a USB stick) is hashed, and
if the checksum matches, the stored facts are kept. A broken, unreadable or unsupported file is
a Problem in the result, never an exception.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import tools
from .captions import find_captions
from .model import MANIFEST_NAME, Manifest, ManifestError, MediaItem, Problem
from .renditions import RENDITIONS_DIR

Progress = Callable[[int, int, str], None]

# What browsers play (HTML5 <video>/<audio>) and what we therefore index.
VIDEO_EXTENSIONS = frozenset({".mp4", ".m4v", ".webm", ".ogv", ".mov"})
AUDIO_EXTENSIONS = frozenset({".m4a", ".mp3", ".ogg", ".oga", ".opus", ".wav", ".flac", ".aac",
                              ".weba"})
# Pictures for picture-choice exercises and vocabulary: indexed and served, never transcoded.
IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".webp", ".svg"})
MEDIA_EXTENSIONS = VIDEO_EXTENSIONS | AUDIO_EXTENSIONS | IMAGE_EXTENSIONS
# Media that browsers do not play: reported so that an author knows to convert them.
UNSUPPORTED_EXTENSIONS = frozenset({".avi", ".mkv", ".wmv", ".flv", ".mpg", ".mpeg", ".3gp",
                                    ".ts", ".wma", ".amr"})
THUMBS_DIR = ".thumbs"
THUMB_WIDTH = 320
SCAN_WORKERS = min(4, os.cpu_count() or 1)


def media_id_for(relpath: str) -> str:
    """The stable id of a file: its relative path without extension, as a slug.

    ``tfw-01-greetings.mp4`` -> ``tfw-01-greetings``; ``a/b.mp4`` -> ``a-b``. Empty when the
    name has no Latin letters or digits at all (the scan reports that).
    """
    stem = relpath.rsplit(".", 1)[0] if "." in relpath.rsplit("/", 1)[-1] else relpath
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def scan(folder: str | os.PathLike[str], progress: Progress | None = None, *,
         save: bool = True, thumbnails: bool = True) -> Manifest:
    """Index every video and audio file under ``folder``; write ``media.json`` beside them."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotADirectoryError(f"media folder {folder} does not exist or is not a folder")
    problems: list[Problem] = []
    previous: dict[str, MediaItem] = {}
    if (folder / MANIFEST_NAME).exists():
        try:
            previous = {item.path: item for item in Manifest.load(folder)}
        except (ManifestError, OSError) as exc:
            problems.append(Problem(MANIFEST_NAME, f"old manifest ignored, rescanning all: {exc}"))

    files, unsupported = _walk(folder)
    problems += [Problem(rel, f"unsupported format {Path(rel).suffix}: convert to MP4 "
                              "(H.264/AAC) or M4A") for rel in unsupported]
    jobs: dict[str, str] = {}  # rel -> id, for files whose id is free
    owners: dict[str, str] = {}
    for rel in files:
        media_id = media_id_for(rel)
        if not media_id:
            problems.append(Problem(rel, "no id can be made from this name: use Latin letters "
                                         "or digits (e.g. tfw-01-greetings.mp4)"))
        elif media_id in owners:
            problems.append(Problem(rel, f"id {media_id!r} is already used by "
                                         f"{owners[media_id]}: rename one of them"))
        else:
            owners[media_id] = rel
            jobs[rel] = media_id

    # ffprobe and ffmpeg run as separate processes: threads keep every core busy on a first
    # scan. Results are put back in file order so that the manifest does not depend on timing.
    results: dict[str, tuple[MediaItem | None, list[Problem]]] = {}
    done = len(files) - len(jobs)
    with ThreadPoolExecutor(max_workers=SCAN_WORKERS) as pool:
        futures = {pool.submit(_index_file, folder, rel, media_id, previous.get(rel),
                               thumbnails): rel for rel, media_id in jobs.items()}
        for future in as_completed(futures):
            rel = futures[future]
            try:
                results[rel] = future.result()
            except Exception as exc:  # one odd file must never stop the scan of the library
                results[rel] = (None, [Problem(rel, f"could not be indexed: {exc!r}")])
            done += 1
            if progress:
                progress(done, len(files), rel)
    items: list[MediaItem] = []
    for rel in jobs:
        item, file_problems = results[rel]
        problems += file_problems
        if item is not None:
            items.append(item)
    manifest = Manifest(folder=folder, items=tuple(items), problems=tuple(problems))
    if save:
        manifest.save()
    return manifest


def _walk(folder: Path) -> tuple[list[str], list[str]]:
    media, unsupported = [], []
    for dirpath, dirnames, filenames in os.walk(folder):
        # Hidden folders hold what we make ourselves (.thumbs, .renditions) or are not content.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            rel = (Path(dirpath) / name).relative_to(folder).as_posix()
            suffix = Path(name).suffix.lower()
            if suffix in MEDIA_EXTENSIONS:
                media.append(rel)
            elif suffix in UNSUPPORTED_EXTENSIONS:
                unsupported.append(rel)
    return sorted(media), sorted(unsupported)


def _index_file(folder: Path, rel: str, media_id: str, old: MediaItem | None,
                thumbnails: bool) -> tuple[MediaItem | None, list[Problem]]:
    path = folder / rel
    problems: list[Problem] = []
    try:
        st = path.stat()
        if old is not None and old.id == media_id and (old.size, old.mtime_ns) == (
                st.st_size, st.st_mtime_ns):
            item = old
        else:
            checksum = tools.sha256_file(path)
            if old is not None and old.id == media_id and old.sha256 == checksum:
                item = replace(old, mtime_ns=st.st_mtime_ns)
            elif path.suffix.lower() in IMAGE_EXTENSIONS:
                item = _image(path, rel, media_id, checksum, st)
            else:
                item = _probe(path, rel, media_id, checksum, st)
    except OSError as exc:
        return None, [Problem(rel, f"unreadable: {exc.strerror or exc}")]
    except (tools.ToolError, ValueError) as exc:
        return None, [Problem(rel, f"broken or not media: {_short(exc, folder, rel)}")]

    if item.kind == "image":
        return item, problems
    captions, caption_problems = find_captions(folder, rel, item.duration)
    problems += caption_problems
    renditions = {name: r for name, r in item.renditions.items() if (folder / r.path).is_file()}
    thumb = item.thumbnail
    if thumbnails and item.kind == "video" and (thumb is None or not (folder / thumb).is_file()):
        try:
            thumb = make_thumbnail(folder, item)
        except (tools.ToolError, OSError) as exc:
            problems.append(Problem(rel, f"no thumbnail: {_short(exc, folder, rel)}"))
            thumb = None
    return replace(item, captions=captions, renditions=renditions, thumbnail=thumb), problems


def _short(exc: Exception, folder: Path, rel: str) -> str:
    # Tool messages name the absolute path; the manifest holds relative paths only, and the
    # Problem already names the file.
    text = str(exc).replace(str(folder / rel), rel)
    return text.removeprefix(f"{rel}: ")


_SVG_SIZE = re.compile(rb'viewBox="[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)[ ,]+([\d.]+)"')


def _image(path: Path, rel: str, media_id: str, checksum: str, st: os.stat_result) -> MediaItem:
    """A picture: its size in pixels (SVG: from its viewBox, read as text, never parsed as
    XML), no duration, nothing to transcode."""
    if path.suffix.lower() == ".svg":
        head = path.read_bytes()[:4096]
        if b"<svg" not in head:
            raise ValueError("not an SVG image")
        size = _SVG_SIZE.search(head)
        width, height = (round(float(size[1])), round(float(size[2]))) if size else (None, None)
        codec = "svg"
    else:
        streams = tools.ffprobe(path).get("streams", [])
        picture = next((s for s in streams if s.get("codec_type") == "video"), None)
        if picture is None or not picture.get("width"):
            raise ValueError("not a readable image")
        width, height, codec = int(picture["width"]), int(picture["height"]), picture["codec_name"]
    return MediaItem(
        id=media_id, path=rel, kind="image", sha256=checksum, size=st.st_size,
        mtime_ns=st.st_mtime_ns, duration=0.0, width=width, height=height, video_codec=codec,
    )


def _probe(path: Path, rel: str, media_id: str, checksum: str, st: os.stat_result) -> MediaItem:
    info = tools.ffprobe(path)
    streams: list[dict[str, Any]] = info.get("streams", [])
    fmt: dict[str, Any] = info.get("format", {})
    video = [s for s in streams if s.get("codec_type") == "video"
             and not s.get("disposition", {}).get("attached_pic")]  # mp3 cover art is no video
    audio = [s for s in streams if s.get("codec_type") == "audio"]
    if not video and not audio:
        raise ValueError("no audio or video stream")
    try:
        duration = float(fmt.get("duration") or 0)
    except ValueError:
        duration = 0.0
    if duration <= 0:
        raise ValueError("no duration: truncated or not a media file")
    v = video[0] if video else {}
    width = int(v["width"]) if v.get("width") else None
    height = int(v["height"]) if v.get("height") else None
    if _rotation(v) % 180 == 90:  # a phone held upright: stored landscape, shown portrait
        width, height = height, width
    bitrate = fmt.get("bit_rate")
    return MediaItem(
        id=media_id,
        path=rel,
        kind="video" if video else "audio",
        sha256=checksum,
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
        duration=round(duration, 3),
        width=width,
        height=height,
        video_codec=v.get("codec_name"),
        audio_codec=audio[0].get("codec_name") if audio else None,
        container=fmt.get("format_name"),
        bitrate=int(bitrate) if bitrate and str(bitrate).isdigit() else None,
    )


def _rotation(stream: dict[str, Any]) -> int:
    """Degrees the player turns the picture: display-matrix side data, or the old rotate tag."""
    for side in stream.get("side_data_list", []):
        if "rotation" in side:
            return int(float(side["rotation"]))
    try:
        return int(stream.get("tags", {}).get("rotate", 0))
    except ValueError:
        return 0


def make_thumbnail(folder: Path, item: MediaItem) -> str:
    """A small JPEG of the frame at 10 % of the video; its path relative to ``folder``.

    Named after the checksum too, so a changed video never shows a stale cached thumbnail.
    """
    rel = f"{THUMBS_DIR}/{item.id}-{item.sha256[:12]}.jpg"
    dest = folder / rel
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = tools.atomic_output(dest)
    at = f"{item.duration * 0.1:.3f}"
    try:
        tools.ffmpeg(["-ss", at, "-i", str(folder / item.path), "-frames:v", "1",
                      "-vf", f"scale='min({THUMB_WIDTH},iw)':-2", "-q:v", "5", str(tmp)],
                     what=str(folder / item.path), timeout=120)
        if not tmp.is_file() or tmp.stat().st_size == 0:
            raise tools.ToolError(f"{item.path}: ffmpeg made no thumbnail frame")
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return rel


def prune(manifest: Manifest, *, dry_run: bool = False) -> tuple[str, ...]:
    """Delete thumbnails and renditions that no item of ``manifest`` refers to any more.

    Only files inside ``.thumbs/`` and ``.renditions/`` are touched. Run it after
    ``make_renditions`` (which re-records renditions found on disk), never between a lost
    manifest and that, or reusable encodes go. Returns the removed paths, relative.
    """
    folder = Path(manifest.folder)
    keep = {p for item in manifest for p in (item.thumbnail, *(r.path for r in
                                                                item.renditions.values())) if p}
    removed = []
    for sub in (THUMBS_DIR, RENDITIONS_DIR):
        for path in sorted((folder / sub).rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if path.is_file() and rel not in keep:
                if not dry_run:
                    path.unlink()
                removed.append(rel)
    if not dry_run:
        for sub in (THUMBS_DIR, RENDITIONS_DIR):
            for path in sorted((folder / sub).rglob("*"), reverse=True):
                if path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
    return tuple(removed)
