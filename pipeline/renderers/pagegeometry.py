"""Numbers the learner layout needs from the stylesheets, read from them rather than repeated.

The learner PDF sets its own lines (pinyin over every character), so it must know the measure
and its type sizes in points. The trim and margins stay in `pdf-paper-<size>.css` and the sizes
in `pdf-learner.css` (as `--learner-*` custom properties); this module reads them from there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import tinycss2

from pipeline.errors import PublishError

POINTS = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "px": 0.75, "pc": 12.0}


def _points(token, where: str) -> float:  # type: ignore[no-untyped-def]
    if token.type == "dimension" and token.lower_unit in POINTS:
        return float(token.value) * POINTS[token.lower_unit]
    raise PublishError(f"{where}: expected a length in pt, mm, cm, in, pc or px, not '{token.serialize()}'")


def _declarations(rule) -> dict[str, list]:  # type: ignore[no-untyped-def]
    result = {}
    for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True):
        if item.type == "declaration":
            result[item.lower_name] = [t for t in item.value if t.type not in ("whitespace", "comment")]
    return result


def _page_rules(paper_css: Path) -> Iterator[tuple[str, dict[str, list]]]:
    rules = tinycss2.parse_stylesheet(paper_css.read_text(encoding="utf-8"), skip_whitespace=True,
                                      skip_comments=True)
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword == "page" and rule.content is not None:
            yield tinycss2.serialize(rule.prelude).strip(), _declarations(rule)


def measure(paper_css: Path) -> float:
    """The text width in points: the page width less a left page's two side margins."""
    width = left = right = None
    for prelude, values in _page_rules(paper_css):
        if prelude == "" and "size" in values:
            width = _points(values["size"][0], str(paper_css))
        if prelude == ":left":
            left = _points(values["margin-left"][0], str(paper_css)) if "margin-left" in values else None
            right = _points(values["margin-right"][0], str(paper_css)) if "margin-right" in values else None
    if width is None or left is None or right is None:
        raise PublishError(f"{paper_css}: needs '@page {{ size: W H }}' and '@page :left {{ margin-left; margin-right }}'")
    return width - left - right


def binding_shift(paper_css: Path) -> float:
    """How far (points) the text block of a left-hand page sits right of a right-hand page's:
    the difference of their left margins (0 when the margins are not mirrored)."""
    left = {}
    for prelude, values in _page_rules(paper_css):
        if prelude in (":left", ":right", "") and "margin-left" in values:
            left[prelude] = _points(values["margin-left"][0], str(paper_css))
    base = left.get("")
    on_left, on_right = left.get(":left", base), left.get(":right", base)
    return 0.0 if on_left is None or on_right is None else on_left - on_right


def _custom(css: Path, prefix: str) -> dict[str, object]:
    found = {}
    for rule in tinycss2.parse_stylesheet(css.read_text(encoding="utf-8"), skip_whitespace=True, skip_comments=True):
        if rule.type != "qualified-rule":
            continue
        for name, tokens in _declarations(rule).items():
            if name.startswith(f"--{prefix}-") and tokens:
                found[name] = tokens[0]
    return found


def custom_lengths(css: Path, prefix: str) -> dict[str, float]:
    """`--<prefix>-<name>: <length>` declarations anywhere in `css`, as {name: points}
    (percentages are ratios, read by `custom_ratios`)."""
    return {name.removeprefix(f"--{prefix}-"): _points(token, f"{css}: {name}")
            for name, token in _custom(css, prefix).items() if token.type != "percentage"}


def custom_ratios(css: Path, prefix: str) -> dict[str, float]:
    """`--<prefix>-<name>: <percentage>` declarations anywhere in `css`, as {name: fraction}."""
    return {name.removeprefix(f"--{prefix}-"): float(token.value) / 100
            for name, token in _custom(css, prefix).items() if token.type == "percentage"}


def declared_ems(css: Path, selector: str, prop: str) -> float:
    """The value in em of `prop` in the rule for exactly `selector` (the first one that sets it):
    for the EPUB, whose stylesheets are all in em and are read by the learner's word shapes."""
    for rule in tinycss2.parse_stylesheet(css.read_text(encoding="utf-8"), skip_whitespace=True, skip_comments=True):
        if rule.type != "qualified-rule" or tinycss2.serialize(rule.prelude).strip() != selector:
            continue
        tokens = _declarations(rule).get(prop)
        if tokens:
            token = tokens[0]
            if token.type == "dimension" and token.lower_unit == "em":
                return float(token.value)
            raise PublishError(f"{css}: '{selector} {{ {prop} }}' must be in em, not '{token.serialize()}'")
    raise PublishError(f"{css}: needs a rule '{selector} {{ {prop}: …em }}'")


