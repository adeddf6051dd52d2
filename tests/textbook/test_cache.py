"""The textbook cache: keyed by everything a PDF depends on, atomic, with its facts beside it."""

import dataclasses
import json
import os

import pytest

import textbook
from textbook.cache import TextbookCache, key_for

PDF = b"%PDF-1.7\n fake but shaped like one \n%%EOF"


@pytest.fixture
def cache(tmp_path):
    return TextbookCache(tmp_path / "textbooks")


def test_put_then_get_and_info(cache, course):
    key = key_for(course, "km", "A5")
    assert cache.get(key) is None and cache.info(key) is None
    entry = cache.put(key, PDF, pages=12)
    assert cache.get(key) == entry.path and entry.path.read_bytes() == PDF
    info = cache.info(key)
    assert (info.pages, info.bytes, info.etag) == (12, len(PDF), entry.etag)
    assert info.size_text == "1 KB"
    meta = json.loads(entry.path.with_suffix(".json").read_text())
    assert meta["key"]["lang"] == "km" and meta["key"]["size"] == "A5"


@pytest.mark.parametrize(
    "field", ["course_id", "version", "content_hash", "lang", "size", "template_version"]
)
def test_every_part_of_the_key_changes_the_file(field, course):
    key = key_for(course, "km")
    other = dataclasses.replace(key, **{field: getattr(key, field) + "x"})
    assert other.filename != key.filename and other.digest != key.digest


def test_a_content_change_never_serves_the_old_pdf(cache, course):
    key = key_for(course, "lo")
    cache.put(key, PDF, pages=3)
    changed = dataclasses.replace(course, content_hash="0" * 64)
    assert cache.get(key_for(changed, "lo")) is None


def test_write_is_atomic_and_leaves_no_temporary_files(cache, course, monkeypatch):
    key = key_for(course, "my")
    cache.put(key, PDF, pages=1)

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        cache.put(key, PDF + b"new", pages=2)
    monkeypatch.undo()
    assert cache.get(key).read_bytes() == PDF  # the old file is intact
    assert sorted(p.name for p in cache.get(key).parent.iterdir()) == sorted(
        [key.filename, key.filename.replace(".pdf", ".json")]
    )


def test_the_pdf_is_readable_by_the_web_server_not_only_its_owner(cache, course):
    entry = cache.put(key_for(course, "lo"), PDF, pages=1)
    assert entry.path.stat().st_mode & 0o777 == 0o644


def test_not_a_pdf_is_refused(cache, course):
    with pytest.raises(ValueError, match="not a PDF"):
        cache.put(key_for(course, "en"), b"<html>", pages=1)


def test_template_version_is_part_of_the_key(course):
    assert key_for(course, "th").template_version == textbook.template_version()


def test_prune_removes_stale_versions_only(cache, course):
    current = key_for(course, "km")
    stale = dataclasses.replace(current, version="0.9")
    cache.put(current, PDF, pages=1)
    cache.put(stale, PDF, pages=1)
    assert cache.prune(course) == 1
    assert cache.get(current) and not cache.get(stale)


@pytest.mark.slow
def test_build_renders_once_then_serves_the_file(cache, course, renders, monkeypatch):
    import textbook.pdf

    calls = []
    document = renders.document("km", "A5")  # rendered once for the whole session

    def layout(course, lang, size, learner=None):
        calls.append((lang, size))
        return document

    monkeypatch.setattr(textbook.pdf, "layout", layout)
    first = cache.build(course, "km", "A5")
    assert first.pages >= 8 and first.path.read_bytes().startswith(b"%PDF-")
    again = cache.build(course, "km", "A5")
    assert again == first and calls == [("km", "A5")]  # the second call reads the file
