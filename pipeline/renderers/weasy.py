"""WeasyPrint, loaded once per process without its slow library search, and stylesheets parsed
once per process.

Importing WeasyPrint loads Pango, HarfBuzz and fontconfig through cffi, trying several names
for each library. A name that fails sends cffi to `ctypes.util.find_library`, which on Linux
runs `ldconfig`, `gcc` and `ld` in subprocesses: about 50 of them, 0.3 s of CPU in every
process that lays out a PDF. Each list of names ends with the Linux soname, which cffi opens
directly, so on Linux the search is skipped during the import (and the import retried with it
should that ever fail).

A stylesheet parsed by WeasyPrint (`CSS`) holds its rules and compiled selectors and may be
used by many documents; the learner PDF lays out a dozen documents with the same sheets.

pydyf, which writes WeasyPrint's PDFs, compresses every stream at zlib's level 9: a tenth of
the learner book's layout time. `compression` lowers that while a PDF is written.

WeasyPrint's structure tree (PDF/UA) is mended in two places (`_mend_tagging`): an element
in another language (`lang="en"` on a heading or a span) gets its /Lang, and a link whose text
is all bold or emphasised is one Link element holding its text, not a second annotation on the
bold's element.

CSS has no tab stops (only `tab-size`), but Pango has: `tab_stops` hands text runs the stops
the learner's rows were set for (`pinyinrows`), one tab per piece instead of one per pixel.
"""

from __future__ import annotations

import contextlib
import inspect
import sys
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from pipeline.renderers.weasybreak import mend_break_all


@contextlib.contextmanager
def _no_library_search() -> Iterator[None]:
    import ctypes.util

    real = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = real


