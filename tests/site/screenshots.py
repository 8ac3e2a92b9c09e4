"""Screenshots of a published site for the README: `python -m tests.site.screenshots SITE_DIR docs/`.

The catalogue page and the first title's page (by the catalogue's order, or `--title SLUG`),
at a phone's and a desktop's width, taken in headless Chromium while the audio plays, so the
current chapter and transcript cue are highlighted as a listener sees them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.site.serve import serve

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("docs", type=Path)
    parser.add_argument("--title", help="slug of the title page to show")
    parser.add_argument("--seek", type=float, default=95.0, help="where the player is, in seconds")
    args = parser.parse_args()

    with serve(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required"])
        for name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            page.goto(base + "index.html")
            page.screenshot(path=args.docs / f"site-catalogue-{name}.png")
            slug = args.title or page.get_attribute(".card h3 a", "href").split("/")[0]
            page.goto(f"{base}{slug}/index.html")
            page.evaluate("""async (at) => { const a = document.querySelector('audio'); a.muted = true;
                a.currentTime = at; await a.play(); await new Promise(r => setTimeout(r, 800)); a.pause(); }""",
                          args.seek)
            page.screenshot(path=args.docs / f"site-title-{name}.png")
            page.close()
        browser.close()

if __name__ == "__main__":
    main()