# -- the page a build would print: checked before anything is built -------------------------------
# Each side of a trim, in mm: from a playing card (A8 is 52 × 74) to a poster (A0's long side is
# 1189). Before, `@page { size: 0mm 0mm }` in a project's styles built for a minute and wrote a
# PDF of 706 empty 0 × 0 pages, 'built'; margins wider than the page did much the same.
TRIM_MM = (50.0, 1200.0)
MIN_TEXT_MM = 20.0  # the text block left inside the margins, each way
MM = {"mm": 1.0, "cm": 10.0, "q": 0.25, "in": 25.4, "pt": 25.4 / 72, "pc": 25.4 / 6, "px": 25.4 / 96}
_SIDES = ("top", "right", "bottom", "left")
# The page-size keywords of CSS Paged Media (and WeasyPrint's ISO and JIS series), width × height
# in mm, so that the check needs no WeasyPrint in the command's own process.
_ISO = {"a": [(841, 1189), (594, 841), (420, 594), (297, 420), (210, 297), (148, 210), (105, 148), (74, 105),
              (52, 74), (37, 52), (26, 37)],
        "b": [(1000, 1414), (707, 1000), (500, 707), (353, 500), (250, 353), (176, 250), (125, 176), (88, 125),
              (62, 88), (44, 62), (31, 44)],
        "c": [(917, 1297), (648, 917), (458, 648), (324, 458), (229, 324), (162, 229), (114, 162), (81, 114),
              (57, 81), (40, 57), (28, 40)],
        "jis-b": [(1030, 1456), (728, 1030), (515, 728), (364, 515), (257, 364), (182, 257), (128, 182), (91, 128),
                  (64, 91), (45, 64), (32, 45)]}
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {
    **{f"{series}{n}": (float(w), float(h)) for series, sizes in _ISO.items() for n, (w, h) in enumerate(sizes)},
    "letter": (215.9, 279.4), "legal": (215.9, 355.6), "ledger": (279.4, 431.8),
}
ORIENTATIONS = ("portrait", "landscape")
# Lengths CSS allows in `size:` that depend on the type or the viewer: valid, not judged here.
RELATIVE_UNITS = frozenset({"em", "ex", "cap", "ch", "ic", "lh", "rem", "rex", "rcap", "rch", "ric", "rlh", "vw",
                            "vh", "vi", "vb", "vmin", "vmax"})
INVALID_SIZE = "is no page size"
INVALID_SIZE_FIX = ("so CSS drops it and the PDF takes another sheet's size, or A4, without a word: give a width "
                    "and a height (148mm 210mm) or a named size (A5, B5, C5, letter, 'A5 landscape')")


def _page_size(tokens: list) -> tuple[float, float] | str | None:  # type: ignore[type-arg]
    """`size:` in mm (width, height); None for `auto`, an orientation alone or relative lengths
    (valid, not judged here); a str saying why when CSS would drop the declaration: a
    percentage, a negative length, an unknown name, three words (`a4 landscape portrait`), a
    length with a word. Why: WeasyPrint drops an invalid `size:` without a word, and the book
    came out on its default A4 page while the editor's stylesheet asked for another."""
    words = [t.lower_value if t.type == "ident" else None for t in tokens]
    if tokens and None not in words:
        named = [PAGE_SIZES_MM[w] for w in words if w in PAGE_SIZES_MM]
        turned = [w for w in words if w in ORIENTATIONS]
        if words == ["auto"] or (len(words) == 1 and turned):
            return None
        if len(words) > 2 or len(named) != 1 or len(named) + len(turned) != len(words):
            unknown = [w for w in words if w not in PAGE_SIZES_MM and w not in ORIENTATIONS]
            return f"names no page size CSS knows ({', '.join(unknown)})" if unknown else INVALID_SIZE
        width, height = named[0]
        return (height, width) if turned == ["landscape"] else (width, height)
    if not 1 <= len(tokens) <= 2 or any(t.type not in ("dimension", "number") for t in tokens):
        return INVALID_SIZE
    if any(t.type == "number" and t.value != 0 for t in tokens):
        return INVALID_SIZE  # a number without its unit (`size: 148 210`)
    if any(t.value < 0 for t in tokens):
        return "has a negative side"
    if any(t.type == "dimension" and t.lower_unit in RELATIVE_UNITS for t in tokens):
        return None
    sides = [_mm(t) if t.type == "dimension" else 0.0 for t in tokens]
    if None in sides:
        return INVALID_SIZE  # a unit that is no length (`size: 148deg`)
    return (sides[0], sides[-1])  # type: ignore[return-value]


