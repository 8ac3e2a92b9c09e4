"""Reading a built PDF back for the tests: its lines with positions, the text without page
furniture (running heads and folios), its fonts and its outline. pdfminer.six and pypdf only,
so the tests need no system package."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pypdf import PdfReader

FOLIO = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Line:
    page: int  # 0-based
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    lines: tuple[Line, ...]  # top to bottom


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class _TextLine:
    """One text line as pdfminer's layout analysis found it: what `pages`' `keep` is given
    (it reads `get_text()`, as it would of pdfminer's own `LTTextLine`)."""

    raw: str
    x0: float
    y0: float
    x1: float
    y1: float

    def get_text(self) -> str:
        return self.raw


def _stamp(path: Path) -> tuple[str, int, int]:
    """A file's identity for the caches below: a rebuilt file is read again."""
    status = path.stat()
    return str(path.resolve()), status.st_mtime_ns, status.st_size


@functools.lru_cache(maxsize=4)
def _laid_out(stamp: tuple[str, int, int]) -> tuple[tuple[float, float, tuple[_TextLine, ...]], ...]:
    """Every page's text lines after pdfminer's layout analysis, read once per file: the tests
    of one module read the same 70-page book three or four times (its body pages, its text,
    its glyphs), and the analysis is most of the cost."""
    result = []
    for layout in extract_pages(stamp[0], laparams=LAParams()):
        lines = [_TextLine(line.get_text(), line.x0, line.y0, line.x1, line.y1)
                 for element in layout if isinstance(element, LTTextContainer)
                 for line in element if isinstance(line, LTTextLine) and line.get_text().strip()]
        result.append((layout.width, layout.height, tuple(lines)))
    return tuple(result)


def pages(path: Path, keep: Callable[[LTTextLine], bool] = lambda line: True) -> list[Page]:
    """Every page's text lines (those `keep` accepts), top to bottom."""
    result = []
    for number, (width, height, found) in enumerate(_laid_out(_stamp(path))):
        lines = [Line(number, line.raw.strip("\n"), line.x0, line.y0, line.x1, line.y1) for line in found if keep(line)]
        lines.sort(key=lambda line: (-line.y1, line.x0))
        result.append(Page(number, width, height, tuple(lines)))
    return result


@functools.lru_cache(maxsize=4)
def _glyphs_read(stamp: tuple[str, int, int]) -> dict[int, tuple[Char, ...]]:
    """The pages of one file whose glyphs were read so far (filled by `page_chars`); the last
    few files only, so a worker's memory does not grow with every book it reads."""
    return {}


def page_chars(path: Path, page_numbers: list[int]) -> dict[int, list[Char]]:
    """The glyphs of some pages (0-based numbers), each with its box and size; a page already
    read from the same file is not read again (see `_laid_out`).

    Without pdfminer's layout analysis (`laparams=None`): the glyphs are the same, and grouping
    them into lines, which nothing here reads, was about 40 % of the time."""
    read = _glyphs_read(_stamp(path))
    wanted = {n for n in page_numbers if n not in read}
    if wanted:
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=None)
        interpreter = PDFPageInterpreter(resources, device)

        def walk(item, into: list[Char]) -> None:  # type: ignore[no-untyped-def]
            if isinstance(item, LTChar):
                into.append(Char(item.get_text(), item.x0, item.y0, item.x1, item.y1, item.size))
            elif hasattr(item, "__iter__"):
                for child in item:
                    walk(child, into)

        with path.open("rb") as stream:
            for number, page in enumerate(PDFPage.get_pages(stream)):
                if number in wanted:
                    interpreter.process_page(page)
                    walk(device.get_result(), found := [])
                    read[number] = tuple(found)
    return {n: list(read[n]) for n in sorted(set(page_numbers)) if n in read}


def is_furniture(line: Line, page: Page, heads: set[str]) -> bool:
    """A running head or a folio: short text in the top or bottom tenth of the page."""
    outer = line.y0 > page.height * 0.88 or line.y1 < page.height * 0.12
    text = line.text.strip()
    return outer and (bool(FOLIO.match(text)) or text.replace(" ", "") in heads)


def body_lines(all_pages: list[Page], heads: set[str]) -> list[Line]:
    """Every line of text in reading order, without running heads and folios."""
    return [line for page in all_pages for line in page.lines if not is_furniture(line, page, heads)]


def rows(page: Page) -> list[str]:
    """The page's text by baseline: pieces of one line (a name, its leader dots, its page
    number) joined left to right."""
    result: list[list[Line]] = []
    for line in page.lines:
        if result and abs(result[-1][0].y0 - line.y0) < 2:
            result[-1].append(line)
        else:
            result.append([line])
    return ["".join(piece.text for piece in sorted(row, key=lambda piece: piece.x0)) for row in result]


