"""Screenshots of pages as a phone shows them, for looking at what we build.

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:5000 /register / --lang km lo my

Each page is opened in headless Chromium (Debian's, never a downloaded one) at 360 px wide with
the browser's language set, and saved as shots/<lang><path>.png.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--lang", nargs="+", default=["km", "lo", "my"])
    parser.add_argument("--width", type=int, default=360)
    parser.add_argument("--out", default="shots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for lang in args.lang:
            context = browser.new_context(
                viewport={"width": args.width, "height": 740},
                extra_http_headers={"Accept-Language": lang},
                device_scale_factor=1,
            )
            page = context.new_page()
            for path in args.paths:
                page.goto(args.base + path)
                name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
                target = out / f"{lang}-{name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
