"""Packaging the pages into an EPUB 3 file with ebooklib, then making the zip reproducible.

ebooklib writes the package document (metadata, manifest, spine), the NCX for old readers and
the OCF zip. Two things it does not do are done here: the content documents and the nav are
our own XHTML (ebooklib would re-parse and re-serialise them, losing epub:type on <body>),
and its zip carries the wall-clock time, so the archive is rewritten with one fixed time and
a fixed order (mimetype first, stored), which makes the same source give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass

from ebooklib import epub

from pipeline.errors import PublishError
from pipeline.model import Metadata
from pipeline.renderers.epubpages import Page

CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
# Already compressed: stored, not deflated again.
_STORED_SUFFIXES = (".png", ".jpg", ".jpeg", ".woff2", ".woff")


@dataclass(frozen=True)
class Asset:
    name: str  # path in the EPUB, relative to the package document
    data: bytes
    media_type: str


@dataclass(frozen=True)
class Accessibility:
    """The EPUB Accessibility 1.1 (schema.org) metadata of one edition."""

    features: tuple[str, ...]
    summary: str
    access_modes: tuple[str, ...] = ("textual", "visual")
    sufficient: tuple[str, ...] = ("textual",)
    hazards: tuple[str, ...] = ("none",)


def build_time(meta: Metadata) -> dt.datetime:
    """The one time written into the book: SOURCE_DATE_EPOCH if set, else the publication date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        except (ValueError, OverflowError, OSError):  # not a number, or past the years a date can hold
            raise PublishError(f"SOURCE_DATE_EPOCH must be a number of seconds, not '{epoch}'") from None
    return dt.datetime.combine(meta.date, dt.time(0), tzinfo=dt.timezone.utc)


class _Document(epub.EpubHtml):
    """A content document written as is (ebooklib's EpubHtml would rebuild it)."""

    def __init__(self, page: Page) -> None:
        super().__init__(uid=page.name.removesuffix(".xhtml"), file_name=page.name,
                         media_type="application/xhtml+xml", title=page.title)
        self.properties = list(page.properties)
        self._xhtml = page.xhtml.encode("utf-8")

    def get_content(self, default=None) -> bytes:
        return self._xhtml


class _Writer(epub.EpubWriter):
    """ebooklib's writer, with the package document's language declared and the NCX's
    dtb:depth set to the real depth of the contents."""

    def _write_opf_file(self, root) -> None:
        # xml:lang on <package> is the language of the metadata's own text (title, summary):
        # assistive technology reads it in that language (Ace's epub-lang; OPF 3 §5.4.1).
        root.set(f"{{{epub.NAMESPACES['XML']}}}lang", self.book.language)
        super()._write_opf_file(root)

    def _get_ncx(self) -> bytes:
        depth = 2 if any(isinstance(entry, tuple) for entry in self.book.toc) else 1
        return super()._get_ncx().replace(b'<meta content="0" name="dtb:depth"/>',
                                          f'<meta content="{depth}" name="dtb:depth"/>'.encode())


class _Modified:
    """The package's dcterms:modified, which must read CCYY-MM-DDThh:mm:ssZ: ebooklib writes it
    with strftime('%Y…'), which gives the year 999 as '999' (a title dated before 1000)."""

    def __init__(self, when: dt.datetime) -> None:
        self.when = when.astimezone(dt.timezone.utc)

    def strftime(self, _format: str) -> str:
        return f"{self.when.year:04d}-" + self.when.strftime("%m-%dT%H:%M:%SZ")


def package(meta: Metadata, pages: list[Page], assets: list[Asset], cover: Asset,
            a11y: Accessibility, when: dt.datetime) -> bytes:
    """The EPUB file's bytes."""
    book = epub.EpubBook()
    _metadata(book, meta, a11y)
    documents = {page.name: _Document(page) for page in pages}
    for document in documents.values():
        book.add_item(document)
    for asset in assets:
        uid = asset.name.rsplit("/", 1)[-1].replace(".", "-")
        book.add_item(epub.EpubItem(uid=uid, file_name=asset.name, media_type=asset.media_type, content=asset.data))
    book.set_cover(cover.name, cover.data, create_page=False)
    book.add_item(epub.EpubNcx())
    book.spine = [documents[page.name] for page in pages if page.in_spine]
    book.toc = _toc(pages)
    first_body = next((p.name for p in pages if p.matter == "bodymatter"), pages[0].name)
    guide = [("cover", "cover.xhtml"), ("toc", "nav.xhtml"), ("text", first_body)]
    # (a guide entry names a page of the reading order: the nav of a one-chapter book is none)
    book.guide = [{"type": kind, "href": href, "title": documents[href].title}
                  for kind, href in guide if next(p for p in pages if p.name == href).in_spine]
    buffer = io.BytesIO()
    writer = _Writer(buffer, book, {"mtime": _Modified(when), "epub3_landmark": False,
                                    "epub3_pages": False, "compresslevel": 0})
    writer.process()
    writer.write()
    return reproducible_zip(buffer.getvalue(), when)


