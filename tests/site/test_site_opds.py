"""The OPDS catalogue as a reading app reads it: every title, its metadata, cover and thumbnail,
and an acquisition link per ebook with the right media type (OPDS 1.2 Atom via feedparser,
OPDS 2.0 JSON by its structure)."""

from __future__ import annotations

import json

import feedparser
import pytest
from lxml import etree
from PIL import Image

from tests.site.sitetools import BASE_URL, Site

ACQUISITION = "http://opds-spec.org/acquisition"
# What a reading app must be offered, by hand: (file suffix, media type).
EBOOKS = [(".epub", "application/epub+zip"), ("-learner.epub", "application/epub+zip"),
          (".pdf", "application/pdf"), ("-learner.pdf", "application/pdf")]


@pytest.fixture(scope="module")
def opds(site: Site):
    parsed = feedparser.parse(site.read("opds.xml"))
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def test_the_feed_is_an_opds_acquisition_feed(opds, site: Site) -> None:
    assert opds.version == "atom10"
    self_link = next(link for link in opds.feed.links if link.rel == "self")
    assert self_link.href == BASE_URL + "opds.xml"
    assert self_link.type == "application/atom+xml;profile=opds-catalog;kind=acquisition"
    assert opds.feed.id.startswith("urn:uuid:") and opds.feed.title and opds.feed.updated


def test_every_title_is_an_entry_with_metadata_and_ebooks(opds, site: Site) -> None:
    by_id = {entry.id: entry for entry in opds.entries}
    assert set(by_id) == {t.doc.meta.id for t in site.titles}
    for title in site.titles:
        meta, entry = title.doc.meta, by_id[title.doc.meta.id]
        assert entry.title == meta.title
        assert [a.name for a in entry.authors] == list(meta.authors)
        assert entry.summary == meta.description
        assert entry.dcterms_language == meta.language
        assert entry.dcterms_publisher == meta.outlet
        assert entry.published_parsed[:3] == meta.date.timetuple()[:3]
        acquisitions = [link for link in entry.links if link.rel == ACQUISITION]
        expected = [(f"{BASE_URL}{meta.slug}/{meta.slug}{suffix}", kind) for suffix, kind in EBOOKS]
        assert [(link.href, link.type) for link in acquisitions] == expected
        for link in acquisitions:
            assert int(link.length) == site.local(link.href).stat().st_size
        images = {link.rel: link for link in entry.links if "opds-spec.org/image" in link.rel}
        assert set(images) == {"http://opds-spec.org/image", "http://opds-spec.org/image/thumbnail"}
        with Image.open(site.local(images["http://opds-spec.org/image"].href)) as cover, \
                Image.open(site.local(images["http://opds-spec.org/image/thumbnail"].href)) as thumb:
            assert cover.size[1] > cover.size[0] and thumb.size[0] < cover.size[0]


def test_dublin_core_terms_are_in_their_namespace(site: Site) -> None:
    root = etree.fromstring(site.read("opds.xml"))
    ns = {"a": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/terms/"}
    for entry in root.iterfind("a:entry", ns):
        assert entry.findtext("dc:issued", namespaces=ns)
        assert entry.findtext("dc:identifier", namespaces=ns) == entry.findtext("a:id", namespaces=ns)


def test_opds2_lists_the_same_publications(site: Site, opds) -> None:
    document = json.loads(site.read("opds.json"))
    assert {"rel": "self", "href": BASE_URL + "opds.json", "type": "application/opds+json"} in document["links"]
    publications = document["publications"]
    assert [p["metadata"]["identifier"] for p in publications] == [e.id for e in opds.entries]
    for publication in publications:
        assert publication["metadata"]["@type"] == "http://schema.org/Book"
        types = [link["type"] for link in publication["links"] if link["rel"] == ACQUISITION]
        assert types == [kind for _suffix, kind in EBOOKS]
        for image in publication["images"]:
            with Image.open(site.local(image["href"])) as picture:
                assert picture.size == (image["width"], image["height"])
