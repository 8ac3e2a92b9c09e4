"""One tagged PDF from the PDFs of a book's parts, each laid out by WeasyPrint on its own.

A part laid out alone is a complete tagged PDF (pages, structure tree, named destinations,
bookmarks). Joining them is what WeasyPrint itself would have written for the whole book:

- the pages in order, each part's structure elements under one `Document` element, the
  parent tree renumbered (page content first, then annotations, as WeasyPrint numbers it);
- named destinations (the targets of the contents' and the index's links) from the part that
  holds each target: a part that links elsewhere carries empty stand-in anchors (so that
  WeasyPrint writes its links at all), which are dropped here with their empty `Span`
  elements;
- the bookmarks of every part, in order;
- the page furniture (running heads, folios, crop marks), laid out separately for the whole
  book (`pdfparts`), drawn over each page as an artifact, as PDF/UA asks of page furniture;
- a part laid out from a right-hand page that lands on a left-hand one (or the reverse) is
  moved sideways by the difference of the two margins, its links and destinations with it;
- the catalogue's language, metadata (XMP with the PDF/UA identification) and document
  information come from the first part.

pikepdf (qpdf) does the object copying; the file identifier is derived from the content, so
the same parts give the same bytes.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

FURNITURE_PREFIX = "Fu"  # resource names of the furniture drawn over a page
RESOURCE_KINDS = ("/Font", "/ExtGState", "/XObject", "/ColorSpace", "/Pattern", "/Shading", "/Properties")


@dataclass(frozen=True)
class Piece:
    """A part's PDF; `shifts` moves each of its pages right by so many points (None: none);
    `stubs` are the stand-in anchors it carries for targets in other parts."""

    data: bytes
    shifts: tuple[float, ...] | None = None
    stubs: frozenset[str] = field(default_factory=frozenset)
    drop_last: bool = False  # its last page only carried what follows (dropped with what is on it)
    furnished: bool = True  # the furniture is drawn over its pages


def summary(data: bytes) -> tuple[int, dict[str, int]]:
    """A part's PDF: its number of pages, and each named destination → its page's index."""
    with Pdf.open(io.BytesIO(data)) as pdf:
        index = {page.objgen: number for number, page in enumerate(pdf.pages)}
        names = pdf.Root.get("/Names", Dictionary()).get("/Dests")
        found = {name: index[dest[0].objgen] for name, dest in _name_tree(names)} if names is not None else {}
        return len(pdf.pages), found


def merge(pieces: Sequence[Piece], furniture: bytes | None = None) -> bytes:
    """The book: `pieces` in order (the first gives the document's metadata), with the pages
    of `furniture` drawn, in order, over the pages of the furnished pieces."""
    out = Pdf.new()
    root = out.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root, K=Array()))
    root.K = Array([document])
    parent_tree: list[object] = []  # values in key order: each page's marked content, then annotations
    annotations: list[tuple[Dictionary, object]] = []  # (annotation, its structure element)
    destinations: dict[str, Array] = {}
    bookmarks: list[tuple[str, Array, list]] = []
    furnished: list[Dictionary] = []
    sources: list[Pdf] = []
    for piece in pieces:
        src = Pdf.open(io.BytesIO(piece.data))
        sources.append(src)
        count = len(src.pages) - piece.drop_last
        start = len(out.pages)
        with warnings.catch_warnings():  # named destinations are carried over below
            warnings.filterwarnings("ignore", category=pikepdf.PageCopyWarning)
            out.pages.extend(src.pages[i] for i in range(count))
        pages = {src.pages[i].objgen: out.pages[start + i].obj for i in range(count)}
        dropped = {src.pages[i].objgen for i in range(count, len(src.pages))}
        shifts = piece.shifts or (0.0,) * count
        shift_of = {src.pages[i].objgen: shifts[i] for i in range(count)}
        numbers = dict(_number_tree(src.Root.StructTreeRoot.get("/ParentTree")))
        for element in _top_elements(src, dropped):
            del element[Name.P]
            copied = out.copy_foreign(element)
            copied.P = document
            document.K.append(copied)
        for offset in range(count):
            page = out.pages[start + offset].obj
            old = src.pages[offset].obj
            if "/StructParents" in old:
                marked = numbers.get(int(old.StructParents))
                page.StructParents = len(parent_tree)
                parent_tree.append(_copy(out, marked) if marked is not None else Array())
            for annotation in page.get("/Annots", Array()):
                if "/StructParent" in annotation:
                    element = numbers.get(int(annotation.StructParent))
                    annotations.append((annotation, _copy(out, element) if element is not None else None))
            if shifts[offset]:
                _shift_page(out, page, shifts[offset])
            if piece.furnished:
                furnished.append(page)
        names = src.Root.get("/Names", Dictionary()).get("/Dests")
        for name, dest in _name_tree(names) if names is not None else ():
            if name in piece.stubs or name in destinations or _page_of(dest).objgen not in pages:
                continue
            destinations[name] = _destination(dest, pages, shift_of)
        bookmarks += _outline(src.Root.get("/Outlines"), pages, shift_of)
    for annotation, element in annotations:  # numbered after every page, as WeasyPrint does
        annotation.StructParent = len(parent_tree)
        parent_tree.append(element if element is not None else Array())
    root.ParentTree = out.make_indirect(Dictionary(Nums=Array(
        [item for number, value in enumerate(parent_tree) for item in (number, value)])))
    root.ParentTreeNextKey = len(parent_tree)
    if furniture:
        with Pdf.open(io.BytesIO(furniture)) as drawn:
            if len(drawn.pages) != len(furnished):
                raise ValueError(f"furniture for {len(drawn.pages)} pages, {len(furnished)} pages to furnish")
            for page, over in zip(furnished, drawn.pages):
                _overlay(out, page, over.obj)
    _catalog(out, sources[0] if sources else None, root, destinations, bookmarks)
    buffer = io.BytesIO()
    out.save(buffer, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
             min_version=sources[0].pdf_version if sources else "1.7")
    for src in sources:
        src.close()
    return buffer.getvalue()


def _page_of(dest: object) -> Dictionary:
    return (dest.D if isinstance(dest, Dictionary) else dest)[0]


def _copy(out: Pdf, value: object) -> object:
    """`value` of another PDF in `out`: indirect objects through qpdf's copier (which maps
    every object it copied before, pages included), direct ones rebuilt."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return out.copy_foreign(value)
    if isinstance(value, Dictionary):
        return Dictionary({key: _copy(out, item) for key, item in value.items()})
    if isinstance(value, Array):
        return Array([_copy(out, item) for item in value])
    return value


