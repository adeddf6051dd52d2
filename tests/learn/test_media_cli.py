"""`rianthai media samples`: the videos and sounds a course names, made once."""

from __future__ import annotations

import pytest

import media_index


@pytest.mark.slow
def test_samples_make_what_the_course_names_and_nothing_twice(app, tmp_path):
    app.config["MEDIA_ROOT"] = str(tmp_path)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["media", "samples"])
    assert result.exit_code == 0, result.output
    library = media_index.Manifest.load(tmp_path)
    video, sound = library.get("mini-hello"), library.get("mini-sawatdii")
    assert video.kind == "video" and set(video.captions) == {"th", "km", "lo", "my", "en"}
    assert sound.kind == "audio" and sound.duration > 0.3
    again = runner.invoke(args=["media", "samples"])
    assert "Every video and sound of the courses is in the library." in again.output
