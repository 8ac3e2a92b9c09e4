"""`sitemap.xml` (sitemaps.org 0.9): the catalogue page and every title's page under the site's
base URL, each with the day it last changed, so a search engine finds a new title without
following links, and fetches again only the pages that changed."""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

from pipeline.site import layout
from pipeline.site.catalogue import Title
from pipeline.site.show import Show

SITEMAP = "sitemap.xml"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
S = ElementMaker(namespace=NAMESPACE, nsmap={None: NAMESPACE})


def sitemap(show: Show, titles: list[Title]) -> bytes:
    """The site's pages, the catalogue first (it changes with its newest title), then each
    title's, in the catalogue's order; `lastmod` is a W3C date (the day, UTC)."""
    urls = [S.url(S.loc(show.url(layout.PAGE)), S.lastmod(max(t.changed for t in titles).date().isoformat()))]
    urls += [S.url(S.loc(show.url(t.slug, layout.PAGE)), S.lastmod(t.changed.date().isoformat())) for t in titles]
    return etree.tostring(S.urlset(*urls), xml_declaration=True, encoding="UTF-8", pretty_print=True)
