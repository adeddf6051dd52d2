"""The library end to end, as the issue's "done when" needs it from this package."""

from __future__ import annotations

import shutil

import pytest

from media_index import Manifest, prune, scan
from media_index.captions import read_cues
from media_index.ranges import parse_range
from media_index.renditions import make_renditions, pick_rendition
from media_index.samples import make_sample_video
from media_index.serving import caption_file, media_file

from .helpers import CAPTIONS, FONTS, SCENES


@pytest.mark.slow
def test_save_data_learner_gets_240p_with_burmese_captions_and_can_seek(tmp_path):
    media = tmp_path / "media"
    make_sample_video(media, "tfw-01-greetings", SCENES, CAPTIONS, FONTS)
    make_renditions(media, scan(media))

    # the web process loads the manifest, possibly on another machine after a copy
    copy = tmp_path / "usb"
    shutil.copytree(media, copy)
    manifest = Manifest.load(copy)
    item = manifest.get("tfw-01-greetings")
    chosen = pick_rendition(item, save_data=True)
    assert chosen.name == "240p" and chosen.height == 240
    served = media_file(manifest, item.id, chosen.name)
    assert served.size == chosen.size and served.path.is_relative_to(copy.resolve())

    # seeking: the player asks for a range from the middle
    middle = served.size // 2
    result = parse_range(f"bytes={middle}-", served.size)
    assert (result.status, result.content_range) == (
        206, f"bytes {middle}-{served.size - 1}/{served.size}")

    burmese = caption_file(manifest, item.id, "my")
    assert [c.text for c in read_cues(burmese.path)] == CAPTIONS["my"]


@pytest.mark.slow
def test_prune_removes_only_what_nothing_refers_to(rendered_dir):
    media_dir = rendered_dir
    manifest = Manifest.load(media_dir)
    stale = media_dir / ".renditions" / "gone" / "240p-000000000000.mp4"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    (media_dir / ".thumbs" / "gone-0.jpg").write_bytes(b"old")
    assert prune(manifest, dry_run=True) == (".thumbs/gone-0.jpg",
                                             ".renditions/gone/240p-000000000000.mp4")
    assert stale.exists()
    prune(manifest)
    assert not stale.exists() and not stale.parent.exists()
    item = manifest.get("tfw-01-greetings")
    for r in item.renditions.values():
        assert (media_dir / r.path).is_file()
    assert (media_dir / item.thumbnail).is_file()
    assert (media_dir / "broken.mp4").is_file()  # media itself is never touched
