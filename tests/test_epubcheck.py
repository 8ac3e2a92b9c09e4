"""EPUBCheck run on several books by one JVM gives each book the report a run of its own gives."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.epubcheck import run_epubcheck, run_epubchecks

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""
PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="zh">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:3f0c1d9e-8a51-4b0e-9d35-6c1b7f1e2a40</dc:identifier>
    <dc:title>小书</dc:title><dc:language>zh</dc:language>
    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="text" href="text.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="text"/></spine>
</package>"""
PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="zh" xml:lang="zh">
<head><title>小书</title></head><body>{body}</body></html>"""
NAV = '<nav epub:type="toc"><ol><li><a href="text.xhtml">正文</a></li></ol></nav>'


def book(path: Path, text: str) -> Path:
    with zipfile.ZipFile(path, "w") as epub:
        epub.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        epub.writestr("META-INF/container.xml", CONTAINER)
        epub.writestr("EPUB/package.opf", PACKAGE)
        epub.writestr("EPUB/nav.xhtml", PAGE.format(body=NAV))
        epub.writestr("EPUB/text.xhtml", PAGE.format(body=text))
    return path


@pytest.mark.slow
def test_one_jvm_gives_each_book_its_own_report(tmp_path: Path) -> None:
    good = book(tmp_path / "good.epub", "<p>一句话。</p>")
    bad = book(tmp_path / "bad.epub", "<p><div>块在段里。</div></p>")
    not_a_book = tmp_path / "not-a-book.epub"
    not_a_book.write_bytes(b"hello")
    reports = run_epubchecks([good, bad, not_a_book, good])
    assert reports[0].clean and reports[3] == reports[0]
    assert reports[1].errors > 0 and all("text.xhtml" in m.where for m in reports[1].messages if m.severity == "ERROR")
    assert reports[2].fatals > 0
    assert reports[1] == run_epubcheck(bad)  # what a run of its own says, message for message


def test_a_runtime_that_cannot_launch_the_batch_checks_each_book_alone(tmp_path: Path) -> None:
    """A Java without its compiler module cannot run the batch's source file: each book then gets
    a run of its own (a stand-in `java` that reports the name of the book it was given)."""
    java = tmp_path / "java"
    java.write_text("#!/bin/sh\n"
                    'case "$*" in *EpubCheckBatch.java*) echo "no compiler" >&2; exit 1;; esac\n'
                    'book=$(printf "%s\\n" "$@" | grep "\\.epub$")\n'
                    'printf \'{"checker": {"nFatal": 0, "nError": 1, "nWarning": 0}, "messages": '
                    '[{"severity": "ERROR", "ID": "X", "message": "%s", "locations": []}]}\' "$book"\n',
                    encoding="utf-8")
    java.chmod(0o755)
    books = [tmp_path / "a.epub", tmp_path / "b.epub"]
    reports = run_epubchecks(books, java=str(java))
    assert [report.messages[0].text for report in reports] == [str(b) for b in books]
