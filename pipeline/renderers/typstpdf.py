"""A body part of the learner PDF compiled by Typst (`typstbody` writes its markup) into a part
PDF that `pdfmerge` joins as it joins WeasyPrint's parts.

What a part PDF must hold besides its pages (`pdfmerge`, `pdfparts`): named destinations for the
ids a link may point to (the contents' and the name index's entries, read by `pdfmerge.summary`),
bookmarks, one structure tree (Typst writes tagged PDFs), and with `--marks` the same page boxes
as WeasyPrint's (trim + bleed as the MediaBox, the trim as TrimBox). Typst writes no named
destinations for labels, so each anchor is a hidden bookmarked heading whose title is
`ANCHOR` + the id in hex; here those become named destinations and leave the outline, and the
other headings (the part's contents entries) stay its bookmarks.

Typst is compiled in this process (typst-py releases the GIL while it works), with the two
packaged faces and, for characters they lack, the last-resort font (`pipeline.lastresort`),
never a font of the system: the same source gives the same bytes on any machine.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from pipeline.errors import PublishError
from pipeline.fsutil import atomic_write

ANCHOR = "\u00a7anchor:"  # the title of a hidden heading that marks an anchor (+ the id in hex)
INTERNAL = "publish-dest:"  # the address of a link inside the book (+ the id in hex): a named destination
LAST_RESORT_FILE = "last-resort"  # a Typst job's font file of code-point boxes (`Job.files`)
LAST_RESORT_FAMILY = "Publish Last Resort"  # (`pipeline.lastresort.FAMILY`)
DEST_RAISE = 10.0  # pt Typst writes a destination above its element (a viewer shows a little above it)
TIMESTAMP = 0  # Typst's creation date when the document gives none: fixed, for the same bytes

_compilers: dict[tuple[str, ...], Any] = {}
_lock = threading.Lock()


def _font_folders(files: tuple[tuple[str, bytes], ...]) -> tuple[str, ...]:
    """The packaged faces' folder and, for the last-resort font, a folder of its own named by
    its bytes (Typst takes folders of fonts only)."""
    from pipeline.fonts import font_path

    folders = [str(font_path("serif").parent)]
    if font_path("sans").parent != font_path("serif").parent:
        folders.append(str(font_path("sans").parent))
    for _name, data in files:
        digest = hashlib.sha256(data).hexdigest()[:20]
        user = os.getuid() if hasattr(os, "getuid") else "user"
        folder = Path(tempfile.gettempdir()) / f"publish-fonts-{user}" / f"typst-{digest}"
        path = folder / "last-resort.ttf"
        try:
            same = path.stat().st_size > 0
        except OSError:
            same = False
        if not same:
            atomic_write(path, _named(data))
        folders.append(str(folder))
    return tuple(folders)


def _named(data: bytes) -> bytes:
    """The last-resort font with a PostScript name, without which Typst does not load a font
    at all (and drew the characters it stands for in another face, or not at all)."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    family = str(font["name"].getDebugName(1) or LAST_RESORT_FAMILY)
    font["name"].setName(family.replace(" ", "-"), 6, 3, 1, 0x409)
    font["name"].setName(family, 4, 3, 1, 0x409)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def compiler(files: tuple[tuple[str, bytes], ...] = ()) -> Any:
    """A Typst compiler with the book's fonts (kept: it loads its fonts once, and memoises
    layout between parts and builds of one process)."""
    import typst

    folders = _font_folders(files)
    with _lock:
        if folders not in _compilers:
            # (not Typst's own embedded faces either: a character the book's faces lack is a box)
            fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=list(folders))
            _compilers[folders] = typst.Compiler(font_paths=fonts)
        return _compilers[folders]


def compile_markup(markup: str, files: tuple[tuple[str, bytes], ...] = (),
                   page: tuple[float, ...] = ()) -> tuple[bytes, tuple[str, ...]]:
    """The part PDF of `markup` (named destinations, bookmarks, page boxes as described above)
    and Typst's warnings."""
    import typst

    try:
        data, warnings = compiler(files).compile_with_warnings(input=markup.encode("utf-8"), timestamp=TIMESTAMP)
    except typst.TypstError as error:  # (our own markup: a fault of this program, said plainly)
        raise PublishError(f"the learner PDF's Typst layout failed: {error.message} {error.hints or ''}".strip()) from None
    # (every font list names the last-resort face, which a part is given only when it needs it)
    messages = tuple(dict.fromkeys(f"typst: {w.message}" for w in warnings
                                   if w.message.lower() != f"unknown font family: {LAST_RESORT_FAMILY.lower()}"))
    return finish(data, page, files), messages