def font_descriptors(path: Path) -> dict[str, dict]:
    """Each font's base name → its descriptor (descendant font's, for Type0 fonts)."""
    reader = PdfReader(str(path))
    found: dict[str, dict] = {}
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            target = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            found[str(font["/BaseFont"])] = target.get("/FontDescriptor", {})
    return found


def outline_titles(path: Path) -> list[str]:
    """The bookmarks, depth first."""
    reader = PdfReader(str(path))
    titles: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def assert_blocks_once_in_order(doc, text: str) -> None:
    """Every text block of the model in the body text once, in reading order; the credit line
    (printed on the copyright page, before the article) once anywhere."""
    from pipeline.fidelity import find_in_order, normalise
    from pipeline.model import numbered

    flat = normalise(text)
    blocks = [block for block in doc.text_blocks() if block != doc.meta.credit]
    if doc.meta.credit:
        assert flat.count(normalise(doc.meta.credit)) == 1
    # In order from the article on (the contents page repeats the chapter titles before it).
    start = flat.index(normalise(blocks[0]))
    assert find_in_order(blocks, flat[start:]) == []
    model = normalise("\n".join(doc.text_blocks()))
    for paragraph in doc.paragraphs():
        needle = normalise(numbered(paragraph))
        assert flat.count(needle) == model.count(needle), numbered(paragraph)


@dataclass(frozen=True)
class Element:
    """A structure element of a tagged PDF: its type, /Lang, whether it holds an annotation (an
    OBJR), and the text of the marked content it holds itself and through its descendants."""

    tag: str
    lang: str | None
    objr: tuple[str, ...]  # the URI (or "") of each annotation it holds
    own_text: str
    text: str
    ancestors: tuple[str, ...]


def marked_text(path: Path) -> dict[tuple[int, int], str]:
    """(page index, MCID) → the text drawn inside that marked content, read by pdfminer (its
    `begin_tag`/`end_tag` hooks track the marked-content stack while its glyphs are rendered)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    found: dict[tuple[int, int], str] = {}

    class Device(PDFPageAggregator):
        def __init__(self, rsrcmgr):  # type: ignore[no-untyped-def]
            super().__init__(rsrcmgr, laparams=None)
            self.page_index = 0
            self.mcids: list[int | None] = []

        def begin_tag(self, tag, props=None):  # type: ignore[no-untyped-def]
            mcid = props.get("MCID") if isinstance(props, dict) else None
            self.mcids.append(mcid if mcid is not None else (self.mcids[-1] if self.mcids else None))

        def end_tag(self):  # type: ignore[no-untyped-def]
            if self.mcids:
                self.mcids.pop()

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):  # type: ignore[no-untyped-def]
            width = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
            if self.mcids and self.mcids[-1] is not None:
                key = (self.page_index, self.mcids[-1])
                found[key] = found.get(key, "") + self.cur_item._objs[-1].get_text()
            return width

    manager = PDFResourceManager()
    device = Device(manager)
    interpreter = PDFPageInterpreter(manager, device)
    with open(path, "rb") as stream:
        for index, page in enumerate(PDFPage.get_pages(stream)):
            device.page_index = index
            device.mcids = []
            interpreter.process_page(page)
    return found


def structure(path: Path) -> list[Element]:
    """Every structure element of the PDF's StructTreeRoot (walked with pikepdf), in order."""
    import pikepdf

    texts = marked_text(path)
    elements: list[Element] = []
    with pikepdf.open(path) as pdf:
        page_index = {page.objgen: number for number, page in enumerate(pdf.pages)}

        def walk(node, page, ancestors):  # type: ignore[no-untyped-def]
            page = node.get("/Pg", page)
            kids = node.get("/K")
            kids = [] if kids is None else list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            own, whole, objr, children = "", "", [], []
            for kid in kids:
                if isinstance(kid, int):
                    own += texts.get((page_index.get(page.objgen, -1), kid), "")
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    kid_page = kid.get("/Pg", page)
                    own += texts.get((page_index.get(kid_page.objgen, -1), int(kid.MCID)), "")
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    annotation = kid.Obj
                    objr.append(str(annotation.A.URI) if "/A" in annotation and "/URI" in annotation.A else "")
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    children.append(kid)
            index = len(elements)
            elements.append(Element("", None, (), "", "", ()))  # placeholder, in document order
            tag = str(node.S)
            for child in children:
                whole += walk(child, page, ancestors + (tag,))
            whole = own + whole
            lang = str(node.Lang) if "/Lang" in node else None
            elements[index] = Element(tag, lang, tuple(objr), own, whole, ancestors)
            return whole

        root = pdf.Root.StructTreeRoot
        kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
        for kid in kids:
            walk(kid, None, ())
    return elements
