"""media_index is plain Python: importing all of it pulls in neither Flask nor learn."""

from __future__ import annotations

import subprocess
import sys


def test_import_does_not_import_flask_or_learn():
    code = ("import sys, importlib, pkgutil, media_index\n"
            "for m in pkgutil.iter_modules(media_index.__path__):\n"
            "    importlib.import_module('media_index.' + m.name)\n"
            "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('flask', 'learn'))\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
