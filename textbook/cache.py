"""A folder of rendered textbooks, keyed so that a change of content never serves a stale PDF.

A textbook is rendered once per (course id, version, content hash, language, page size,
template version) and then served as a file. The template version hashes the templates, the
print CSS, the code that fills them and the fonts, so a new design or a fixed translation
makes new files too. Beside each PDF a small JSON holds its page count, size and ETag, so a
download page can show them without opening the PDF.

Writes are atomic (a temporary file in the same folder, then os.replace): a reader sees the
old file or the new one, never half of one. The JSON is written before the PDF, so a PDF that
exists always has its JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from textbook.book import check_request, template_version

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True, slots=True)
class TextbookKey:
    """Everything a rendered textbook depends on."""

    course_id: str
    version: str
    content_hash: str
    lang: str
    size: str
    template_version: str

    @property
    def digest(self) -> str:
        fields = "\0".join(asdict(self).values())
        return hashlib.sha256(fields.encode()).hexdigest()[:24]

    @property
    def filename(self) -> str:
        """A readable, unique file name: course, version, language, size, then the digest."""
        parts = (self.course_id, self.version, self.lang, self.size, self.digest)
        return _SAFE.sub("_", "-".join(parts)) + ".pdf"


@dataclass(frozen=True, slots=True)
class CachedTextbook:
    """A rendered textbook on disk and what the download page shows about it."""

    path: Path
    pages: int
    bytes: int
    etag: str
    created: float

    @property
    def size_text(self) -> str:
        """Size for people: '1.4 MB', '820 KB'."""
        if self.bytes >= 1_000_000:
            return f"{self.bytes / 1_000_000:.1f} MB"
        return f"{max(1, round(self.bytes / 1000))} KB"


def key_for(course, lang: str, size: str = "A4") -> TextbookKey:
    """The cache key of the textbook of course in lang and size (as things are now)."""
    size = check_request(lang, size)
    return TextbookKey(
        course.id, course.version, course.content_hash, lang, size, template_version()
    )


def _write_atomically(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file 0600; nginx, as another user, sends it (X-Accel-Redirect).
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class TextbookCache:
    """Rendered textbooks in one folder, one sub-folder per course id."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    key_for = staticmethod(key_for)

    def path_for(self, key: TextbookKey) -> Path:
        return self.folder / _SAFE.sub("_", key.course_id) / key.filename

    def _meta_path(self, key: TextbookKey) -> Path:
        return self.path_for(key).with_suffix(".json")

    def get(self, key: TextbookKey) -> Path | None:
        """The PDF's path if this exact textbook is in the cache, else None."""
        path = self.path_for(key)
        return path if path.is_file() else None

    def info(self, key: TextbookKey) -> CachedTextbook | None:
        """Page count, size and ETag of a cached textbook, without opening the PDF."""
        path = self.get(key)
        if path is None:
            return None
        try:
            meta = json.loads(self._meta_path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return CachedTextbook(
            path, int(meta["pages"]), int(meta["bytes"]), str(meta["etag"]), float(meta["created"])
        )

    def put(self, key: TextbookKey, pdf: bytes, pages: int) -> CachedTextbook:
        """Store a rendered PDF of `pages` pages under key; replaces any earlier one."""
        if not pdf.startswith(b"%PDF-"):
            raise ValueError(f"not a PDF for {key.filename} (starts with {pdf[:8]!r})")
        path = self.path_for(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = CachedTextbook(
            path, pages, len(pdf), hashlib.sha256(pdf).hexdigest()[:32], time.time()
        )
        meta = {
            "pages": entry.pages,
            "bytes": entry.bytes,
            "etag": entry.etag,
            "created": entry.created,
            "key": asdict(key),
        }
        _write_atomically(self._meta_path(key), json.dumps(meta, indent=1).encode())
        _write_atomically(path, pdf)
        return entry

    def build(self, course, lang: str, size: str = "A4") -> CachedTextbook:
        """The cached textbook, rendering and storing it first if it is not there yet.

        Rendering takes seconds: call this from a background worker or a CLI, not a request.
        """
        key = key_for(course, lang, size)
        cached = self.info(key)
        if cached is not None:
            return cached
        from textbook.pdf import layout

        document = layout(course, lang, key.size)
        return self.put(key, document.write_pdf(), len(document.pages))

    def prune(self, course) -> int:
        """Delete this course's textbooks that no longer match its current content or
        templates; returns how many PDFs were removed."""
        current = {
            key_for(course, lang, size).filename
            for lang in ("km", "lo", "my", "en", "th")
            for size in ("A4", "A5")
        }
        folder = self.folder / _SAFE.sub("_", course.id)
        removed = 0
        for pdf in folder.glob("*.pdf") if folder.is_dir() else ():
            if pdf.name not in current:
                pdf.with_suffix(".json").unlink(missing_ok=True)
                pdf.unlink(missing_ok=True)
                removed += 1
        return removed
