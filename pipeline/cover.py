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
import unicodedata

from pipeline import fonts
from pipeline.cache import Cache, key
from pipeline.model import Metadata
from pipeline.sourcetext import is_wide

COVER_VERSION = "4"  # bump when the design changes, so cached covers are redrawn
PORTRAIT = (1600, 2560)
TITLE_LEADING = 1.25
MIN_TITLE = 0.035  # the smallest title, in units of the design's scale (a portrait page's width)

PAPER = (244, 239, 230)
INK = (31, 31, 31)
GREY = (80, 80, 80)
ACCENT = (168, 50, 45)  # vermilion, 6.4:1 on the paper

# Line-breaking for the cover's few lines: never start a line with a closing mark nor end one
# with an opening mark, never split a Latin word or a number.
_NO_START = set("，。、；：？！）》」』”’…—·%")
_NO_END = set("（《「『“‘")
_UNITS = re.compile(r"[A-Za-z0-9@#&+._'-]+|.", re.S)
# Characters the book's faces lack that the cover leaves out rather than draw as an empty box
# (.notdef) on every edition's cover art: symbols (an emoji, its skin tone) and the invisible
# characters that join or vary them (ZWJ, variation selectors). A letter the faces lack (a rare
# ideograph of a name) stays, boxed, as the PDFs show it: leaving it out would change the name.
# The cover's text alternative, the title page and the feeds keep the text whole.
_LEFT_OUT = ("So", "Sk", "Sm", "Sc", "Cf", "Mn", "Cs", "Co", "Cn")
# The byline at the cover's foot and the cover's text alternative (the EPUB's cover image, the
# web edition's) are in the title's language: the "cover" words of data/interface-words.toml
# (`furniture.own_interface`). An English title's cover said "Tom Hale　文" and was described to
# its screen reader as "封面：Night Shift…。作者：…。"; a language without words of its own shows
# and says the title, the names and the outlet alone, without a word in another language.


def cover_png(meta: Metadata, cache: Cache, size: tuple[int, int] = PORTRAIT) -> bytes:
    """The cover as PNG bytes, `size` = (width, height) in pixels."""
    digest = key("cover", COVER_VERSION, list(size), meta.title, meta.subtitle, meta.outlet,
                 list(meta.authors), byline(meta), fonts.digest("serif"), fonts.digest("sans"))
    cached = cache.get("covers", digest)
    if cached is not None:
        return cached
    data = _draw(meta, size)
    cache.put("covers", digest, data)
    return data


def byline(meta: Metadata) -> str:
    """The authors' line at the foot, in the words of the title's language."""
    from pipeline.furniture import joined, own_interface

    words = own_interface("cover", meta.language) or {"byline": "{names}", "byline_parting": ""}
    parting = words["byline_parting"]
    names = parting.join(meta.authors) if parting else joined(meta.authors, language=meta.language)
    return words["byline"].format(names=names) if meta.authors else ""


def cover_alt(meta: Metadata) -> str:
    """The cover's text alternative: what it shows, in reading order, in the title's language
    (its "cover" words)."""
    from pipeline.furniture import joined, own_interface

    title = joined([meta.title, meta.subtitle], "title", meta.language) if meta.subtitle else meta.title
    alt = (own_interface("cover", meta.language) or {}).get("alt")
    if alt is None:  # no words: each piece a sentence, closed as its script closes one (。 or .)
        return " ".join(piece + ("" if piece[-1] in "。.?!？！…" else "。" if is_wide(piece[-1]) else ".")
                        for piece in (title, joined(meta.authors, language=meta.language), meta.outlet) if piece).replace("。 ", "。")
    text = alt.format(title=title, authors=joined(meta.authors, language=meta.language), outlet=meta.outlet)
    return re.sub(r"(?<=[.?!…])\.", "", text)  # 'Why so early?.' → 'Why so early?'