def _vertical_metrics(files: tuple[tuple[str, bytes], ...] = ()) -> dict[str, tuple[int, int]]:
    """PostScript name → (ascent, descent) in thousandths of an em, as WeasyPrint writes them in
    a font descriptor: the face's hhea ascender and descender. Typst writes OS/2's typographic
    ones (880, -120 for the Noto faces), and a text extractor puts a glyph's box from the
    descriptor's descent: the same baseline read 0.17 em higher than WeasyPrint's."""
    from pipeline.fonts import font_path

    found = dict(_packaged_metrics(str(font_path("serif"))))
    found.update(_packaged_metrics(str(font_path("sans"))))
    for _name, data in files:
        found.update(_face_metrics(io.BytesIO(_named(data))))
    return found


def _face_metrics(source: Any) -> dict[str, tuple[int, int]]:
    """{PostScript name: (hhea ascent, descent) in thousandths of an em} of one font file."""
    from fontTools.ttLib import TTFont

    font = TTFont(source, lazy=True, fontNumber=0)
    try:
        scale = 1000 / font["head"].unitsPerEm
        name = str(font["name"].getDebugName(6) or "")
        return {name: (round(font["hhea"].ascent * scale), round(font["hhea"].descent * scale))}
    finally:
        font.close()


@functools.lru_cache(maxsize=4)
def _packaged_metrics(path: str) -> dict[str, tuple[int, int]]:
    """`_face_metrics` of a packaged face, read once a process."""
    return _face_metrics(path)


