"""Makes the app icons of the web app manifest from the favicon, with Debian's Chromium through Playwright.

Run `.venv/bin/python site/images/make_icons.py` after changing `site/static/images/favicon.svg`.
"any" icons are the favicon as it is (a rounded square); "maskable" ones fill the square and keep the mark
inside the middle 80%, the zone a phone's launcher never crops.
"""

import re
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

IMAGES = Path(__file__).resolve().parent.parent / "static" / "images"


def _svgs() -> dict[str, str]:
    favicon = (IMAGES / "favicon.svg").read_text()
    mark = re.search(r"<path[^>]*/>", favicon).group(0)
    colour = re.search(r'<rect[^>]*fill="([^"]+)"', favicon).group(1)
    return {
        "any": favicon,
        "maskable": (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
            f'<rect width="32" height="32" fill="{colour}"/>'
            f'<g transform="translate(16 16) scale(0.72) translate(-16 -16)">{mark}</g></svg>'
        ),
    }


OUTPUTS = [
    ("any", 192, "icon-192.png"),
    ("any", 512, "icon-512.png"),
    ("maskable", 192, "icon-maskable-192.png"),
    ("maskable", 512, "icon-maskable-512.png"),
    ("maskable", 180, "apple-touch-icon.png"),
]


def main() -> None:
    svgs = _svgs()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for kind, size, name in OUTPUTS:
            page = browser.new_page(viewport={"width": size, "height": size})
            svg = svgs[kind].replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
            page.set_content(f'<body style="margin:0">{svg}</body>')
            page.screenshot(path=str(IMAGES / name), omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
