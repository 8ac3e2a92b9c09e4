"""Which word shape keeps the learner PDF calmer: syllables condensed (down to 80 %) before a
word's pitch widens, or the pitch widened only ("spread")? Measured on the real PDFs.

    python benchmarks/word_shapes.py [--image docs/learner-word-shapes.png]

Builds the learner PDF of both bundled titles both ways (and the learner EPUB once, whose
words are the yardstick), reads the glyph positions back with pdfminer
(`tests/renderers/wordgeometry.py`, the same measurements as the tests) and writes
benchmarks/WORD-SHAPES.md; with --image it also sets one page showing the same passage both
ways and renders it with pdftoppm.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.build import prepare  # noqa: E402
from pipeline.cache import Cache  # noqa: E402
from pipeline.reader import read_source  # noqa: E402
from pipeline.renderers.base import BuildContext  # noqa: E402
from pipeline.renderers.epub import LearnerEpubRenderer  # noqa: E402
from pipeline.renderers.pdf import LearnerPdfRenderer, render_pdf, stylesheets  # noqa: E402
from pipeline.renderers.pinyinhtml import learner_text  # noqa: E402
from pipeline.renderers.pinyinglyphs import PX, Face  # noqa: E402
from tests.renderers.epubtools import Book  # noqa: E402
from tests.renderers.pdftools import pages  # noqa: E402
from tests.renderers.wordgeometry import Measures, body_pages, measure  # noqa: E402

TITLES = {"sora-reactions": ROOT / "source" / "sora-reactions.md",
          "test-title": ROOT / "tests" / "fixtures" / "test-title.md"}
SHAPES = {"condense": 0.8, "spread": 1.0}
STYLES = ROOT / "pipeline" / "styles"
RESULTS = ROOT / "benchmarks" / "WORD-SHAPES.md"
BODY_PITCH = 0.02  # em: a pitch within this of one em is the body pitch


def condensed(found: Measures, pinyin: Face) -> list[float]:
    """Each syllable's drawn width over its natural width (pt)."""
    return [(x1 - x0) / (pinyin.width(text) / PX) for text, x0, x1 in found.syllables]


def metrics(found: Measures, pinyin: Face, page_count: int) -> dict[str, str]:
    pitches = [p for _word, values in found.word_pitches for p in values]
    even = [all(abs(p - 1) <= BODY_PITCH for p in values) for _word, values in found.word_pitches]
    scales = condensed(found, pinyin)
    return {
        "pages": str(page_count),
        "words of 2+ characters measured": str(len(found.word_pitches)),
        "words at the body pitch (1 em ± 2 %)": f"{100 * sum(even) / len(even):.1f} %",
        "in-word pitch, standard deviation": f"{statistics.pstdev(pitches):.3f} em",
        "widest in-word gap": f"{max(found.in_word_gaps):.3f} em",
        "word space (each line's least), mean": f"{statistics.mean(found.row_spaces):.3f} em",
        "word space, standard deviation over lines": f"{statistics.pstdev(found.row_spaces):.3f} em",
        "syllables condensed (< 98 %)": f"{100 * sum(s < 0.98 for s in scales) / len(scales):.1f} %",
        "narrowest syllable": f"{100 * min(scales):.0f} %",
        "test violations (pitch, gaps, overlaps)": str(len(found.violations) + len(found.overlaps)),
    }


def build(work: Path, cache: Cache) -> dict[str, dict[str, dict[str, str]]]:
    results: dict[str, dict[str, dict[str, str]]] = {}
    for name, source in TITLES.items():
        doc = prepare(read_source(source))
        epub_ctx = BuildContext(out_dir=work / name, cache=cache, styles_dir=STYLES, log=lambda m: None)
        (epub,) = LearnerEpubRenderer().build(doc, epub_ctx)
        results[name] = {}
        for shape, ratio in SHAPES.items():
            ctx = BuildContext(out_dir=work / name / shape, cache=cache, styles_dir=STYLES,
                               options={"condense": ratio}, log=lambda m: None)
            (pdf,) = LearnerPdfRenderer().build(doc, ctx)
            found = measure(pdf, epub, body_pages(pdf))
            text = learner_text(doc, STYLES, STYLES / "pdf-paper-a5.css", False, cache)
            results[name][shape] = metrics(found, text.styles["text"].pinyin, len(pages(pdf)))
            print(f"{name} {shape}: {results[name][shape]}", flush=True)
    return results


def report(results: dict[str, dict[str, dict[str, str]]]) -> str:
    lines = ["# Word shapes in the learner PDF: condense or spread", "",
             f"Produced by `python benchmarks/word_shapes.py` on {time.strftime('%Y-%m-%d')}. Both ways "
             "set a word's characters at one even pitch and one word space per line; they differ where two "
             "syllables of a word are wider than their characters. *condense*: both syllables narrow (to 80 % "
             "at most) before the pitch widens; *spread*: the pitch widens. Measured on the built PDFs "
             "(pdfminer), words as the learner EPUB groups them.", ""]
    for name, shapes in results.items():
        lines += [f"## {name}", "", "| | " + " | ".join(shapes) + " |", "|---|" + "---|" * len(shapes)]
        for key in next(iter(shapes.values())):
            lines.append(f"| {key} | " + " | ".join(values[key] for values in shapes.values()) + " |")
        lines.append("")
    lines += ["Calmer is fewer words off the body pitch and steadier word spaces: condensing keeps nearly "
              "every word at one em and its lines' word spaces closer together, at the cost of a small share "
              "of syllables drawn narrower (never below 80 %). The learner PDF condenses "
              "(`--learner-condense: 80%` in `pipeline/styles/pdf-learner.css`).", ""]
    return "\n".join(lines)