def _top_elements(src: Pdf, dropped: set[tuple[int, int]]) -> Iterator[Dictionary]:
    """The part's structure elements under its `Document` element, without the empty ones
    (its stand-in anchors) and those of a dropped page."""
    kids = src.Root.StructTreeRoot.K
    document = kids[0] if isinstance(kids, Array) else kids
    for element in document.K:
        kids = element.get("/K")
        if kids is None or isinstance(kids, Array) and len(kids) == 0:
            continue
        if "/Pg" in element and element.Pg.objgen in dropped:
            continue
        yield element


def _number_tree(node: object) -> Iterator[tuple[int, object]]:
    return ((int(key), value) for key, value in _tree(node, "/Nums"))


def _name_tree(node: object) -> Iterator[tuple[str, object]]:
    return ((str(key), value) for key, value in _tree(node, "/Names"))


def _tree(node: object, leaves: str) -> Iterator[tuple[object, object]]:
    """The (key, value) pairs of a PDF number tree (`leaves` "/Nums") or name tree ("/Names"),
    the kids' pairs after the node's own, in order: both trees are laid out the same way."""
    if node is None:
        return
    if leaves in node:
        pairs = node[leaves]
        for i in range(0, len(pairs), 2):
            yield pairs[i], pairs[i + 1]
    for kid in node.get("/Kids", Array()):
        yield from _tree(kid, leaves)


def _destination(dest: object, pages: dict, shift_of: dict) -> Array:
    """A copy of `[page /XYZ left top zoom]` pointing at the book's page, moved with it."""
    items = list(dest.D if isinstance(dest, Dictionary) else dest)
    page = items[0]
    items[0] = pages[page.objgen]
    shift = shift_of.get(page.objgen, 0.0)
    if shift and len(items) > 2 and items[1] == Name.XYZ and items[2] is not None:
        items[2] = float(items[2]) + shift
    return Array(items)


def _outline(outlines: object, pages: dict, shift_of: dict) -> list[tuple[str, Array, list]]:
    items = []
    item = outlines.get("/First") if outlines is not None else None
    while item is not None:
        if _page_of(item.Dest).objgen in pages:
            items.append((str(item.Title), _destination(item.Dest, pages, shift_of), _outline(item, pages, shift_of)))
        item = item.get("/Next")
    return items


