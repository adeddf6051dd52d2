"""Whatever a file of a pack holds, the checker reports problems; it never crashes."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons import Problem, check_course

MINIMAL = Path(__file__).parent / "packs" / "minimal"
FILES = [
    "course.yaml",
    "01-hello/lesson.yaml",
    "01-hello/vocabulary.yaml",
    "01-hello/exercises.yaml",
    "01-hello/dialogue.yaml",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(["hello", "video", "all_correct", "th"]),
)
keys = st.sampled_from(
    [
        "id",
        "type",
        "steps",
        "title",
        "th",
        "en",
        "media",
        "exercises",
        "mastery",
        "m_of_n",
        "options",
        "answer",
        "lines",
        "speaker",
        "units",
    ]
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=12,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(FILES),
    document=documents,
    raw=st.one_of(st.none(), st.text(max_size=40)),
)
def test_any_file_content_gives_problems_not_a_crash(tmp_path_factory, name, document, raw):
    root = tmp_path_factory.mktemp("pack") / "p"
    shutil.copytree(MINIMAL, root)
    text = raw if raw is not None else yaml.safe_dump(document, allow_unicode=True)
    (root / name).write_text(text, encoding="utf-8")
    problems = check_course(root)
    assert all(isinstance(p, Problem) and p.line >= 0 for p in problems)
