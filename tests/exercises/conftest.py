"""Fixtures for the exercise tests: the documented YAML examples, one good spec per type."""

import copy
import re
from pathlib import Path

import pytest
import yaml

DOC = Path(__file__).resolve().parents[2] / "docs" / "exercise-types.md"


@pytest.fixture(scope="session")
def doc_specs() -> dict[str, dict]:
    """Every ```yaml block of docs/exercise-types.md, by exercise id."""
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return {spec["id"]: spec for spec in map(yaml.safe_load, blocks)}


@pytest.fixture
def spec(doc_specs):
    """A factory: `spec("water-meaning")` is a fresh copy of that documented example."""
    return lambda ident: copy.deepcopy(doc_specs[ident])


@pytest.fixture
def build(spec):
    """A factory: `build("water-meaning", answer="b")` is the documented example, with fields
    replaced, built into an exercise."""
    import exercises

    def make(ident, **changes):
        data = spec(ident)
        data.update(changes)
        return exercises.from_spec(data)

    return make
