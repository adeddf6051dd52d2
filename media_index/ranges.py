"""HTTP byte ranges (RFC 9110 section 14): parse a ``Range`` header against a file size.

The web layer maps the result to a status: 200 (send the whole file), 206 (send one range with
``Content-Range``) or 416 (unsatisfiable, with ``Content-Range: bytes */SIZE``).

Policy, as RFC 9110 allows a server to choose (section 14.2):

- A header that is absent, malformed, or in a unit other than ``bytes`` is ignored: 200.
- A range past the end of the file is clamped; one that starts at or past the end, or a suffix
  of length 0, is unsatisfiable. If no range of the set is satisfiable: 416.
- Several ranges: the satisfiable ones are coalesced when they overlap or nearly touch (a gap
  under ``COALESCE_GAP`` bytes, cheaper to send than a multipart boundary) and, if they become a
  single range, that range is served as 206. Otherwise the header is ignored and the whole file
  is sent (200), so the web layer never needs ``multipart/byteranges``; media players only ever
  ask for one range.
- More than ``MAX_RANGES`` ranges, or an absurdly long header, is ignored (a known way to make
  a server do a lot of work for nothing).
- A zero-length file has no bytes to range over: always 200.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_RANGES = 16
MAX_HEADER = 1024
COALESCE_GAP = 80

_INT_RANGE = re.compile(r"([0-9]+)-([0-9]*)")
_SUFFIX_RANGE = re.compile(r"-([0-9]+)")
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


@dataclass(frozen=True, slots=True)
class ByteRange:
    """Bytes ``start`` to ``end`` inclusive, as in ``Content-Range``."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start + 1


@dataclass(frozen=True, slots=True)
class RangeResult:
    """What to send: the whole file (200), one range (206) or nothing (416)."""

    status: int
    size: int
    range: ByteRange | None = None

    @property
    def content_range(self) -> str | None:
        """The ``Content-Range`` header value for 206 and 416, None for 200."""
        if self.status == 206 and self.range is not None:
            return f"bytes {self.range.start}-{self.range.end}/{self.size}"
        if self.status == 416:
            return f"bytes */{self.size}"
        return None

    @property
    def content_length(self) -> int:
        """How many body bytes to send."""
        if self.status == 206 and self.range is not None:
            return self.range.length
        if self.status == 416:
            return 0
        return self.size


def parse_range(header: str | None, size: int) -> RangeResult:
    """Decide what part of a ``size``-byte file a ``Range`` header asks for."""
    if size < 0:
        raise ValueError(f"parse_range: size must be >= 0, got {size}")
    full = RangeResult(200, size)
    if not header or size == 0 or len(header) > MAX_HEADER:
        return full
    unit, sep, range_set = header.strip().partition("=")
    if not sep or not _TOKEN.fullmatch(unit) or unit.lower() != "bytes":
        return full
    # The list rule (RFC 9110 5.6.1) allows optional whitespace around commas and empty elements.
    specs = [spec.strip(" \t") for spec in range_set.split(",")]
    specs = [spec for spec in specs if spec]
    if not specs or len(specs) > MAX_RANGES:
        return full

    wanted: list[ByteRange] = []
    for spec in specs:
        if m := _INT_RANGE.fullmatch(spec):
            first = int(m.group(1))
            last = int(m.group(2)) if m.group(2) else None
            if last is not None and last < first:
                return full  # an invalid range-spec makes the whole header invalid
            if first >= size:
                continue  # unsatisfiable, but maybe another range is not
            wanted.append(ByteRange(first, size - 1 if last is None else min(last, size - 1)))
        elif m := _SUFFIX_RANGE.fullmatch(spec):
            suffix = int(m.group(1))
            if suffix == 0:
                continue
            wanted.append(ByteRange(max(size - suffix, 0), size - 1))
        else:
            return full
    if not wanted:
        return RangeResult(416, size)
    merged = _coalesce(wanted)
    if len(merged) == 1:
        return RangeResult(206, size, merged[0])
    return full


def _coalesce(ranges: list[ByteRange]) -> list[ByteRange]:
    ranges = sorted(ranges, key=lambda r: r.start)
    out = [ranges[0]]
    for r in ranges[1:]:
        last = out[-1]
        if r.start <= last.end + 1 + COALESCE_GAP:
            out[-1] = ByteRange(last.start, max(last.end, r.end))
        else:
            out.append(r)
    return out