def drawable(text: str) -> str:
    """`text` as the cover draws it: without the characters of `_LEFT_OUT` its faces lack (and the
    spaces that doubled where they stood); the text as written when nothing would be left."""
    lacking = {c for c in text if not fonts.surely_drawn(c) and unicodedata.category(c) in _LEFT_OUT}
    if lacking:
        lacking -= fonts.characters_drawn()
    if not lacking:
        return text
    kept = re.sub(r"[ \u3000]{2,}", lambda m: m.group(0)[0], "".join(c for c in text if c not in lacking)).strip()
    return kept or text


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

    def cut(lines: list[str], room: int, font: ImageFont.FreeTypeFont) -> list[str]:
        """At most `room` lines, the last ending in "…" when some were left out."""
        if len(lines) <= room:
            return lines
        kept = lines[:max(1, room)]
        while kept[-1] and draw.textlength(kept[-1] + "…", font=font) > text_width:
            kept[-1] = kept[-1][:-1]
        return kept[:-1] + [kept[-1] + "…"]

    def one_line(text: str, path: str, px: float) -> tuple[str, ImageFont.FreeTypeFont]:
        """A line that must stay one: smaller down to 70 %, then cut with "…"."""
        font = face(path, px)
        while draw.textlength(text, font=font) > text_width and font.size > 0.7 * px:
            font = face(path, font.size * 0.95)
        return cut(wrap(text, lambda s: draw.textlength(s, font=font) <= text_width), 1, font)[0], font

    # Band and outlet at the top.
    draw.rectangle((0, 0, width, round(0.018 * height)), fill=ACCENT)
    meta = meta.model_copy(update={"title": drawable(meta.title), "outlet": drawable(meta.outlet),
                                   "subtitle": drawable(meta.subtitle) if meta.subtitle else None,
                                   "authors": tuple(drawable(author) for author in meta.authors)})
    outlet, outlet_font = one_line(meta.outlet, sans, 0.045 * unit)
    draw.text((margin, 0.07 * height), outlet, font=outlet_font, fill=ACCENT)

    # From the foot up: the authors, the subtitle (four lines at most), the rule; the title fills
    # what is left below 0.25 of the height.
    authors, authors_font = one_line(byline(meta), sans, 0.042 * unit)
    authors_top = height - 0.1 * height - authors_font.size * 1.5
    subtitle_font = face(sans, 0.055 * unit)
    subtitle = cut(wrap(meta.subtitle, lambda s: draw.textlength(s, font=subtitle_font) <= text_width), 4,
                   subtitle_font) if meta.subtitle else []
    title_box = authors_top - 0.09 * unit - len(subtitle) * subtitle_font.size * 1.5 - 0.25 * height

    # Title: as large as fits in at most three lines, none of them a lone character; a longer one
    # smaller, until it fits its box; one too long even at the smallest size ends in "…" (the
    # cover's text alternative and the title page carry it whole).
    px = 0.2 * unit
    while True:
        title_font = face(serif, px)
        lines = wrap(meta.title, lambda s: draw.textlength(s, font=title_font) <= text_width)
        tall = len(lines) * title_font.size * TITLE_LEADING
        if (len(lines) <= 3 and min(len(line) for line in lines) > 1 and tall <= title_box) \
                or (px < 0.06 * unit and tall <= title_box) or px < MIN_TITLE * unit:
            break
        px *= 0.92
    lines = cut(lines, int(title_box // (title_font.size * TITLE_LEADING)), title_font)
    y = 0.25 * height
    for line in lines:
        draw.text((margin, y), line, font=title_font, fill=INK)
        y += title_font.size * TITLE_LEADING

    # Rule, subtitle.
    y += 0.02 * unit
    draw.rectangle((margin, y, margin + round(0.12 * width), y + max(2, round(0.008 * unit))), fill=ACCENT)
    y += 0.07 * unit
    for line in subtitle:
        draw.text((margin, y), line, font=subtitle_font, fill=GREY)
        y += subtitle_font.size * 1.5

    # Authors at the foot.
    draw.text((margin, height - 0.1 * height), authors, font=authors_font, fill=INK, anchor="ls")

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
