"""Ace by DAISY finds nothing in any EPUB: plain and learner, of both titles.

Ace (npm @daisy/ace-cli, installed into .tools/ by `make ace`, a step of `make test`) checks
the package metadata and runs axe-core over every content document in a real Chromium; its
JSON report lists each violation with its impact (minor, moderate, serious, critical). Any
violation of any impact fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from pipeline.cache import Cache
from pipeline.renderers.base import BuildContext
from pipeline.renderers.epub import EpubRenderer, LearnerEpubRenderer
from tests.conftest import ROOT
from tests.renderers.epubtools import Book

pytestmark = pytest.mark.slow

ACE = ROOT / ".tools" / "node_modules" / ".bin" / "ace-cli"
CHROMIUM = "/usr/bin/chromium"
# (title fixture, learner edition, options): both editions of the small title, the first title's
# plain edition, and the learner book's tone colours (coloured text must keep its contrast). The
# first title's learner edition is made of the same page kinds as the small title's, and Ace took
# 85 s over it on a slow 2-core machine, a tenth of the suite's time budget on one worker.
BOOKS = [("test_title", False, {}), ("test_title", True, {}), ("first_title", False, {}),
         ("test_title", True, {"tone_colors": True})]


@pytest.fixture(scope="module")
def cache(shared_cache) -> Cache:
    return shared_cache  # (tests/conftest.py: the books test_epub and the learner tests build, built once a run)


def violations(report: dict) -> list[str]:
    """Every failed assertion of an Ace report, as 'impact rule document: description (where)'."""
    found = []
    for subject in report["assertions"]:
        for assertion in subject.get("assertions", []):
            if assertion["earl:result"]["earl:outcome"] != "fail":
                continue
            test, result = assertion["earl:test"], assertion["earl:result"]
            where = (result.get("earl:pointer") or {}).get("css") or ""
            found.append(f"{test['earl:impact']} {test['dct:title']} {subject['earl:testSubject']['url']}: "
                         f"{result['dct:description']} {where}".strip())
    return found


def run_ace(epub: Path, out: Path) -> dict:
    if not ACE.exists():
        pytest.fail(f"Ace by DAISY is not installed at {ACE}: run 'make ace' (a step of 'make test')")
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_EXECUTABLE_PATH": CHROMIUM}
    # -T: per-document time limit (ms), generous for a loaded 2-core machine.
    command = [str(ACE), "--silent", "--force", "-T", "900000", "-o", str(out / "report"),
               "-t", str(out / "tmp"), str(epub)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    report = out / "report" / "report.json"
    assert result.returncode == 0 and report.exists(), result.stdout + result.stderr
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize("title, learner, options", BOOKS,
                         ids=["-".join([t, *(["learner"] if l else []), *o]) for t, l, o in BOOKS])
def test_ace_reports_no_violation(request, title: str, learner: bool, options: dict, cache: Cache,
                                  tmp_path: Path) -> None:
    doc = request.getfixturevalue(title)
    ctx = BuildContext(out_dir=tmp_path / "out", cache=cache, styles_dir=ROOT / "pipeline" / "styles",
                       options=options, log=lambda message: None)
    (epub,) = (LearnerEpubRenderer() if learner else EpubRenderer()).build(doc, ctx)
    report = run_ace(epub, tmp_path)
    # Ace looked at the whole book: the package document and every document of the spine.
    checked = {subject["earl:testSubject"]["url"] for subject in report["assertions"]}
    assert any(url.endswith(".opf") for url in checked)
    assert set(Book.open(epub).spine()) <= checked, checked
    assert violations(report) == []
    assert report["earl:result"]["earl:outcome"] == "pass"
