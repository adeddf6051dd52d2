"""Every page's <title> is plain text: a block left open once swallowed a whole form into it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = sorted(Path(__file__).parents[2].glob("learn/**/templates/**/*.html"))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p).split("learn/", 1)[-1])
def test_title_block_closes_on_its_line(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if "{% block title %}" in line:
            assert "{% endblock %}" in line, line
            assert not re.search(r"<(?!/?span)[a-z]", line.split("{% block title %}", 1)[1]), line