def _metadata(book: epub.EpubBook, meta: Metadata, a11y: Accessibility) -> None:
    book.set_identifier(meta.id)
    book.title = meta.title
    # Metadata ids start with "meta-": manifest ids are the pages' file names.
    book.add_metadata("DC", "title", meta.title, {"id": "meta-title"})
    book.add_metadata(None, "meta", "main", {"refines": "#meta-title", "property": "title-type"})
    if meta.subtitle:
        book.add_metadata("DC", "title", meta.subtitle, {"id": "meta-subtitle"})
        book.add_metadata(None, "meta", "subtitle", {"refines": "#meta-subtitle", "property": "title-type"})
    book.set_language(meta.language)
    for index, author in enumerate(meta.authors, 1):
        book.add_metadata("DC", "creator", author, {"id": f"meta-author-{index}"})
        book.add_metadata(None, "meta", "aut", {"refines": f"#meta-author-{index}", "property": "role",
                                                "scheme": "marc:relators"})
    if meta.editor:
        book.add_metadata("DC", "contributor", meta.editor, {"id": "meta-editor"})
        book.add_metadata(None, "meta", "edt", {"refines": "#meta-editor", "property": "role", "scheme": "marc:relators"})
    book.add_metadata("DC", "publisher", meta.outlet)
    if meta.account:
        book.add_metadata("DC", "source", meta.account)
    book.add_metadata("DC", "date", meta.date.isoformat())
    book.add_metadata("DC", "description", meta.description)
    book.add_metadata("DC", "rights", meta.rights)
    for prop, values in (("schema:accessMode", a11y.access_modes),
                         ("schema:accessModeSufficient", (",".join(a11y.sufficient),)),
                         ("schema:accessibilityFeature", a11y.features),
                         ("schema:accessibilityHazard", a11y.hazards),
                         ("schema:accessibilitySummary", (a11y.summary,)),
                         ("dcterms:conformsTo", (CONFORMS_TO,)),
                         ("a11y:certifiedBy", (meta.outlet,))):
        for value in values:
            book.add_metadata(None, "meta", value, {"property": prop})


def _toc(pages: list[Page]) -> list:
    """ebooklib's table of contents (for the NCX): the same entries and nesting as the nav."""
    entries: list[list] = []
    for page in pages:
        link = epub.Link(page.name, page.title, page.name.removesuffix(".xhtml").replace(".", "-") + "-toc")
        if page.toc == "nested" and entries:
            entries[-1][1].append(link)
        elif page.toc:
            entries.append([link, []])
    return [(link, children) if children else link for link, children in entries]


_ZIP_FIRST = (1980, 1, 1, 0, 0, 0)
_ZIP_LAST = (2107, 12, 31, 23, 59, 58)  # 7 bits of years from 1980, seconds in steps of two


def reproducible_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same archive with every entry at `when`, in a fixed order, mimetype first and stored.

    A ZIP entry's time holds the years 1980 to 2107 only: a book dated outside them (a 1949
    feature, a typo like 9999) has its entries at the nearest end, the package date unchanged."""
    date_time = min(max(when.astimezone(dt.timezone.utc).timetuple()[:6], _ZIP_FIRST), _ZIP_LAST)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = source.namelist()
        first = ["mimetype", "META-INF/container.xml"]
        order = first + [name for name in names if name not in first]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=date_time)
                stored = name == "mimetype" or name.endswith(_STORED_SUFFIXES)
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                info.create_system = 3
                info.external_attr = 0o644 << 16
                target.writestr(info, source.read(name), compresslevel=None if stored else 9)
    return buffer.getvalue()
