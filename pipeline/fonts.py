"""The book's typefaces: found in an installed package, subset to the characters a title uses.

Subsetting makes EPUBs small and WeasyPrint fast (the whole 11 MB Noto Serif SC costs seconds
per PDF). A subset depends only on the font's bytes and the set of characters, so it is
cached under exactly that key.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pipeline import lastresort
from pipeline.cache import Cache, key
from pipeline.errors import PublishError
from pipeline.fsutil import atomic_write

Face = Literal["serif", "sans"]
Flavor = Literal["otf", "woff2"]

FONT_PACKAGE = "pylopdf_fonts_zh_cn"
FILES: dict[Face, str] = {"serif": "NotoSerifSC-Regular.otf", "sans": "NotoSansSC-Regular.otf"}
FAMILY: dict[Face, str] = {"serif": "Noto Serif SC", "sans": "Noto Sans SC"}
LICENSE = "SIL Open Font License 1.1"
# Always kept, so generated text (numbers, labels, punctuation) never falls back to another font.
BASE_CHARACTERS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
    "\u00a0©·–—‘’“”…、。〈〉《》「」『』【】〔〕（）［］｛｝，：；？！．／"
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ"
)


@dataclass(frozen=True)
class FontFile:
    face: Face
    family: str
    path: Path


def font_path(face: Face) -> Path:
    """Where the full font file is; a clear error if the font package is not installed."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    if spec is None or spec.origin is None:
        raise PublishError(
            "the Chinese fonts are not installed: run 'pip install pylopdf-fonts-zh-cn' "
            "(or 'make install'), which ships Noto Serif SC and Noto Sans SC"
        )
    path = Path(spec.origin).parent / FILES[face]
    if not path.exists():
        raise PublishError(f"font file {path} is missing: reinstall with 'pip install --force-reinstall pylopdf-fonts-zh-cn'")
    return path


