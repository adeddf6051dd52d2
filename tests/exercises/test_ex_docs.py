"""docs/exercise-types.md: every YAML example is a valid spec, every type and every feedback
code is documented."""

import re
from pathlib import Path

import exercises

DOC = Path(__file__).resolve().parents[2] / "docs" / "exercise-types.md"


def test_every_documented_example_is_a_valid_spec(doc_specs):
    problems = {ident: exercises.check_spec(s) for ident, s in doc_specs.items()}
    assert {ident: p for ident, p in problems.items() if p} == {}


def test_every_type_is_documented_with_an_example(doc_specs):
    assert {s["type"] for s in doc_specs.values()} == set(exercises.TYPES)
    headings = set(re.findall(r"^## (\w+)$", DOC.read_text(encoding="utf-8"), re.M))
    assert set(exercises.TYPES) <= headings


def test_every_feedback_code_is_documented():
    text = DOC.read_text(encoding="utf-8")
    assert [code for code in sorted(exercises.CODES) if f"`{code}`" not in text] == []
