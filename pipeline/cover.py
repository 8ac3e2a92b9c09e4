"""The typographic cover: drawn from the metadata with the book's own fonts.

No stock art and no network: the title, subtitle, outlet and authors set in Noto Serif SC /
Noto Sans SC on a paper-coloured ground. Shared by the EPUB (cover image) and the audio
edition (MP3 cover art, usually square), so the size is a parameter and the layout is
proportional. A cover depends only on those fields, the size and the fonts, and is cached
under exactly that key.
"""

from __future__ import annotations

import io
import re

from pipeline import fonts
from pipeline.cache import Cache, key
from pipeline.model import Metadata

COVER_VERSION = "1"  # bump when the design changes, so cached covers are redrawn
PORTRAIT = (1600, 2560)

PAPER = (244, 239, 230)
INK = (31, 31, 31)
GREY = (80, 80, 80)
ACCENT = (168, 50, 45)  # vermilion, 6.4:1 on the paper

# Line-breaking for the cover's few lines: never start a line with a closing mark nor end one
# with an opening mark, never split a Latin word or a number.
_NO_START = set("，。、；：？！）》」』”’…—·%")
_NO_END = set("（《「『“‘")
_UNITS = re.compile(r"[A-Za-z0-9@#&+._'-]+|.", re.S)


def cover_png(meta: Metadata, cache: Cache, size: tuple[int, int] = PORTRAIT) -> bytes:
    """The cover as PNG bytes, `size` = (width, height) in pixels."""
    digest = key("cover", COVER_VERSION, list(size), meta.title, meta.subtitle, meta.outlet,
                 list(meta.authors), fonts.digest("serif"), fonts.digest("sans"))
    cached = cache.get("covers", digest)
    if cached is not None:
        return cached
    data = _draw(meta, size)
    cache.put("covers", digest, data)
    return data


def cover_alt(meta: Metadata) -> str:
    """The cover's text alternative: what it shows, in reading order."""
    title = f"{meta.title}：{meta.subtitle}" if meta.subtitle else meta.title
    return f"封面：{title}。作者：{'、'.join(meta.authors)}。{meta.outlet}。"


def wrap(text: str, fits) -> list[str]:
    """Break `text` into lines for which `fits(line)` holds, by the rules above."""
    lines: list[str] = []
    line = ""
    for unit in _UNITS.findall(text):
        candidate = line + unit
        if not line or fits(candidate.rstrip()):
            line = candidate
            continue
        if unit[0] in _NO_START and len(line) > 1:  # carry the last character down with the mark
            lines.append(line[:-1].rstrip())
            line = line[-1] + unit
        elif line[-1] in _NO_END and len(line) > 1:
            lines.append(line[:-1].rstrip())
            line = line[-1] + unit
        else:
            lines.append(line.rstrip())
            line = unit.lstrip()
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _draw(meta: Metadata, size: tuple[int, int]) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    width, height = size
    unit = min(width, height / 1.6)  # the design's scale: a portrait page's width
    margin = round(0.1 * width)
    text_width = width - 2 * margin
    serif, sans = str(fonts.font_path("serif")), str(fonts.font_path("sans"))

    image = Image.new("RGB", size, PAPER)
    draw = ImageDraw.Draw(image)

    def face(path: str, px: float) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(path, max(8, round(px)))

    def block(text: str, font: ImageFont.FreeTypeFont, y: float, fill: tuple, leading: float,
              max_lines: int = 99) -> float:
        lines = wrap(text, lambda s: draw.textlength(s, font=font) <= text_width)[:max_lines]
        for line in lines:
            draw.text((margin, y), line, font=font, fill=fill)
            y += font.size * leading
        return y

    # Band and outlet at the top.
    draw.rectangle((0, 0, width, round(0.018 * height)), fill=ACCENT)
    outlet = face(sans, 0.045 * unit)
    draw.text((margin, 0.07 * height), meta.outlet, font=outlet, fill=ACCENT)

    # Title: as large as fits in at most three lines, none of them a lone character.
    px = 0.2 * unit
    while True:
        title_font = face(serif, px)
        lines = wrap(meta.title, lambda s: draw.textlength(s, font=title_font) <= text_width)
        if len(lines) <= 3 and min(len(line) for line in lines) > 1 or px < 0.06 * unit:
            break
        px *= 0.92
    y = block(meta.title, title_font, 0.25 * height, INK, 1.25)

    # Rule, subtitle.
    y += 0.02 * unit
    draw.rectangle((margin, y, margin + round(0.12 * width), y + max(2, round(0.008 * unit))), fill=ACCENT)
    y += 0.07 * unit
    if meta.subtitle:
        block(meta.subtitle, face(sans, 0.055 * unit), y, GREY, 1.5, max_lines=4)

    # Authors at the foot.
    authors_font = face(sans, 0.042 * unit)
    authors = "　".join(meta.authors) + "　文"
    draw.text((margin, height - 0.1 * height), authors, font=authors_font, fill=INK, anchor="ls")

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
