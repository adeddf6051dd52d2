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


@pytest.mark.slow
def test_samples_copy_the_pictures_a_pack_ships(tmp_path):
    import shutil
    from pathlib import Path

    from learn import create_app

    packs = tmp_path / "packs"
    shutil.copytree(Path(__file__).parents[1] / "lessons" / "packs" / "minimal", packs / "mini")
    (packs / "mini" / "media").mkdir()
    (packs / "mini" / "media" / "sign-stop.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"/>'
    )
    library = tmp_path / "library"
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "BUNDLED_COURSES_DIR": str(packs),
            "COURSES_DIR": str(tmp_path / "courses"),
            "MEDIA_ROOT": str(library),
        }
    )
    assert app.test_cli_runner().invoke(args=["media", "samples"]).exit_code == 0
    picture = media_index.Manifest.load(library).get("sign-stop")
    assert (picture.kind, picture.width, picture.height) == ("image", 100, 50)
    assert not list(library.glob(".tmp-*"))
