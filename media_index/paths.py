"""Safe paths inside the media folder: no way out, whatever a URL or a manifest says."""

from __future__ import annotations

import os
from pathlib import Path


class UnsafePath(ValueError):
    """A path that would leave the media folder, or one that is malformed."""


def safe_join(root: str | os.PathLike[str], *parts: str) -> Path:
    """``root / parts...`` resolved, or UnsafePath.

    Refused: ``..`` segments, absolute parts, NUL bytes, backslashes (a Windows separator that
    would mean something else on another server), and any path that, once symlinks are
    followed, is outside ``root``. Symlinks that stay inside ``root`` are allowed. The file
    need not exist. The returned path is the resolved one, so the caller opens what was checked.
    """
    base = Path(root).resolve()
    segments: list[str] = []
    for part in parts:
        if not isinstance(part, str):
            raise UnsafePath(f"path part {part!r} is not a string")
        if "\x00" in part:
            raise UnsafePath(f"path part {part!r} contains a NUL byte")
        if "\\" in part:
            raise UnsafePath(f"path part {part!r} contains a backslash")
        if part.startswith("/") or (len(part) > 1 and part[1] == ":"):
            raise UnsafePath(f"path part {part!r} is absolute")
        for segment in part.split("/"):
            if segment == "..":
                raise UnsafePath(f"path part {part!r} climbs out with '..'")
            if segment and segment != ".":
                segments.append(segment)
    joined = base.joinpath(*segments)
    try:
        resolved = joined.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise UnsafePath(f"cannot resolve {'/'.join(segments)!r}: {exc}") from exc
    if resolved != base and not resolved.is_relative_to(base):
        raise UnsafePath(f"{'/'.join(segments)!r} leads outside the media folder")
    return resolved
