"""Screenshots of key pages in both languages at desktop and phone widths.

Usage: python tests/screenshots.py SITE_DIR [PATH ...]  (default: home pages)
Writes PNG files into tests/artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))

from support import ARTIFACTS, CHROMIUM_ARGS, chromium_path  # noqa: E402
from browser_support import serve  # noqa: E402

WIDTHS = {"desktop": (1280, 900), "phone": (360, 740)}


def main(site: str, paths: list[str]) -> None:
    """Serve ``site`` and take a full-page screenshot of each path at each width."""
    out = ARTIFACTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(Path(site))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in paths:
                page.goto(base + path, wait_until="networkidle")
                slug = (path.strip("/").replace("/", "_") or "home")
                target = out / f"{slug}-{name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:] or ["", "zh/"])