def passage(doc) -> list:  # type: ignore[no-untyped-def]
    """Two paragraphs of the first title with the most syllables wider than their character."""
    text = learner_text(doc, STYLES, STYLES / "pdf-paper-a5.css", False)
    pinyin = text.styles["text"].pinyin
    em = text.styles["text"].text.size_px

    def crowded(paragraph) -> int:  # type: ignore[no-untyped-def]
        return sum(1 for span in paragraph.spans for token in text.tokens(span.text) if token.pinyin
                   for syllable in token.pinyin if pinyin.width(syllable) > em)

    candidates = [p for p in doc.paragraphs() if 45 <= sum(len(s.text) for s in p.spans) <= 75]
    return sorted(candidates, key=crowded, reverse=True)[:1]


def image(target: Path, work: Path, cache: Cache) -> None:
    """One page: the same passage condensed (above) and spread (below), rendered to PNG."""
    doc = prepare(read_source(TITLES["sora-reactions"]))
    chosen = passage(doc)
    parts = []
    for shape, ratio in SHAPES.items():
        text = learner_text(doc, STYLES, STYLES / "pdf-paper-a5.css", False, cache, condense=ratio)
        label = {"condense": "A　拼音压缩（至 80%），字距不变", "spread": "B　字距加宽，拼音不压缩"}[shape]
        parts.append(f'<h2 class="shape-label">{label}</h2>'
                     + "".join(f"<p>{text.paragraph(p)}</p>" for p in chosen))
    html = ('<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><style>/*FONTS*/'
            '.shape-label { font: 9pt "Noto Sans SC", sans-serif; color: #a8322d; margin: 1.2em 0 0.6em; }'
            '@page { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; }'
            ' @bottom-right { content: none; } }'
            '</style></head><body class="learner">' + "".join(parts) + "</body></html>")
    ctx = BuildContext(out_dir=work, cache=cache, styles_dir=STYLES, log=lambda m: None)
    pdf = work / "shapes.pdf"
    pdf.write_bytes(render_pdf(html, stylesheets(ctx, extra=("pdf-learner.css",)), doc, ctx))
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm (Debian's poppler-utils) is needed to render the image")
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf),
                    str(target.with_suffix(""))], check=True)
    from PIL import Image, ImageOps  # Pillow comes with WeasyPrint

    with Image.open(target) as page:
        box = ImageOps.invert(page.convert("L")).getbbox()
        margin = 40
        page.crop((box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin)).save(target)
    print(f"wrote {target}")


def pictures(docs: Path, work: Path, cache: Cache) -> None:
    """The README's learner pictures from the first title: PDF pages (title, the article's first
    page, the answer page the word-shape issue was filed on, the vocabulary) and an EPUB chapter
    in Chromium, with tone colours."""
    from tests.renderers import browser

    doc = prepare(read_source(TITLES["sora-reactions"]))
    ctx = BuildContext(out_dir=work / "pictures", cache=cache, styles_dir=STYLES, options={"tone_colors": True},
                       log=lambda m: None)
    (pdf,) = LearnerPdfRenderer().build(doc, ctx)
    found = pages(pdf)

    def first(needle: str) -> int:
        return next(p.number for p in found if any(needle in line.text.replace(" ", "") for line in p.lines)) + 1

    wanted = {"title": first("拼音学习版"), "article": body_pages(pdf)[0] + 1, "qa": first("首选"),
              "vocabulary": first("以下是本书中")}
    for name, number in wanted.items():
        target = docs / f"pdf-learner-{name}"
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", str(number), "-l", str(number), str(pdf),
                        str(target)], check=True)
        print(f"wrote {target}.png (page {number})")
    (epub,) = LearnerEpubRenderer().build(doc, ctx)
    book_pages = [href for href in Book.open(epub).spine() if href.startswith("chapter")]
    with browser.reader(epub) as reader:
        reader.open(book_pages[4], 800, 16, height=1100)
        reader.screenshot(docs / "epub-learner-chapter.png")
    print(f"wrote {docs / 'epub-learner-chapter.png'} ({book_pages[4]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--image", type=Path, help="also write the comparison page as PNG here")
    parser.add_argument("--no-measure", action="store_true", help="only the image")
    parser.add_argument("--pictures", type=Path, help="also write the README's learner pictures into this folder")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="word-shapes-"))
    try:
        cache = Cache(work / "cache")
        if not options.no_measure:
            options.output.write_text(report(build(work, cache)), encoding="utf-8")
            print(f"wrote {options.output}")
        if options.image:
            image(options.image, work, cache)
        if options.pictures:
            pictures(options.pictures, work, cache)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
