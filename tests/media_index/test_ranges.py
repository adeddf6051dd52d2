"""Byte ranges as RFC 9110 section 14 says, mapped to 200/206/416."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from media_index.ranges import ByteRange, parse_range

SIZE = 10_000


@pytest.mark.parametrize(
    ("header", "status", "first", "last"),
    [
        # first bytes
        ("bytes=0-99", 206, 0, 99),
        ("bytes=0-0", 206, 0, 0),
        # suffix: the last 500 bytes
        ("bytes=-500", 206, 9500, 9999),
        # suffix longer than the file: the whole file, as a 206
        ("bytes=-20000", 206, 0, 9999),
        # open-ended
        ("bytes=9500-", 206, 9500, 9999),
        # last-pos past the end is clamped
        ("bytes=9990-20000", 206, 9990, 9999),
        # the unit is case-insensitive; whitespace around list commas is allowed
        ("BYTES=0-99", 206, 0, 99),
        ("bytes=0-99 , 100-199", 206, 0, 199),
        # multiple ranges that overlap or touch are coalesced into one
        ("bytes=0-99,50-149", 206, 0, 149),
        ("bytes=100-120,0-99", 206, 0, 120),
        ("bytes=0-99,150-199", 206, 0, 199),  # a gap under a multipart boundary's cost
        # an unsatisfiable range among satisfiable ones is dropped
        ("bytes=0-99,20000-", 206, 0, 99),
        # beyond the end: unsatisfiable
        ("bytes=20000-", 416, None, None),
        ("bytes=10000-10001", 416, None, None),
        ("bytes=-0", 416, None, None),
        # malformed or another unit: ignored, the whole file
        ("bytes=abc", 200, None, None),
        ("bytes=", 200, None, None),
        ("bytes 0-99", 200, None, None),
        ("bytes=100-50", 200, None, None),
        ("bytes=0-99,abc", 200, None, None),
        ("bytes=--5", 200, None, None),
        ("bytes=1-2-3", 200, None, None),
        ("bytes=+1-2", 200, None, None),
        ("bytes=0x10-20", 200, None, None),
        ("items=0-1", 200, None, None),
        ("", 200, None, None),
        (None, 200, None, None),
        # multiple ranges far apart: our policy serves the whole file rather than multipart
        ("bytes=0-99,5000-5099", 200, None, None),
        ("bytes=0-0,-1", 200, None, None),
    ],
)
def test_range_header(header, status, first, last):
    result = parse_range(header, SIZE)
    assert result.status == status
    if status == 206:
        assert result.range == ByteRange(first, last)
        assert result.content_range == f"bytes {first}-{last}/{SIZE}"
        assert result.content_length == last - first + 1
    elif status == 416:
        assert result.content_range == f"bytes */{SIZE}"
    else:
        assert result.content_range is None
        assert result.content_length == SIZE


def test_empty_file_is_always_sent_whole():
    assert parse_range("bytes=0-10", 0).status == 200
    assert parse_range("bytes=-10", 0).status == 200


def test_too_many_ranges_are_ignored():
    header = "bytes=" + ",".join(f"{i}-{i}" for i in range(0, 200, 2))
    assert parse_range(header, SIZE).status == 200


def test_negative_size_is_a_programming_error():
    with pytest.raises(ValueError, match="size"):
        parse_range("bytes=0-1", -1)


@given(st.one_of(st.none(), st.text(max_size=60),
                 st.from_regex(r"bytes=[0-9-, ]{0,30}", fullmatch=True)),
       st.integers(min_value=0, max_value=10**12))
def test_never_crashes_and_stays_in_bounds(header, size):
    result = parse_range(header, size)
    assert result.status in (200, 206, 416)
    if result.status == 206:
        assert result.range is not None
        assert 0 <= result.range.start <= result.range.end < size
    else:
        assert result.range is None
