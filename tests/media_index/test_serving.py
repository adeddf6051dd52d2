"""Serving facts: the right file, type, ETag and caching for each rendition; nothing outside."""

from __future__ import annotations

import dataclasses
import os

import pytest

from media_index import Manifest, scan
from media_index.paths import UnsafePath
from media_index.serving import IMMUTABLE, REVALIDATE, NotFound, caption_file, media_file

from .helpers import make_item


@pytest.fixture
def manifest(media_dir):
    return scan(media_dir)


def test_original_has_a_strong_etag_from_its_checksum(manifest, media_dir):
    served = media_file(manifest, "tfw-01-greetings")
    item = manifest.get("tfw-01-greetings")
    assert served.path == (media_dir / "tfw-01-greetings.mp4").resolve()
    assert (served.size, served.content_type) == (item.size, "video/mp4")
    assert served.etag == f'"{item.sha256[:32]}"'
    assert served.cache_control == REVALIDATE
    assert served.accel_redirect("/_media/") == "/_media/tfw-01-greetings.mp4"


def test_a_file_changed_since_the_scan_gets_a_weak_etag(manifest, media_dir):
    os.utime(media_dir / "tfw-01-greetings.mp4", ns=(1, 1))
    assert media_file(manifest, "tfw-01-greetings").etag.startswith('W/"')


def test_captions_are_served_as_webvtt(manifest):
    served = caption_file(manifest, "tfw-01-greetings", "th")
    assert served.content_type == "text/vtt; charset=utf-8"
    assert served.path.read_text(encoding="utf-8").startswith("WEBVTT")


@pytest.mark.parametrize(("media_id", "what"), [
    ("nope", "rendition"), ("tfw-01-greetings", "rendition"), ("small-silent", "caption"),
    ("tfw-01-greetings", "caption"),
])
def test_unknown_things_are_not_found(manifest, media_id, what):
    with pytest.raises(NotFound):
        if what == "rendition":
            media_file(manifest, media_id, "1080p")
        else:
            caption_file(manifest, media_id, "km")


def test_a_deleted_file_is_not_found(manifest, media_dir):
    (media_dir / "small-silent.mp4").unlink()
    with pytest.raises(NotFound, match="scan again"):
        media_file(manifest, "small-silent")


def test_a_tampered_manifest_cannot_leave_the_folder(manifest):
    evil = dataclasses.replace(make_item(), id="evil", path="../../etc/passwd")
    tampered = dataclasses.replace(manifest, items=(*manifest.items, evil))
    with pytest.raises(UnsafePath):
        media_file(tampered, "evil")


@pytest.mark.slow
def test_renditions_are_immutable(rendered_dir):
    manifest = Manifest.load(rendered_dir)
    served = media_file(manifest, "tfw-01-greetings", "audio")
    assert served.cache_control == IMMUTABLE and served.content_type == "audio/mp4"
    assert served.relpath.startswith(".renditions/")
    assert served.etag != media_file(manifest, "tfw-01-greetings", "240p").etag
