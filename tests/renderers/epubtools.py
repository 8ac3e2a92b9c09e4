"""Reading a built EPUB back for the tests: spine order, page trees, shown text."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "ncx": "http://www.daisy.org/z3986/2005/ncx/"}
XHTML = "{http://www.w3.org/1999/xhtml}"
HIDDEN_TEXT = {f"{XHTML}rt", f"{XHTML}rp", f"{XHTML}title", f"{XHTML}head"}


@dataclass
class Book:
    zip: zipfile.ZipFile
    opf_path: str
    opf: etree._Element

    @classmethod
    def open(cls, path: Path) -> Book:
        archive = zipfile.ZipFile(path)
        container = etree.fromstring(archive.read("META-INF/container.xml"))
        opf_path = container.find(".//{*}rootfile").get("full-path")
        return cls(archive, opf_path, etree.fromstring(archive.read(opf_path)))

    def path(self, href: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.opf_path), href))

    def spine(self) -> list[str]:
        """Hrefs of the spine's documents, in reading order."""
        items = {i.get("id"): i.get("href") for i in self.opf.iterfind("opf:manifest/opf:item", NS)}
        return [items[ref.get("idref")] for ref in self.opf.iterfind("opf:spine/opf:itemref", NS)]

    def tree(self, href: str) -> etree._Element:
        return etree.fromstring(self.zip.read(self.path(href.partition("#")[0])))

    def meta(self, prop: str) -> list[str]:
        return [m.text for m in self.opf.iterfind(f"opf:metadata/opf:meta[@property='{prop}']", NS)]


def shown_text(element: etree._Element, skip: tuple[str, ...] = ()) -> str:
    """The text a reader sees in `element`: without ruby annotations (rt/rp), without `skip` classes."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.tag not in HIDDEN_TEXT and not set((node.get("class") or "").split()) & set(skip):
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

    body = element.find(f"{XHTML}body")
    walk(body if body is not None else element)
    return "".join(parts)
