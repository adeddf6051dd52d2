"""Course counts: exact on the minimal pack, floors on the bundled course (nothing shrinks)."""

from __future__ import annotations

from pathlib import Path

from exercises import TYPES
from lessons import load_course
from lessons.stats import course_stats

TESTS = Path(__file__).parent
BUNDLED = TESTS.parents[1] / "lessons" / "courses" / "thai-for-work"


def test_minimal_pack_counts():
    stats = course_stats(load_course(TESTS / "packs" / "minimal"))
    assert (stats["lessons"], stats["vocabulary"], stats["exercises"]) == (2, 3, 4)
    assert stats["exercises_by_type"] == {"single_choice": 3, "video_checkpoint": 1}
    assert stats["media_items"] == 2  # the lesson video and one spoken word
    assert stats["languages_complete"] == ["en"]
    assert [lesson["id"] for lesson in stats["per_lesson"]] == ["hello", "thanks"]


def test_bundled_course_keeps_its_size():
    stats = course_stats(load_course(BUNDLED))
    assert stats["lessons"] >= 12
    assert stats["vocabulary"] >= 250 and stats["exercises"] >= 180
    assert stats["languages_complete"] == ["km", "lo", "my", "en"]
    assert stats["exercises_by_type"]["video_checkpoint"] >= 2 * stats["lessons"]
    assert set(stats["exercises_by_type"]) == set(TYPES)  # every exercise type is used
    for lesson in stats["per_lesson"]:
        assert lesson["vocabulary"] >= 15 and lesson["exercises"] >= 12, lesson
        assert lesson["dialogue_lines"] >= 5, lesson