def _font_digest(path: Path) -> str:
    """The font file's content hash: the same on every machine and checkout that has the same
    font, so cache entries (subsets, builds) made on one worker are valid on another."""
    stat = path.stat()
    return _content_digest(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _content_digest(path: str, size: int, mtime_ns: int) -> str:
    """Hashed once per process and file version (~20 ms for the 11 MB face); size and mtime
    only decide whether to hash again, they are not part of the digest."""
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def digest(face: Face) -> str:
    """Identifies the installed font file, for cache keys of things drawn with it."""
    return _font_digest(font_path(face))


def _subset_key(face: Face, text: str, flavor: Flavor) -> tuple[str, str]:
    characters = "".join(sorted(set(text) | set(BASE_CHARACTERS)))
    return key("font-subset", digest(face), characters, flavor), characters


def subset(face: Face, text: str, cache: Cache, flavor: Flavor = "otf") -> bytes:
    """The font reduced to the characters of `text` (plus BASE_CHARACTERS), cached.

    HarfBuzz's subsetter (uharfbuzz) does the work: ~20 ms for a title where fontTools' took
    ~1 s. Every layout feature and name is kept (`halt`, `kern`, `locl` … are used in print);
    fontTools only re-wraps the result as WOFF2 when that flavor is asked for.
    """
    import uharfbuzz as hb

    digest, characters = _subset_key(face, text, flavor)
    cached = cache.get("fonts", digest)
    if cached is not None:
        return cached
    wanted = hb.SubsetInput()
    for char in characters:
        wanted.unicode_set.add(ord(char))
    for kept in (hb.SubsetInputSets.LAYOUT_FEATURE_TAG, hb.SubsetInputSets.NAME_ID):
        every = wanted.sets(kept)
        every.clear()
        every.invert()
    result = hb.subset(hb.Face(hb.Blob.from_file_path(str(font_path(face)))), wanted)
    if result is None:
        raise PublishError(f"could not subset {FILES[face]}: reinstall pylopdf-fonts-zh-cn")
    data = bytes(result.blob.data)
    if flavor != "otf":
        from fontTools.ttLib import TTFont

        font = TTFont(io.BytesIO(data))
        font.flavor = flavor
        buffer = io.BytesIO()
        font.save(buffer)
        data = buffer.getvalue()
    cache.put("fonts", digest, data)
    return data


def subsets(faces: tuple[Face, ...], text: str, cache: Cache, flavor: Flavor = "otf") -> dict[Face, bytes]:
    """Several faces subset to the same text."""
    return {face: subset(face, text, cache, flavor) for face in faces}


def subset_file(face: Face, text: str, cache: Cache, flavor: Flavor = "otf") -> FontFile:
    """Like `subset`, but as a file on disk (for WeasyPrint's @font-face): the cache entry
    `subset` wrote, not a second copy of it."""
    data = subset(face, text, cache, flavor)
    path = cache.path_for("fonts", _subset_key(face, text, flavor)[0])
    if path is None:  # caching disabled
        path = _temporary_font(f"publish-{hashlib.sha256(data).hexdigest()[:16]}.{flavor}", data)
    return FontFile(face=face, family=FAMILY[face], path=path)


def _temporary_font(name: str, data: bytes) -> Path:
    """`data` as a file in this user's folder of the temp dir, for a build without a cache. Why
    whole, by temporary file and rename, and left alone when already there: workers building
    side by side write the same name (it is the bytes' hash), and `write_bytes` truncated a file
    another worker's WeasyPrint was reading, or left half a font on a full disk for the next
    build to embed."""
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"publish-fonts-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    path = folder / name
    try:
        if path.read_bytes() == data:
            return path
    except OSError:
        pass
    atomic_write(path, data)
    return path


# Ranges both faces cover whole (tests/test_fonts.py holds them to it, and to BASE_CHARACTERS):
# Latin-1, CJK symbols and punctuation, the unified ideographs to U+9FEF, full-width forms.
# Text made of these alone needs no cmap read.
WHOLE_BLOCKS = ((0x00A0, 0x00FF), (0x3000, 0x303F), (0x4E00, 0x9FEF), (0xFF01, 0xFF5E))


def surely_drawn(char: str) -> bool:
    """True for ASCII, `BASE_CHARACTERS` and the `WHOLE_BLOCKS`: no need to read the fonts'
    cmaps (~0.1 s) for them."""
    code = ord(char)
    return code < 0x80 or char in BASE_CHARACTERS or any(low <= code <= high for low, high in WHOLE_BLOCKS)


@functools.cache
def characters_drawn() -> frozenset[str]:
    """Every character both of the book's faces have a glyph for: what the PDF editions can
    draw in body text and in labels alike, whatever the machine (a missing one is taken from
    an installed font where there is one, else drawn as a code-point box: `fallback`). ~0.1 s:
    both cmaps."""
    from fontTools.ttLib import TTFont

    faces = [set(TTFont(font_path(face), lazy=True)["cmap"].getBestCmap()) for face in FILES]
    return frozenset(map(chr, set.intersection(*faces)))


# -- characters the book's faces lack ---------------------------------------------------------

def shown(char: str) -> bool:
    """A character a font must draw: anything but white space and separators, controls, format
    characters (a zero-width joiner) and variation selectors, which HarfBuzz leaves invisible.
    Private-use and unassigned code points and combining marks count: with no glyph, WeasyPrint
    draws .notdef for them too (and garbles the face's text layer, see `pipeline.lastresort`)."""
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return False
    return unicodedata.category(char) not in ("Zs", "Zl", "Zp", "Cc", "Cf", "Cs")


def missing(text: str) -> str:
    """The drawn characters of `text` that one of the book's faces lacks, in order, once each."""
    found = dict.fromkeys(char for char in text if not surely_drawn(char) and shown(char))
    if not found:
        return ""
    drawn = characters_drawn()
    return "".join(char for char in found if char not in drawn)


@functools.cache
def installed_family(char: str) -> str | None:
    """The family of an installed font (fontconfig's list) that has a glyph for `char`, which
    WeasyPrint takes when the book's faces lack it; None when no font on the machine has one
    (or fontconfig's `fc-list` is not there to say)."""
    import shutil
    import subprocess

    program = shutil.which("fc-list")
    if program is None:
        return None
    try:
        listed = subprocess.run([program, f":charset={ord(char):x}", "family"], capture_output=True, text=True,
                                timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    families = sorted({line.split(",")[0].strip() for line in listed.splitlines() if line.strip()})
    own = set(FAMILY.values()) | {lastresort.FAMILY}
    families = [family for family in families if family not in own]
    return families[0] if families else None


@dataclass(frozen=True)
class Fallback:
    """How the PDFs draw the characters the book's faces lack: `installed` from a font on the
    machine (char → its family), the rest (`boxed`) as a box with the code point in it
    (`pipeline.lastresort`)."""

    installed: dict[str, str]
    boxed: str

    def font_faces(self, url: str) -> str:
        """The @font-face rule of the last-resort font for `boxed`, at `url` (the PDFs' font
        stacks name it after the book's faces: a face of its own, since WeasyPrint tells the
        faces of one family apart by name only and mixed up their glyphs)."""
        if not self.boxed:
            return ""
        return f'@font-face {{ font-family: "{lastresort.FAMILY}"; src: url("{url}") format("truetype"); }}'

    def seen_as(self, char: str) -> str:
        """What a reader of the PDFs sees for `char`, for `publish check`."""
        if char in self.installed:
            return f"the PDF editions draw it in {self.installed[char]}, a font installed on this machine"
        return f"the PDF editions show a box with its code point (U+{ord(char):04X}) in it"


def fallback(text: str) -> Fallback:
    """The fallback of the characters of `text` the book's faces lack."""
    installed, boxed = {}, []
    for char in missing(text):
        family = installed_family(char)
        if family is None:
            boxed.append(char)
        else:
            installed[char] = family
    return Fallback(installed, "".join(boxed))


def _last_resort_key(characters: str) -> str:
    return key("last-resort", Path(lastresort.__file__).read_bytes(), "".join(sorted(set(characters))))


def last_resort(characters: str, cache: Cache) -> bytes:
    """The last-resort font (`pipeline.lastresort`) for `characters`, cached."""
    digest = _last_resort_key(characters)
    cached = cache.get("fonts", digest)
    if cached is None:
        cached = lastresort.font(characters)
        cache.put("fonts", digest, cached)
    return cached


def last_resort_file(characters: str, cache: Cache) -> Path:
    """`last_resort` as a file (for WeasyPrint's @font-face url)."""
    data = last_resort(characters, cache)
    path = cache.path_for("fonts", _last_resort_key(characters))
    if path is None:
        path = _temporary_font(f"publish-last-resort-{hashlib.sha256(data).hexdigest()[:16]}.ttf", data)
    return path
