"""The OPDS catalogue, as reading apps and library systems read it: `opds.xml` (OPDS 1.2, an Atom
acquisition feed, built with lxml) and `opds.json` (OPDS 2.0).

Each title is one entry with its metadata (Dublin Core terms where Atom has none), its cover
and thumbnail, and one acquisition link per ebook file with its media type.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid

from lxml import etree
from lxml.builder import ElementMaker

from pipeline.site import layout
from pipeline.site.catalogue import Title, file_label
from pipeline.site.show import OPDS, OPDS2, Show

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS_NS = "http://opds-spec.org/2010/catalog"
ACQUISITION_FEED = "application/atom+xml;profile=opds-catalog;kind=acquisition"
OPDS2_TYPE = "application/opds+json"
ACQUISITION = "http://opds-spec.org/acquisition"
IMAGE = "http://opds-spec.org/image"
THUMBNAIL = "http://opds-spec.org/image/thumbnail"
EBOOKS = ("epub", "epub-learner", "pdf", "pdf-learner")  # the files a reading app acquires

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"  # RFC 4287 §2: the language of an element's text
A = ElementMaker(namespace=ATOM, nsmap={None: ATOM, "dc": DC, "opds": OPDS_NS})
D = ElementMaker(namespace=DC)


# Atom's ids are absolute IRIs (RFC 4287 §4.2.6); a title's `id:` may be any text ('城东-2025-001').
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
_ID_NAMESPACE = uuid.UUID("6f1c9e52-3d0a-5b7e-9c44-0e8a2f6d1b37")  # for ids that are not IRIs


def entry_id(title_id: str) -> str:
    """The title's id where it is an IRI already (urn:uuid:…, urn:isbn:…, https://…), else a
    UUIDv5 of it: the same id always gives the same entry id, and never an invalid one."""
    return title_id if _IRI.match(title_id) else f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, title_id)}"


def _updated(titles: list[Title], changed: dt.datetime | None = None) -> str:
    """When the newest change among `titles` (or to the catalogue's listing, `changed`) was
    (RFC 3339, UTC): an edited title moves it, so reading apps fetch the entry again; an
    unchanged catalogue keeps it, byte for byte."""
    moments = [t.changed for t in titles] + ([changed] if changed else [])
    return max(moments).isoformat().replace("+00:00", "Z")


def opds_feed(show: Show, titles: list[Title], changed: dt.datetime | None = None) -> bytes:
    """OPDS 1.2 acquisition feed, `titles` newest first."""
    feed = A.feed(
        A.id(f"urn:uuid:{show.guid}"),
        A.title(show.title),
        A.subtitle(show.description),
        A.updated(_updated(titles, changed)),
        A.author(A.name(show.author), A.uri(show.url(layout.PAGE))),
        A.icon(show.url(layout.SHOW.name)),
        A.link(rel="self", href=show.url(OPDS), type=ACQUISITION_FEED),
        A.link(rel="start", href=show.url(OPDS), type=ACQUISITION_FEED),
        A.link(rel="alternate", href=show.url(OPDS2), type=OPDS2_TYPE),
        A.link(rel="alternate", href=show.url(layout.PAGE), type="text/html"),
    )
    feed.set(XML_LANG, show.language)  # the catalogue's own title and subtitle
    for title in titles:
        feed.append(_entry(show, title))
    return etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _entry(show: Show, title: Title):
    meta, slug = title.doc.meta, title.slug
    entry = A.entry(A.title(meta.title), A.id(entry_id(meta.id)), A.updated(_updated([title])))
    # each entry's title, summary and rights are in its title's language, which a reading app
    # shows and reads out (an English title in a Chinese catalogue, a Japanese one in an English)
    entry.set(XML_LANG, meta.language)
    entry.extend(A.author(A.name(author)) for author in meta.authors)
    entry.extend([
        D.identifier(meta.id),
        D.language(meta.language),
        D.issued(meta.date.isoformat()),
        D.publisher(meta.outlet),
        A.rights(meta.rights),
        A.summary(meta.description, type="text"),
    ])
    if meta.subtitle:
        entry.append(A.content(meta.subtitle, type="text"))
    entry.append(A.link(rel=IMAGE, href=show.url(slug, layout.COVER.name), type=layout.COVER.media_type))
    entry.append(A.link(rel=THUMBNAIL, href=show.url(slug, layout.THUMBNAIL.name), type=layout.THUMBNAIL.media_type))
    for key in EBOOKS:
        file = title.file(key)
        if file:
            link = A.link(rel=ACQUISITION, href=show.url(slug, file.name), type=file.kind.media_type,
                          title=file_label(file.kind, show.language), length=str(file.size))
            if show.language != meta.language:  # (its title is the catalogue's word, in the site's language)
                link.set(XML_LANG, show.language)
            entry.append(link)
    entry.append(A.link(rel="alternate", href=show.url(slug, layout.PAGE), type="text/html"))
    return entry


def opds2_feed(show: Show, titles: list[Title], changed: dt.datetime | None = None) -> str:
    """The same catalogue as OPDS 2.0 JSON."""
    document = {
        "metadata": {"title": show.title, "description": show.description, "modified": _updated(titles, changed)},
        "links": [
            {"rel": "self", "href": show.url(OPDS2), "type": OPDS2_TYPE},
            {"rel": "alternate", "href": show.url(OPDS), "type": ACQUISITION_FEED},
            {"rel": "alternate", "href": show.url(layout.PAGE), "type": "text/html"},
        ],
        "publications": [_publication(show, title) for title in titles],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _publication(show: Show, title: Title) -> dict:
    meta, slug = title.doc.meta, title.slug
    metadata = {"@type": "http://schema.org/Book", "identifier": entry_id(meta.id), "title": meta.title}
    if meta.subtitle:
        metadata["subtitle"] = meta.subtitle
    metadata.update({"author": [{"name": author} for author in meta.authors], "publisher": meta.outlet,
                     "language": meta.language, "published": meta.date.isoformat(),
                     "modified": _updated([title]), "description": meta.description})
    links = [{"rel": ACQUISITION, "href": show.url(slug, f.name), "type": f.kind.media_type,
              "title": file_label(f.kind, show.language)}
             for key in EBOOKS if (f := title.file(key))]
    links.append({"rel": "alternate", "href": show.url(slug, layout.PAGE), "type": "text/html"})
    images = [{"href": show.url(slug, image.name), "type": image.media_type, "width": image.width,
               "height": image.height} for image in (layout.COVER, layout.THUMBNAIL)]
    return {"metadata": metadata, "links": links, "images": images}