def finish(data: bytes, page: tuple[float, ...] = (), files: tuple[tuple[str, bytes], ...] = ()) -> bytes:
    """Typst's PDF as a part: anchors as named destinations, the rest of the outline kept; with
    `page` (the trim's width and height and the bleed, pt), the page boxes as WeasyPrint writes
    them: the trim at the origin (the bleed below and left of it), to the 1/10⁶ pt; the fonts'
    ascent and descent as WeasyPrint writes them (`_vertical_metrics`)."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    with pikepdf.open(io.BytesIO(data)) as pdf:
        metrics = _vertical_metrics(files)
        for obj in pdf.objects:
            if isinstance(obj, Dictionary) and obj.get("/Type") == Name.FontDescriptor:
                name = str(obj.get("/FontName", "")).lstrip("/").split("+", 1)[-1]
                if name in metrics:
                    obj.Ascent, obj.Descent = metrics[name]
        outlines = pdf.Root.get("/Outlines")
        anchors: dict[str, Any] = {}
        kept: list[Any] = []
        item = outlines.get("/First") if outlines is not None else None
        while item is not None:  # (every heading is at level 1: no children)
            title = str(item.Title)
            if title.startswith(ANCHOR):
                name = bytes.fromhex(title[len(ANCHOR):]).decode("utf-8")
                anchors.setdefault(name, _moved(item.Dest, page))
            else:
                kept.append(item)
            item = item.get("/Next")
        if outlines is not None:
            del pdf.Root["/Outlines"]
        if kept:
            root = pdf.make_indirect(Dictionary(Type=Name.Outlines))
            made = []
            for old in kept:
                new = pdf.make_indirect(Dictionary(Title=old.Title, Dest=_moved(old.Dest, page), Parent=root, Count=0))
                if made:
                    new.Prev, made[-1].Next = made[-1], new
                made.append(new)
            root.First, root.Last, root.Count = made[0], made[-1], len(made)
            pdf.Root.Outlines = root
        if anchors:
            names = Array()
            for name in sorted(anchors):
                names.append(pikepdf.String(name))
                names.append(anchors[name])
            pdf.Root.Names = Dictionary(Dests=pdf.make_indirect(Dictionary(Names=names)))
        _one_page_each(pdf)
        for each in pdf.pages:  # PDF/UA: a link says where it goes, as WeasyPrint's do
            for annotation in each.get("/Annots", Array()):
                if "/A" in annotation and "/URI" in annotation.A:
                    uri = str(annotation.A.URI)
                    if uri.startswith(INTERNAL):  # (a link inside the book: to its named destination)
                        name = bytes.fromhex(uri[len(INTERNAL):]).decode("utf-8")
                        del annotation["/A"]
                        annotation.Dest = annotation.Contents = pikepdf.String(name)
                    else:
                        annotation.Contents = pikepdf.String(uri)
        if page:
            _boxes(pdf, page)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


def _one_page_each(pdf: Any) -> None:
    """Each structure element's content on its own page: Typst gives a paragraph that runs
    onto the next page one element, its content there as marked-content references (valid PDF,
    but WeasyPrint's parts never do it, and the merged book's parent tree is checked as
    WeasyPrint writes it: an element on the page of its content). The part of an element on
    another page becomes an element of its own beside it, and the page's parent tree entries
    point there."""
    from pikepdf import Array, Dictionary, Name

    root = pdf.Root.get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root:
        return
    from pipeline.renderers.pdfmerge import _number_tree

    entries = {number: list(value) for number, value in _number_tree(root.ParentTree)
               if isinstance(value, Array)}
    keys = {page.objgen: int(page.obj.StructParents) for page in pdf.pages if "/StructParents" in page.obj}
    changed = False

    def visit(element: Any) -> None:
        nonlocal changed
        kids = element.get("/K")
        kids = list(kids) if isinstance(kids, Array) else [kids] if kids is not None else []
        for kid in kids:
            if isinstance(kid, Dictionary) and kid.get("/Type") == Name.StructElem:
                visit(kid)
        kids = element.get("/K")  # (again: a kid split in two has put its twin beside it)
        kids = list(kids) if isinstance(kids, Array) else [kids] if kids is not None else []
        home = element.Pg.objgen if "/Pg" in element else None
        away: dict[Any, list[Any]] = {}
        kept = []
        for kid in kids:
            if isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR and kid.Pg.objgen != home \
                    and kid.Pg.objgen in keys:
                away.setdefault(kid.Pg.objgen, []).append(kid)
            else:
                kept.append(kid)
        if not away or "/P" not in element:
            return
        changed = True
        element.K = Array(kept)
        parent = element.P
        siblings = list(parent.K) if isinstance(parent.K, Array) else [parent.K]
        at = next(i for i, sibling in enumerate(siblings) if isinstance(sibling, Dictionary)
                  and sibling.objgen == element.objgen) + 1
        for page, references in away.items():
            twin = pdf.make_indirect(Dictionary({k: v for k, v in element.items() if k not in ("/K", "/Pg", "/P")}))
            twin.P, twin.Pg = parent, references[0].Pg
            twin.K = Array([int(reference.MCID) for reference in references])
            for reference in references:
                entries[keys[page]][int(reference.MCID)] = twin
            siblings.insert(at, twin)
            at += 1
        parent.K = Array(siblings)

    top = root.K
    for element in list(top) if isinstance(top, Array) else [top]:
        visit(element)
    if changed:
        numbers = dict(_number_tree(root.ParentTree))
        numbers.update({number: Array(value) for number, value in entries.items()})
        root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(
            [item for number in sorted(numbers) for item in (number, numbers[number])])))


def _moved(dest: Any, page: tuple[float, ...]) -> Any:
    """A destination `[page /XYZ left top zoom]` moved with the page's content (`_boxes`), and
    down by the `DEST_RAISE` Typst adds, so that it is the top of its element, as WeasyPrint's."""
    from pikepdf import Array, Name

    items = list(dest)
    if len(items) > 3 and items[1] == Name.XYZ:
        items[3] = float(items[3]) - DEST_RAISE
    bleed = page[2] if page else 0.0
    if bleed and len(items) > 3 and items[1] == Name.XYZ:
        items[2], items[3] = float(items[2]) - bleed, float(items[3]) - bleed
    return Array(items)


def _boxes(pdf: Any, page: tuple[float, ...]) -> None:
    """MediaBox and BleedBox the trim and the bleed around it, TrimBox the trim at the origin,
    as WeasyPrint writes them; Typst's page (trim + bleed from the origin) and its links moved
    down and left by the bleed."""
    from pikepdf import Array

    width, height, bleed = page
    media = Array([-bleed, -bleed, width + bleed, height + bleed]) if bleed else Array([0, 0, width, height])
    for each in pdf.pages:
        obj = each.obj
        obj.MediaBox, obj.BleedBox, obj.TrimBox = media, media, Array([0, 0, width, height])
        if not bleed:
            continue
        contents = obj.Contents
        streams = list(contents) if isinstance(contents, Array) else [contents]
        obj.Contents = Array([pdf.make_stream(f"q 1 0 0 1 {-bleed:.6f} {-bleed:.6f} cm\n".encode()), *streams,
                              pdf.make_stream(b"\nQ\n")])
        for annotation in obj.get("/Annots", Array()):
            x0, y0, x1, y1 = (float(v) for v in annotation.Rect)
            annotation.Rect = Array([x0 - bleed, y0 - bleed, x1 - bleed, y1 - bleed])
            if isinstance(annotation.get("/Dest"), Array):  # (not a named destination: a name stays)
                annotation.Dest = _moved(annotation.Dest, page)
