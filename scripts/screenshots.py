"""Screenshots of pages as a phone shows them, for looking at what we build.

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:5000 /register / --lang km lo my
    .venv/bin/python scripts/screenshots.py URL / /courses/thai-for-work --register --out DIR

Each page is opened in headless Chromium (Debian's, never a downloaded one) at 360 px wide with
the browser's language set, and saved as <out>/<lang>-<last part of the path>.png. With
--register, a new learner who reads that language registers first: the pages are a learner's.
"""

from __future__ import annotations

import argparse
import re
import secrets
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
    parser.add_argument("--register", action="store_true", help="register a learner first")
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
            if args.register:
                page.goto(args.base + "/register")
                page.fill("#login", f"shots-{lang}-{secrets.token_hex(3)}")
                page.fill("#password", "screenshots only")
                page.fill("#confirm", "screenshots only")
                page.check(f"input[name=language][value={lang}]")
                page.click("form button[type=submit]")
            for path in args.paths:
                page.goto(args.base + path)
                last = path.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
                name = re.sub(r"[^a-z0-9]+", "-", last.lower()).strip("-") or "home"
                target = out / f"{lang}-{name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