@lru_cache(maxsize=1)
def weasyprint() -> Any:
    """The `weasyprint` module, imported."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint as module
    else:
        try:
            with _no_library_search():
                import weasyprint as module
                import weasyprint.pdf.fonts  # noqa: F401  (HarfBuzz-Subset, loaded when a PDF is written)
        except (OSError, ImportError):
            for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
                del sys.modules[name]
            import weasyprint as module
    _arrays_by_initializer()
    _mend_tagging()
    mend_break_all()
    return module


def _mend_tagging() -> None:
    """Two mends of WeasyPrint 70's tagging, each left out where its code is not as expected:

    - `lang`: WeasyPrint writes /Lang only on the catalogue, so a heading or span in another
      language (`{lang=en}`) was read aloud in the book's. The element made for a box whose
      HTML element carries `lang` gets it as /Lang.
    - links: WeasyPrint hands an `<a>`'s link to every box inside it, so `<a><strong>…</strong></a>`
      made two annotations over the same text, the second the object of the bold's element
      (NonStruct) and the one the parent tree names. An inline box inside a link box makes none
      of its own: the link box's annotation covers it, and its text stays inside the Link.
    - the learner's links (`pinyinrows.links_html`): an empty `<a data-link=n>` over the text
      makes the annotation, the text is the row's `<span data-link=n>`; the span's element
      becomes the Link, holding the annotation (OBJR) and the text, and the empty one is left
      out of the tree.
    - a link's `::before` / `::after` (the contents' leaders and folios) was a Link element of its
      own inside the link's, with no annotation: it is a Span of the link's Link."""
    from weasyprint import anchors
    from weasyprint.formatting_structure import boxes
    from weasyprint.pdf import tags

    if not getattr(anchors.gather_anchors, "_mended", False) and list(
            inspect.signature(anchors.gather_anchors).parameters)[-1:] == ["parent_link"]:
        gather = anchors.gather_anchors

        def gather_anchors(box, *args, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(box, boxes.InlineBox) and not box.link:
                if "parent_link" in kwargs:
                    kwargs["parent_link"] = None
                elif len(args) >= 7:
                    args = (*args[:6], None, *args[7:])
            return gather(box, *args, **kwargs)

        gather_anchors._mended = True  # type: ignore[attr-defined]
        anchors.gather_anchors = gather_anchors

    build = getattr(tags, "_build_box_tree", None)
    if build is not None and not getattr(build, "_mended", False):
        import pydyf

        def build_box_tree(box, parent, pdf, page_number, nums, annotations, tags):  # type: ignore[no-untyped-def]
            element = getattr(box, "element", None)
            tag = getattr(box, "element_tag", None)
            lang = element.get("lang") if element is not None and tag not in ("html", "body") else None
            link = element.get("data-link") if element is not None else None
            waiting = pdf.__dict__.setdefault("_publish_links", {})
            for made in build(box, parent, pdf, page_number, nums, annotations, tags):
                if lang and made.get("P") == parent.reference and "Lang" not in made:
                    made["Lang"] = pydyf.String(lang)
                if (tag or "").startswith("a::") and made.get("S") == "/Link" and not box.link_annotation:
                    made["S"] = "/Span"  # a link's ::before / ::after (a leader, a folio): part of its Link
                if link is not None and tag == "a" and made.get("S") == "/Link":
                    # The learner's empty link box: its annotation goes to its text's span, below.
                    waiting[(parent.reference, link)] = made
                    continue
                if link is not None and tag == "span" and (parent.reference, link) in waiting:
                    empty = waiting.pop((parent.reference, link))
                    made["S"] = "/Link"
                    made["K"][:] = [*empty["K"], *_marked_content(pdf, made, nums)]  # the OBJR, then the text
                    annotations[:] = [(made.reference if ref == empty.reference else ref, annotation)
                                      for ref, annotation in annotations]
                yield made

        def _marked_content(pdf, made, nums):  # type: ignore[no-untyped-def]
            """The kids of `made`, each element that only wraps marked content (a text box's)
            replaced by that content, as WeasyPrint's own Link elements hold their text."""
            kids = []
            for kid in made["K"]:
                number = int(kid.split()[0]) if isinstance(kid, (bytes, str)) else None
                leaf = pdf.objects[number] if number is not None and number < len(pdf.objects) else None
                content = leaf.get("K") if isinstance(leaf, dict) else None
                if content is not None and len(content) and all(isinstance(mcid, int) for mcid in content):
                    for mcid in content:
                        nums[mcid] = made.reference
                    kids.extend(content)
                else:
                    kids.append(kid)
            return kids

        build_box_tree._mended = True  # type: ignore[attr-defined]
        tags._build_box_tree = build_box_tree


def _arrays_by_initializer() -> None:
    """WeasyPrint subsets every font of every PDF with arrays typed by their length
    (`ffi.new("hb_codepoint_t[812]", glyphs)`), and cffi parses each new type string with
    pycparser: about 5 ms a font. `T[]` sized by its initializer is the same array, and its
    type is parsed once."""
    from weasyprint.text.ffi import ffi

    if getattr(ffi.new, "_by_initializer", False):
        return
    new = ffi.new

    def by_initializer(cdecl: Any, init: Any = None) -> Any:
        if isinstance(cdecl, str) and cdecl.endswith("]") and isinstance(init, (list, tuple)):
            base, _bracket, size = cdecl[:-1].rpartition("[")
            if size.isdigit() and int(size) == len(init) and init:
                return new(f"{base}[]", init)
        return new(cdecl, init)

    by_initializer._by_initializer = True  # type: ignore[attr-defined]
    ffi.new = by_initializer


COMPRESSION = 6  # zlib's default: half the time of level 9 for 1 % more bytes (the learner book's parts)


@contextlib.contextmanager
def compression(level: int = COMPRESSION) -> Iterator[None]:
    """While active, pydyf compresses streams at `level` instead of 9 (the content streams
    and embedded fonts; the same PDF, read back). Hold `cjkjustify.LAYOUT_LOCK` around it: one
    PDF written per process at a time."""
    import pydyf
    import zlib

    if getattr(pydyf, "zlib", None) is not zlib:  # another pydyf, or already inside: leave it
        yield
        return

    class Leveled:
        """`zlib` with every `compressobj` at `level`."""

        def __getattr__(self, name: str) -> Any:
            return getattr(zlib, name)

        @staticmethod
        def compressobj(_level: int = -1, *args: Any, **kwargs: Any) -> Any:
            kwargs.pop("level", None)
            return zlib.compressobj(level, *args, **kwargs)

    pydyf.zlib = Leveled()
    try:
        yield
    finally:
        pydyf.zlib = zlib


@lru_cache(maxsize=64)
def stylesheet(text: str) -> Any:
    """`text` parsed as a WeasyPrint stylesheet (cached: the same text gives the same object)."""
    return weasyprint().CSS(string=text)


_DECLARED: list[bool] = []


def _tab_array_functions() -> bool:
    """Declare Pango's tab array functions WeasyPrint does not (once); False if impossible."""
    if not _DECLARED:
        try:
            from weasyprint.text.ffi import ffi, pango

            ffi.cdef("""
                PangoTabArray * pango_tab_array_new (gint initial_size, gboolean positions_in_pixels);
                void pango_tab_array_set_tab (PangoTabArray *tab_array, gint tab_index,
                                              PangoTabAlign alignment, gint location);
            """)
            _DECLARED.append(bool(pango.pango_tab_array_new and pango.pango_tab_array_set_tab))
        except Exception:  # an older or newer cffi or WeasyPrint: set the rows by counting
            _DECLARED.append(False)
    return _DECLARED[0]


VERIFIED = ("70",)  # WeasyPrint major versions whose Layout.set_tabs `tab_stops` wraps


def exact_tabs() -> bool:
    """Whether `tab_stops` can give text runs their own tab stops with this WeasyPrint: known
    from its version without importing it (a process that only sets text need not load it);
    `tab_stops` checks the code itself before it wraps it."""
    if "weasyprint" not in sys.modules:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("weasyprint").split(".")[0] in VERIFIED
        except PackageNotFoundError:
            return False
    return _can_wrap_tabs()


def _can_wrap_tabs() -> bool:
    weasyprint()
    from weasyprint.text import line_break

    set_tabs = getattr(line_break.Layout, "set_tabs", None)
    return (set_tabs is not None and list(inspect.signature(set_tabs).parameters) == ["self"]
            and _tab_array_functions())


@contextlib.contextmanager
def tab_stops(rows: Mapping[str, Mapping[str, Sequence[int]]]) -> Iterator[None]:
    """While active, a text run whose element (or an ancestor) carries `--r: <id>` gets the tab
    stops `rows[id][its text]` (Pango units from its start) instead of CSS's evenly spaced ones
    (`pinyinrows`). WeasyPrint sets a layout's tabs in `Layout.set_tabs`, wrapped here for the
    duration; one layout at a time per process (`cjkjustify.LAYOUT_LOCK`)."""
    if not rows:
        yield
        return
    from pipeline.renderers.cjkjustify import LAYOUT_LOCK

    with LAYOUT_LOCK:
        if not _can_wrap_tabs():
            raise RuntimeError("this WeasyPrint cannot take tab stops; the rows were set for one that could")
        import tinycss2
        from weasyprint.text import line_break
        from weasyprint.text.ffi import ffi, pango

        original = line_break.Layout.set_tabs

        def set_tabs(self):  # type: ignore[no-untyped-def]
            tokens = self.style["__r"]
            table = rows.get(tinycss2.serialize(tokens).strip()) if tokens else None
            stops = table.get(self.text.rstrip("\n")) if table else None
            if not stops:
                return original(self)
            array = ffi.gc(pango.pango_tab_array_new(len(stops), False), pango.pango_tab_array_free)
            for index, position in enumerate(stops):
                pango.pango_tab_array_set_tab(array, index, pango.PANGO_TAB_LEFT, position)
            pango.pango_layout_set_tabs(self.layout, array)

        line_break.Layout.set_tabs = set_tabs
        try:
            yield
        finally:
            line_break.Layout.set_tabs = original
