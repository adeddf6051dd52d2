"""The media library's data: items, renditions, captions, problems and the manifest file.

Everything here is an immutable dataclass. The manifest (``media.json``) lives beside the media
and holds only paths relative to that folder, so the folder can be copied to another server or
a USB stick and used as is.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

MANIFEST_NAME = "media.json"
FORMAT = "rianthai-media/1"


class ManifestError(ValueError):
    """The manifest file is missing a field, has a wrong type or an unknown format."""


@dataclass(frozen=True, slots=True)
class Rendition:
    """One playable file of a media item; ``path`` is relative to the media folder."""

    name: str
    path: str
    size: int
    width: int | None = None
    height: int | None = None
    bitrate: int | None = None  # bits per second, audio and video together

    @property
    def is_video(self) -> bool:
        return self.height is not None


@dataclass(frozen=True, slots=True)
class Problem:
    """A file the scan skipped or only partly understood, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class MediaItem:
    """A video or audio file of the library with what ffprobe said about it."""

    id: str
    path: str  # relative to the media folder, "/" separated
    kind: str  # "video", "audio" or "image"
    sha256: str
    size: int
    mtime_ns: int
    duration: float
    width: int | None = None
    height: int | None = None
    video_codec: str | None = None
    audio_codec: str | None = None
    container: str | None = None
    bitrate: int | None = None
    thumbnail: str | None = None
    captions: Mapping[str, str] = field(default_factory=dict)  # lang -> .vtt path
    renditions: Mapping[str, Rendition] = field(default_factory=dict)

    @property
    def original(self) -> Rendition:
        """The source file itself, as a rendition named ``original``."""
        return Rendition("original", self.path, self.size, self.width, self.height, self.bitrate)

    def rendition(self, name: str) -> Rendition:
        """The rendition called ``name`` (``original`` included); KeyError if there is none."""
        if name == "original":
            return self.original
        return self.renditions[name]

    @property
    def has_audio(self) -> bool:
        return self.audio_codec is not None


@dataclass(frozen=True, slots=True)
class Manifest:
    """The library of one folder: its items by id and the problems of the last scan."""

    folder: Path
    items: tuple[MediaItem, ...] = ()
    problems: tuple[Problem, ...] = ()
    # get() runs on every media request: index the items once.
    _by_id: Mapping[str, MediaItem] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {item.id: item for item in self.items})

    def __iter__(self) -> Iterator[MediaItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, media_id: str) -> MediaItem | None:
        """The item with this id, or None."""
        return self._by_id.get(media_id)

    def with_item(self, item: MediaItem) -> Manifest:
        """A copy with ``item`` replacing the item of the same id."""
        items = tuple(item if old.id == item.id else old for old in self.items)
        return replace(self, items=items)

    @property
    def path(self) -> Path:
        return Path(self.folder) / MANIFEST_NAME

    # -- the file ---------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "items": [_item_to_json(item) for item in self.items],
            "problems": [{"path": p.path, "reason": p.reason} for p in self.problems],
        }

    def save(self) -> Path:
        """Write ``media.json`` atomically (readers never see half a file), only if it changed."""
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        target = self.path
        try:
            if target.read_text(encoding="utf-8") == text:
                return target
        except (OSError, UnicodeDecodeError):
            pass
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        return target

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> Manifest:
        """Read ``media.json`` of ``folder``; FileNotFoundError if there is none."""
        folder = Path(folder)
        path = folder / MANIFEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ManifestError(f"{path}: not valid JSON: {exc}") from exc
        return cls.from_json(folder, data, source=str(path))

    @classmethod
    def from_json(cls, folder: Path, data: Any, source: str = MANIFEST_NAME) -> Manifest:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ManifestError(f"{source}: not a {FORMAT} manifest")
        try:
            items = tuple(_item_from_json(raw) for raw in data.get("items", []))
            problems = tuple(Problem(str(p["path"]), str(p["reason"]))
                             for p in data.get("problems", []))
        except (KeyError, TypeError, ValueError) as exc:
            raise ManifestError(f"{source}: bad item: {exc!r}") from exc
        return cls(folder=Path(folder), items=items, problems=problems)


def _rendition_to_json(r: Rendition) -> dict[str, Any]:
    return {"path": r.path, "size": r.size, "width": r.width, "height": r.height,
            "bitrate": r.bitrate}


def _item_to_json(item: MediaItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "path": item.path,
        "kind": item.kind,
        "sha256": item.sha256,
        "size": item.size,
        "mtime_ns": item.mtime_ns,
        "duration": item.duration,
        "width": item.width,
        "height": item.height,
        "video_codec": item.video_codec,
        "audio_codec": item.audio_codec,
        "container": item.container,
        "bitrate": item.bitrate,
        "thumbnail": item.thumbnail,
        "captions": dict(sorted(item.captions.items())),
        "renditions": {name: _rendition_to_json(r) for name, r in item.renditions.items()},
    }


def _item_from_json(raw: dict[str, Any]) -> MediaItem:
    renditions = {
        name: Rendition(name, str(r["path"]), int(r["size"]), r.get("width"), r.get("height"),
                        r.get("bitrate"))
        for name, r in raw.get("renditions", {}).items()
    }
    return MediaItem(
        id=str(raw["id"]),
        path=str(raw["path"]),
        kind=str(raw["kind"]),
        sha256=str(raw["sha256"]),
        size=int(raw["size"]),
        mtime_ns=int(raw["mtime_ns"]),
        duration=float(raw["duration"]),
        width=raw.get("width"),
        height=raw.get("height"),
        video_codec=raw.get("video_codec"),
        audio_codec=raw.get("audio_codec"),
        container=raw.get("container"),
        bitrate=raw.get("bitrate"),
        thumbnail=raw.get("thumbnail"),
        captions={str(k): str(v) for k, v in raw.get("captions", {}).items()},
        renditions=renditions,
    )
