"""Condensed pinyin faces for the learner PDF: the pinyin glyphs of Noto Sans SC drawn narrower.

A syllable wider than its character is condensed (to 80 % at most, `pinyinlayout`). WeasyPrint
can scale a box with a transform, but only an inline-block, which costs it about 2 ms each, a
quarter of the whole learner PDF. A font whose letters are already narrower costs nothing more
than a span: so this module draws the letters (and tone marks, ü, ê, ḿ, ń …) of the pinyin face
at a few horizontal scales into small TrueType fonts, cached by the source font and the scale.
A condensed syllable is set in the widest of these no wider than its scale allows.

The glyphs are Noto Sans SC's (SIL Open Font License 1.1), redrawn; the derived fonts carry
their own family name ("Learner Pinyin 84"), as the licence asks of modified versions, and
its copyright and licence notices.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.cache import Cache, key
from pipeline.fonts import digest, font_path

STEPS = (0.80, 0.84, 0.88, 0.92, 0.96)  # the scales there is a face for
FULL = 0.995  # a syllable scaled at least this much is set in the pinyin face itself
# Every character a syllable may hold: letters, ü, ê, the tone-marked vowels, ḿ ń ň ǹ, and
# the combining marks of decomposed forms.
CHARACTERS = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZüÜêÊ"
              "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛḿńňǹŃŇǸḾ "
              "\u0300\u0301\u0302\u0304\u0308\u030c")
NAMESPACE = "pinyin-fonts"


@dataclass(frozen=True)
class CondensedFace:
    step: float
    family: str
    css_class: str
    path: Path


def step(scale: float) -> float | None:
    """The widest condensed face no wider than `scale`; None for a syllable not condensed."""
    if scale >= FULL:
        return None
    fitting = [s for s in STEPS if s <= scale + 1e-9]
    return max(fitting) if fitting else STEPS[0]


def name(scale: float) -> tuple[str, str]:
    """(font family, CSS class) of a step."""
    percent = round(scale * 100)
    return f"Learner Pinyin {percent}", f"k{percent}"


def condensed_face(scale: float, cache: Cache) -> CondensedFace:
    """The face at `scale` (one of STEPS), built on first use and kept in the build cache."""
    family, css_class = name(scale)
    digest_key = key(NAMESPACE, digest("sans"), scale, CHARACTERS, Path(__file__).read_bytes())
    if cache.get(NAMESPACE, digest_key) is None:
        cache.put(NAMESPACE, digest_key, _build(scale, family))
    path = cache.path_for(NAMESPACE, digest_key)
    if path is None:  # caching disabled
        import tempfile

        path = Path(tempfile.gettempdir()) / f"publish-{digest_key[:16]}.ttf"
        path.write_bytes(_build(scale, family))
    return CondensedFace(scale, family, css_class, path)


@lru_cache(maxsize=1)
def _source():  # type: ignore[no-untyped-def]
    """The pinyin face, read once: its tables through fontTools (only the small ones it is asked
    for), its outlines and advances through HarfBuzz, which reads the CFF outlines of the few
    glyphs drawn without parsing all 65,000 (fontTools' glyph set takes 0.4 s to open)."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    path = str(font_path("sans"))
    face = hb.Face(hb.Blob.from_file_path(path))
    return TTFont(path, lazy=True), hb.Font(face)


def _build(scale: float, family: str) -> bytes:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    source, outlines = _source()
    order = [".notdef"]
    mapping: dict[int, str] = {}
    glyphs = {".notdef": TTGlyphPen(None).glyph()}
    metrics = {".notdef": (round(outlines.get_glyph_h_advance(0) * scale), 0)}
    for char in CHARACTERS:
        source_glyph = outlines.get_nominal_glyph(ord(char))
        if source_glyph is None:
            continue
        glyph_name = f"uni{ord(char):04X}"
        pen = TTGlyphPen(None)
        outlines.draw_glyph_with_pen(source_glyph, TransformPen(Cu2QuPen(pen, max_err=1.0, reverse_direction=True),
                                                               (scale, 0, 0, 1, 0, 0)))
        glyph = pen.glyph()
        order.append(glyph_name)
        mapping[ord(char)] = glyph_name
        glyphs[glyph_name] = glyph
        left = min((x for x, _y in glyph.coordinates), default=0) if glyph.numberOfContours > 0 else 0
        metrics[glyph_name] = (_advance(outlines.get_glyph_h_advance(source_glyph), scale), left)
    builder = FontBuilder(source["head"].unitsPerEm, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(mapping)
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics(metrics)
    hhea = source["hhea"]
    builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
    names = source["name"]
    builder.setupNameTable({
        "familyName": family, "styleName": "Regular", "uniqueFontIdentifier": f"{family}; derived",
        "fullName": family, "psName": family.replace(" ", ""), "version": "Version 1.0",
        "copyright": names.getDebugName(0) or "", "licenseDescription": names.getDebugName(13) or "",
        "licenseInfoURL": names.getDebugName(14) or "",
        "description": f"Pinyin glyphs of Noto Sans SC, {round(scale * 100)} % wide, for the learner edition",
    })
    os2 = source["OS/2"]
    builder.setupOS2(sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
                     sTypoLineGap=os2.sTypoLineGap, usWinAscent=os2.usWinAscent, usWinDescent=os2.usWinDescent,
                     fsType=0)
    builder.setupPost()
    # The source font's dates, not the time of the build: the same face gives the same bytes.
    builder.font["head"].created = source["head"].created
    builder.font["head"].modified = source["head"].modified
    builder.font.recalcTimestamp = False
    buffer = io.BytesIO()
    builder.save(buffer)
    return buffer.getvalue()


def _advance(units: int, scale: float) -> int:
    return round(units * scale)


def width(text: str, scale: float, size_px: float) -> float:
    """Advance width in px of `text` in the face at `scale` (one of STEPS), as Pango has it
    (each glyph rounded to 1/1024 px), from the source font's metrics: no need to build it."""
    from pipeline.renderers.pinyinglyphs import PANGO_UNITS, _metrics

    advances, units = _metrics(font_path("sans"))
    factor = size_px * PANGO_UNITS / units
    return sum(round(_advance(advances.get(ord(c), units), scale) * factor) for c in text) / PANGO_UNITS


def font_face_css(scales: set[float], cache: Cache) -> str:
    """@font-face rules and classes for the condensed faces `scales` (steps) a book uses."""
    rules = []
    for scale in sorted(scales):
        face = condensed_face(scale, cache)
        rules.append(f'@font-face {{ font-family: "{face.family}"; '
                     f'src: url("{face.path.resolve().as_uri()}") format("truetype"); }}\n'
                     f'.learner .{face.css_class} {{ font-family: "{face.family}"; }}')
    return "\n".join(rules)