def _mm(dimension) -> float | None:  # type: ignore[no-untyped-def]
    unit = str(getattr(dimension, "lower_unit", "")).lower()
    return float(dimension.value) * MM[unit] if unit in MM else None  # em, %: not judged here


def _margins(tokens: list) -> list[float | None]:  # type: ignore[type-arg]
    """`margin: a [b [c [d]]]` as top, right, bottom, left (None where not an absolute length)."""
    values = [_mm(t) if t.type == "dimension" else (0.0 if t.type == "number" and t.value == 0 else None)
              for t in tokens]
    if not 1 <= len(values) <= 4:
        return [None] * 4
    top, right, bottom, left = (values * 4)[:1] + (values[1:2] or values[:1]) + (values[2:3] or values[:1]) + \
        (values[3:4] or values[1:2] or values[:1])
    return [top, right, bottom, left]


def trim_problem(sheets: list[tuple[str, str]]) -> str | None:
    """What is wrong with the pages `sheets` (name, CSS text, in cascade order) set, or None: a
    trim side outside `TRIM_MM`, or margins leaving under `MIN_TEXT_MM` of text block."""
    size: tuple[float, float, str] | None = None
    margins: dict[str, dict[str, tuple[float | None, str]]] = {}
    for name, text in sheets:
        for rule in tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True):
            if rule.type != "at-rule" or rule.lower_at_keyword != "page" or rule.content is None:
                continue
            prelude = tinycss2.serialize(rule.prelude).strip()
            for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True):
                if item.type != "declaration":
                    continue
                tokens = [t for t in item.value if t.type not in ("whitespace", "comment")]
                where = f"{name}:{item.source_line}"
                if item.lower_name == "size":
                    sides = _page_size(tokens)
                    if isinstance(sides, str):
                        given = tinycss2.serialize(item.value).strip() or "(empty)"
                        return f"{where}: the page size {given} {sides}, {INVALID_SIZE_FIX}"
                    if sides is not None:
                        low, high = TRIM_MM
                        if not all(low <= side <= high for side in sides):  # type: ignore[operator]
                            return (f"{where}: the page size {tinycss2.serialize(item.value).strip()} is "
                                    f"{sides[0]:g} × {sides[1]:g} mm, and a book's pages are {low:g} to {high:g} mm "
                                    f"a side: correct the @page size")
                        if prelude == "":
                            size = (sides[0], sides[1], where)  # type: ignore[arg-type]
                elif item.lower_name == "margin":
                    for side, value in zip(_SIDES, _margins(tokens)):
                        margins.setdefault(prelude, {})[side] = (value, where)
                elif item.lower_name.startswith("margin-") and item.lower_name[7:] in _SIDES and len(tokens) == 1:
                    margins.setdefault(prelude, {})[item.lower_name[7:]] = (_margins(tokens)[0], where)
    if size is None:
        return None
    width, height, _ = size
    for prelude, own in margins.items():
        page = {**margins.get("", {}), **own}
        for across, (start, end), extent in (("wide", ("left", "right"), width), ("high", ("top", "bottom"), height)):
            a, b = page.get(start, (0.0, "")), page.get(end, (0.0, ""))
            if a[0] is None or b[0] is None:
                continue
            if extent - a[0] - b[0] < MIN_TEXT_MM:
                return (f"{a[1] or b[1]}: the margins of @page{(' ' + prelude) if prelude else ''} leave a text block "
                        f"{extent - a[0] - b[0]:g} mm {across} on a {width:g} × {height:g} mm page (at least "
                        f"{MIN_TEXT_MM:g} mm is needed): make them narrower")
    return None
