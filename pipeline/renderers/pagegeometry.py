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
