"""What benchmarks/typst_learner.py checks on the PDF Typst made: the repo's word-geometry measures,
pdfminer's reading order, the fonts (pdffonts) and pages beside the WeasyPrint edition's (pdftoppm)."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def geometry(pdf: Path, work: Path, source: Path) -> dict[str, object]:
    """The repo's word-geometry measures (tests/renderers/wordgeometry.py) on the Typst body,
    against the learner EPUB's words."""
    from pipeline.build import prepare
    from pipeline.cache import Cache
    from pipeline.reader import read_source
    from pipeline.renderers.base import BuildContext
    from pipeline.renderers.epub import LearnerEpubRenderer
    from tests.renderers.pdftools import pages
    from tests.renderers.wordgeometry import measure

    epub = work / "epub" / f"{read_source(source).meta.slug}-learner.epub"
    if not epub.exists():
        ctx = BuildContext(out_dir=work / "epub", cache=Cache(work / "epub-cache"), styles_dir=ROOT / "pipeline" / "styles",
                           log=lambda m: None)
        (epub,) = LearnerEpubRenderer().build(prepare(read_source(source)), ctx)
    count = len(pages(pdf))
    found = measure(pdf, epub, list(range(count)))
    pitches = [p for _w, values in found.word_pitches for p in values]
    return {
        "pages": count, "rows matched": found.rows, "rows unmatched": len(found.unmatched),
        "unmatched examples": found.unmatched[:3],
        "words of 2+ characters": len(found.word_pitches),
        "in-word pitch sd (em)": round(statistics.pstdev(pitches), 3) if pitches else None,
        "widest in-word gap (em)": round(max(found.in_word_gaps), 3) if found.in_word_gaps else None,
        "row least word space mean (em)": round(statistics.mean(found.row_spaces), 3) if found.row_spaces else None,
        "word space sd over all spaces (em)": round(statistics.pstdev(found.word_spaces), 3) if found.word_spaces else None,
        "violations (pitch, gaps)": len(found.violations), "violation examples": found.violations[:3],
        "overlaps": len(found.overlaps), "overlap examples": found.overlaps[:3],
    }


def reading_order(pdf: Path, doc_source: Path) -> dict[str, object]:
    """Does pdfminer's extract_text give the Han in reading order? The Han of each page, in the
    order extracted, found in the book's Han text?"""
    from pdfminer.high_level import extract_text

    from pipeline.pinyin_syllables import is_han
    from pipeline.build import prepare
    from pipeline.reader import read_source

    doc = prepare(read_source(doc_source))
    texts = []  # the body's text in reading order: titles, labels, paragraphs
    for section in doc.sections:
        texts += [doc.meta.title, doc.meta.subtitle or ""] if section.kind == "article" else [section.title or ""]
        texts += [s.text for p in section.paragraphs for s in p.spans]
        for answer in section.answers:
            texts += [answer.label] + [s.text for p in answer.paragraphs for s in p.spans]
    book = "".join(c for text in texts for c in text if is_han(c))
    result: dict[str, object] = {}
    for number in (2, 10, 30):
        text = extract_text(str(pdf), page_numbers=[number])
        han = "".join(c for c in text if is_han(c))
        lines = [line for line in text.splitlines() if any(is_han(c) for c in line)]
        result[f"page {number + 1}"] = {
            "Han characters": len(han), "the page's Han in reading order": han in book,
            "Han per extracted line": round(len(han) / max(1, len(lines)), 1),
            "pinyin before its Han row": text.find(next((c for c in text if is_han(c)), "")) > 0}
    return result


def fonts_report(pdf: Path) -> str:
    if shutil.which("pdffonts") is None:
        return "pdffonts not installed"
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout


def images(typst_pdf: Path, weasy_pdf: Path, target_dir: Path, pages_typst: list[int], pages_weasy: list[int]) -> list[Path]:
    """Pages rendered at 80 dpi, side by side (Typst left, WeasyPrint right)."""
    from PIL import Image

    made = []
    for a, b in zip(pages_typst, pages_weasy):
        files = []
        for pdf, page, name in ((typst_pdf, a, "typst"), (weasy_pdf, b, "weasy")):
            stem = target_dir / f"{name}-{page}"
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                            str(stem)], check=True)
            files.append(stem.with_suffix(".png"))
        left, right = Image.open(files[0]), Image.open(files[1])
        both = Image.new("RGB", (left.width + right.width + 10, max(left.height, right.height)), "white")
        both.paste(left, (0, 0))
        both.paste(right, (left.width + 10, 0))
        out = target_dir / f"side-by-side-{a}-{b}.png"
        both.save(out, optimize=True)
        made.append(out)
    return made
