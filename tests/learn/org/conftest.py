"""The trainer tests' fixtures (people, organisations, groups), shared here.

pytest runs in importlib mode without packages, so the file is loaded by its path.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "_trainer_fixtures", Path(__file__).parents[1] / "trainer" / "conftest.py"
)
_fixtures = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _fixtures  # dataclasses look their module up there
_spec.loader.exec_module(_fixtures)

PASSWORD = _fixtures.PASSWORD
login_as = _fixtures.login_as
make = _fixtures.make
world = _fixtures.world