def _shift_page(out: Pdf, page: Dictionary, shift: float) -> None:
    """Move everything drawn on the page, and its links, `shift` points to the right."""
    contents = page.Contents
    streams = list(contents) if isinstance(contents, Array) else [contents]
    before = out.make_stream(f"q 1 0 0 1 {shift:.6f} 0 cm\n".encode())
    after = out.make_stream(b"\nQ\n")
    page.Contents = Array([before, *streams, after])
    for annotation in page.get("/Annots", Array()):
        rect = [float(v) for v in annotation.Rect]
        annotation.Rect = Array([rect[0] + shift, rect[1], rect[2] + shift, rect[3]])


def _overlay(out: Pdf, page: Dictionary, over: Dictionary) -> None:
    """Draw `over` (a page of the furniture document, untagged) over `page` as an artifact,
    its resources renamed so that they never clash with the page's own."""
    data = b"".join(s.read_bytes() for s in (over.Contents if isinstance(over.Contents, Array) else [over.Contents]))
    if not data.strip():
        return
    renames: dict[str, str] = {}
    resources = page.get("/Resources")
    if resources is None:
        resources = page.Resources = Dictionary()
    elif resources.is_indirect:  # shared by several pages: give this page its own copy
        resources = page.Resources = Dictionary({key: value for key, value in resources.items()})
    for kind in RESOURCE_KINDS:
        theirs = over.get("/Resources", Dictionary()).get(kind)
        if theirs is None:
            continue
        ours = resources.get(kind)
        ours = Dictionary({key: value for key, value in ours.items()}) if ours is not None else Dictionary()
        for name, value in theirs.items():
            renamed = f"/{FURNITURE_PREFIX}{name[1:]}"
            renames[name] = renamed
            ours[renamed] = _copy(out, value)
        resources[kind] = ours
    operations = []
    for operands, operator in pikepdf.parse_content_stream(pikepdf.Stream(out, data)):
        operands = [Name(renames[str(o)]) if isinstance(o, Name) and str(o) in renames else o for o in operands]
        operations.append((operands, operator))
    drawn = pikepdf.unparse_content_stream(operations)
    # The page's own content may leave its coordinate system changed (WeasyPrint's flip of the
    # y axis): it is drawn inside q … Q, the furniture after it from the page's default.
    stream = out.make_stream(b"\nQ\n/Artifact BMC\nq\n" + drawn + b"\nQ\nEMC\n")
    contents = page.get("/Contents")
    streams = [] if contents is None else list(contents) if isinstance(contents, Array) else [contents]
    page.Contents = Array([out.make_stream(b"q\n"), *streams, stream])


def _catalog(out: Pdf, first: Pdf | None, root: Dictionary, destinations: dict[str, Array],
             bookmarks: list[tuple[str, Array, list]]) -> None:
    catalog = out.Root
    catalog.StructTreeRoot = root
    if first is not None:
        for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata", "/PageMode"):
            if key in first.Root:
                value = first.Root[key]
                catalog[key] = _copy(out, value)
        if "/Info" in first.trailer:
            out.trailer.Info = out.copy_foreign(first.trailer.Info)
    if destinations:
        names = Array()
        for name in sorted(destinations):
            names.append(pikepdf.String(name))
            names.append(destinations[name])
        catalog.Names = Dictionary(Dests=out.make_indirect(Dictionary(Names=names)))
    if bookmarks:
        outlines = out.make_indirect(Dictionary())
        first_item, last_item, count = _outline_items(out, bookmarks, outlines)
        outlines.First, outlines.Last, outlines.Count = first_item, last_item, count
        catalog.Outlines = outlines


def _outline_items(out: Pdf, items: list[tuple[str, Array, list]], parent: Dictionary) -> tuple[object, object, int]:
    made = []
    count = len(items)
    for title, dest, children in items:
        item = out.make_indirect(Dictionary(Title=pikepdf.String(title), Dest=dest, Parent=parent))
        if children:
            item.First, item.Last, below = _outline_items(out, children, item)
            item.Count = below
            count += below
        else:
            item.Count = 0
        if made:
            item.Prev = made[-1]
            made[-1].Next = item
        made.append(item)
    return made[0], made[-1], count
