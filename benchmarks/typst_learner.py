"""Spike for issue 14, item 4: would Typst, as a second layout engine, set the learner PDF's
body within the targets (<= 4 s cold, <= 2 s after a one-answer edit) with the same word shapes?

    python benchmarks/typst_learner.py [--runs 3] [--pipelined] [--our-lines] [--weasy OUTPUT/sora-reactions-learner.pdf]
                                       [--images DIR] [--keep PDF] [--source source/sora-reactions.md]

Prints its measures as JSON (results: benchmarks/RESULTS.md, "Typst spike"; the checks on the PDF
are in typst_learner_checks.py beside it). --weasy names the
WeasyPrint learner PDF of the same title (a `publish pdf --learner` in a copy of the project), for
the page count and, with --images, two pages of each side by side (pdftoppm, 80 dpi).

What it sets: the learner edition's BODY (the article, every question with its answers and
speaker labels, the closing chapter, the editor's notes), from the same reader, passes and word
grouping as `publish pdf --learner` (`pipeline.renderers.pinyinhtml.LearnerText`: the pinyin
pass's words and readings, `pinyinglyphs.glyphs`: each word's even pitch and condensed
syllables), on the same page, margins, faces and sizes (`pdf-learner.css`, the paper's sheet).
Not set: cover, title and copyright pages, contents, vocabulary, name index, running heads,
links, bookmarks (see benchmarks/RESULTS.md, "Typst spike").

How it is set: each unbreakable run of the layout's glyphs (a word, with the marks glued to it)
is a Typst `box` holding its characters at the word's pitch and its syllables centred above
them (`place`, condensed with `scale(x: …)` where the word shape condenses them); Typst breaks
and justifies the lines, stretching the spaces between the boxes. Where two words' syllables
would come closer than the gap, they are condensed as the layout condenses them at a word
boundary (`wordshape.condense_pair`), and what is still missing widens that one word space
(Typst has no per-line word space to grow, as `pinyinlayout` does), and a paragraph holding a
word of widened pitch gets word spaces wider than its gaps. With --our-lines, `pinyinlayout`
breaks and places the lines as the learner PDF does today, and Typst only stacks them into pages.

Each part (chapter) is a Typst document of its own, compiled in-process (`typst.Compiler`,
which keeps its fonts between parts; with --pipelined on a thread, while the next part's markup
is made) and cached by content, so an edit compiles one part; the parts are joined by the repo's
`pdfmerge.merge` (Typst writes tagged PDFs, as it needs). One more run also compiles the whole body as
one document, for the compile alone.

Timing: each run is a fresh process (`--child`), as `publish` is: imports, reading, passes,
markup, compile, merge, write. Wall clock and CPU (user + system of the child, all threads).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

T0 = time.perf_counter()
C0 = time.process_time()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TITLE = ROOT / "source" / "sora-reactions.md"
HERE = Path(__file__).resolve()
EM_BOX = 1.45  # the Noto CJK faces' ascender + descender (hhea), in ems: where a placed glyph's frame sits
DESCENT = 0.288  # their descender, in ems: a box's bottom sits that far below the line's baseline
# role → (pt above each line, pinyin row, Han row) as line-heights: pdf-learner.css `.set-ROLE .ln/.hz`
ROWS = {
    "text": (4.0, 1.25, 1.3), "quote": (4.0, 1.25, 1.3), "subhead": (8.0, 1.25, 1.3),
    "title": (0.0, 1.2, 1.3), "heading": (3.0, 1.2, 1.3), "dek": (2.0, 1.2, 1.3), "label": (2.0, 1.2, 1.3),
}
SERIF, SANS = "Noto Serif SC", "Noto Sans SC"
OUR_LINES = False  # --our-lines: `pinyinlayout` breaks and places the lines, Typst only paginates
# An opening mark drawn alone (`place`) starts a line as far as Typst knows, and Typst trims the
# blank left half of a full-width opening mark at a line's start: it is drawn half an em further
# right to stand where the layout put it (seen on 「（“‘《 alike; without this, "“ 但是")

PREAMBLE = r"""
#set page(width: 148mm, height: 210mm, margin: (top: 20mm, bottom: 23mm, inside: 19mm, outside: 23.1mm),
  numbering: "1", number-align: center + bottom)
#set text(font: "Noto Serif SC", size: 15pt, lang: "zh", region: "cn", kerning: false, ligatures: false,
  top-edge: "ascender", bottom-edge: "descender", spacing: WORDSPACEpt, fill: rgb("#111111"))
#set par(justify: true, spacing: 0pt, first-line-indent: 0pt)
#set document(title: "TITLE")
#let u(w, h, b, body) = box(width: w * 1pt, height: h * 1pt, baseline: b * 1pt, body)
#let c(x, y, s) = place(dx: x * 1pt, dy: y * 1pt, s)
#let o(x, y, s) = place(dx: x * 1pt, dy: y * 1pt, text(font: "OTHER", s))
#let k(x, y, s) = place(dx: x * 1pt, dy: y * 1pt, text(features: ("halt",), s))
#let p(x, y, z, s) = place(dx: x * 1pt, dy: y * 1pt, text(font: "Noto Sans SC", size: z * 1pt, fill: rgb("#444444"), s))
#let q(x, y, z, f, s) = place(dx: x * 1pt, dy: y * 1pt, scale(x: f * 100%, origin: left + top, reflow: false,
  text(font: "Noto Sans SC", size: z * 1pt, fill: rgb("#444444"), s)))
"""


def quoted(value: str) -> str:
    """A Typst string literal."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def make_setter(doc, cache):  # type: ignore[no-untyped-def]
    """A `LearnerText` whose blocks come out as Typst markup: the same runs, words and readings
    as the learner PDF's (`paragraph`, `phrase`, `label` are the edition's own)."""
    from pipeline.renderers.cjktype import OPENING, needs_space
    from pipeline.renderers.pdf import paper_stylesheet
    from pipeline.renderers.base import BuildContext
    from pipeline.renderers.pinyinglyphs import PX, glyphs
    from pipeline.renderers.pinyinhtml import DEPTH_STEP, LearnerText, LearnerType
    from pipeline.renderers.pinyinlayout import IN_WORD, WORD_SPACE, break_lines, clearance, kind
    from pipeline.renderers.wordshape import condense_pair

    styles_dir = ROOT / "pipeline" / "styles"
    paper = paper_stylesheet(BuildContext(out_dir=Path("."), cache=cache, styles_dir=styles_dir))

    class TypstText(LearnerText):
        stats = {"units": 0, "glyphs": 0, "boundary_extra": 0, "wider_paragraphs": 0}

        def _block(self, runs, role, depth=0):  # type: ignore[no-untyped-def,override]
            style = self.styles[role] if not depth else self.kind.style(role, depth)
            words = [(text, css, self.words(text) if chinese else [(text, None)], href, lang)
                     for text, css, chinese, href, lang in runs]
            items = glyphs(words, style)
            if OUR_LINES:
                return self._lines(items, style, role, depth)
            scales = [g.scale for g in items]
            units: list[list[tuple[int, float]]] = []  # (glyph index, x px)
            seps: list[str] = []
            extra: dict[int, float] = {}  # unit → px added after it (a wider word space)
            x = 0.0
            for i, glyph in enumerate(items):
                split = False
                if i:
                    a = items[i - 1]
                    how = kind(a, glyph)
                    # a word space (or a space in the text) is always a Typst space, which justifying
                    # stretches; where no line may start, a non-breaking one (~)
                    split = glyph.breakable or how == WORD_SPACE or glyph.space_before
                if i and not split:
                    x += (a.inner if how == IN_WORD
                          else style.text.size_px / 4 if needs_space(a.text[-1], glyph.text[0]) else 0.0)
                elif i:
                    if how == WORD_SPACE or glyph.space_before:
                        seps.append(" " if glyph.breakable else "~")
                        if how == WORD_SPACE and a.syllable and glyph.syllable:
                            need = clearance(a, glyph, scales[i - 1], scales[i], style)
                            if need > style.word_space_min:
                                wa, wb = a.syllable_width * scales[i - 1], glyph.syllable_width * scales[i]
                                wa, wb = condense_pair(wa, wb, max(0.0, wa - a.syllable_width * style.condense),
                                                       max(0.0, wb - glyph.syllable_width * style.condense),
                                                       need - style.word_space_min)
                                scales[i - 1], scales[i] = wa / a.syllable_width, wb / glyph.syllable_width
                                more = clearance(a, glyph, scales[i - 1], scales[i], style) - style.word_space_min
                                if more > 0.01:
                                    extra[len(units) - 1] = more
                    else:
                        gap = style.text.size_px / 4 if needs_space(a.text[-1], glyph.text[0]) else 0.0
                        seps.append(f"#h({n(gap / PX)}pt)#sym.zws" if gap else "#sym.zws")
                    x = 0.0
                if not i or split:
                    units.append([])
                units[-1].append((i, x))
                x += glyph.width
            pad, pinyin_row, han_row = ROWS[role]
            py_size, size = style.pinyin.size_px / PX, style.text.size_px / PX
            pinyin_h, han_h = py_size * pinyin_row, size * han_row
            py_y = pad + (pinyin_h - py_size * EM_BOX) / 2  # (the pad above the line is in the box,
            han_y = pad + pinyin_h + (han_h - size * EM_BOX) / 2  # as WeasyPrint's padding-top is in the line)
            height, base = pad + pinyin_h + han_h, size * DESCENT
            out = []
            for number, unit in enumerate(units):
                parts = []
                for i, ux in unit:  # the characters first, then their syllables: pdfminer joins only
                    glyph = items[i]  # glyphs that follow each other in the page's content into a line
                    call = "k" if glyph.css == "halt" else "o" if glyph.css in ("aside", "em") else "c"
                    at = ux + style.face(glyph.css).size_px / 2 if glyph.text in OPENING and glyph.css != "halt" else ux
                    parts.append(f"#{call}({n(at / PX)},{n(han_y)},{quoted(glyph.text)})")
                for i, ux in unit:
                    glyph = items[i]
                    if glyph.syllable:
                        drawn = glyph.syllable_width * scales[i]
                        left = (ux + glyph.width / 2 - drawn / 2) / PX
                        if scales[i] < 0.995:
                            parts.append(f"#q({n(left)},{n(py_y)},{n(py_size)},{scales[i]:.3f},{quoted(glyph.syllable)})")
                        else:
                            parts.append(f"#p({n(left)},{n(py_y)},{n(py_size)},{quoted(glyph.syllable)})")
                last, lx = unit[-1]
                width = (lx + items[last].width + extra.get(number, 0.0)) / PX
                out.append(f"#u({n(width)},{n(height)},{n(base)})[{''.join(parts)}]")
                if number < len(seps):
                    out.append(seps[number])
            TypstText.stats["units"] += len(units)
            TypstText.stats["glyphs"] += len(items)
            TypstText.stats["boundary_extra"] += len(extra)
            left_edge = (style.edge + depth * DEPTH_STEP * self.kind.sizes["text"]) / PX
            indent = f"#h({n(style.indent / PX)}pt)" if style.indent else ""
            face = SANS if "Sans" in style.text.path.name else SERIF
            other = SERIF if face == SANS else SANS
            # A word space wider than the widest gap inside a word (a widened pitch): `pinyinlayout`
            # widens the word spaces of that word's line; Typst has no hook per line, so here those
            # of its paragraph
            widest = max((g.inner for g in items), default=0.0)
            space = max(style.word_space, widest + style.word_margin) if widest > 0 else style.word_space
            TypstText.stats["wider_paragraphs"] += space > style.word_space
            return (f"#block(inset: (left: {n(left_edge)}pt, right: {n(style.edge / PX)}pt), above: 0pt, "
                    f"below: 0pt)[#set text(font: {quoted(face)}, size: {n(size)}pt, spacing: "
                    f"{n(space / PX)}pt);#set par(justify: {str(style.justify).lower()}, leading: 0pt);"
                    f"#let o(x, y, s) = place(dx: x * 1pt, dy: y * 1pt, text(font: {quoted(other)}, s))\n"
                    + indent + "".join(out) + "\n]\n")

        def _lines(self, items, style, role, depth):  # type: ignore[no-untyped-def]
            """--our-lines: the lines broken and placed by `pinyinlayout` (as the learner PDF sets
            them); Typst only stacks them into pages. Each line's characters are drawn before its
            syllables, so that pdfminer reads them as one line."""
            pad, pinyin_row, han_row = ROWS[role]
            py_size, size = style.pinyin.size_px / PX, style.text.size_px / PX
            pinyin_h, han_h = py_size * pinyin_row, size * han_row
            py_y = pad + (pinyin_h - py_size * EM_BOX) / 2
            han_y = pad + pinyin_h + (han_h - size * EM_BOX) / 2
            out = []
            for line in break_lines(items, style):
                han, syllables = [], []
                for glyph, x, scale in zip(line.glyphs, line.x, line.scales):
                    call = "k" if glyph.css == "halt" else "o" if glyph.css in ("aside", "em") else "c"
                    at = x + style.face(glyph.css).size_px / 2 if glyph.text in OPENING and glyph.css != "halt" else x
                    han.append(f"#{call}({n(at / PX)},{n(han_y)},{quoted(glyph.text)})")
                    if glyph.syllable:
                        drawn = glyph.syllable_width * scale
                        left = (x + glyph.width / 2 - drawn / 2) / PX
                        syllables.append(f"#q({n(left)},{n(py_y)},{n(py_size)},{scale:.3f},{quoted(glyph.syllable)})"
                                         if scale < 0.995 else f"#p({n(left)},{n(py_y)},{n(py_size)},{quoted(glyph.syllable)})")
                out.append(f"#block(height: {n(pad + pinyin_h + han_h)}pt, above: 0pt, below: 0pt)[{''.join(han + syllables)}]")
                TypstText.stats["glyphs"] += len(line.glyphs)
                TypstText.stats["units"] += 1
            left_edge = (style.edge + depth * DEPTH_STEP * self.kind.sizes["text"]) / PX
            face = SANS if "Sans" in style.text.path.name else SERIF
            other = SERIF if face == SANS else SANS
            return (f"#block(inset: (left: {n(left_edge)}pt), above: 0pt, below: 0pt)[#set text(font: {quoted(face)}, "
                    f"size: {n(size)}pt);#let o(x, y, s) = place(dx: x * 1pt, dy: y * 1pt, text(font: {quoted(other)}, s))\n"
                    + "\n".join(out) + "\n]\n")

    kind_ = LearnerType.read(styles_dir, paper)
    return TypstText(doc, kind_, False, cache)


def part_markup(part, doc, setter, number: int) -> str:  # type: ignore[no-untyped-def]
    """One part of the book (`pdfbook.BookPart`) as Typst: the opener, then the text."""
    from pipeline.furniture import interface
    from pipeline.renderers.pdfbook import title_size

    out = ["#pagebreak(weak: true, to: \"odd\")\n" if any(s.kind == "article" for s in part.sections)
           else "#pagebreak(weak: true)\n"]
    questions = part.questions_before
    for section in part.sections:
        if section.kind == "article":
            meta = doc.meta
            out.append("#v(14.8mm)\n" + setter.phrase(meta.title, title_size(meta.title)[1]))
            if meta.subtitle:
                out.append("#v(6pt)\n" + setter.phrase(meta.subtitle, "dek"))
            out.append(f"#v(14pt)#text(font: \"{SANS}\", size: 8.5pt, fill: rgb(\"#555555\"), {quoted('　'.join(meta.authors))})\n#v(22pt)\n")
            out += [setter.paragraph(p) for p in section.paragraphs]
        elif section.kind in ("question", "closing"):
            questions += section.kind == "question"
            mark = (f"#text(font: \"{SANS}\", size: 20pt, fill: rgb(\"#999999\"))[{questions:02d}]\n#v(4pt)\n"
                    if section.kind == "question" else "#line(length: 20pt, stroke: 1.5pt + rgb(\"#999999\"))\n#v(12pt)\n")
            out.append("#v(14.8mm)\n" + mark + setter.phrase(section.title or "", "heading") + "#v(22pt)\n")
            for index, answer in enumerate(section.answers):
                out.append(("#v(14pt)\n" if index else "") + setter.label(answer.label) + "#v(2pt)\n")
                out += [setter.paragraph(p) for p in answer.paragraphs]
        elif section.kind == "note":
            out.append("#v(14pt)\n" + f"#text(font: \"{SANS}\", size: 11pt, {quoted(interface('pdf', doc.meta.language)['note'])})\n")
            out += [setter.paragraph(p) for p in section.paragraphs]
    return "".join(out)


def content_key(part, doc) -> str:  # type: ignore[no-untyped-def]
    """A part's content (no source positions), this script and the title's names and readings:
    what its PDF depends on."""
    def paras(ps):  # type: ignore[no-untyped-def]
        return [[(s.text, s.style, s.lang, s.href) for s in p.spans] + [p.number, p.bullet, p.quote, p.heading, p.depth]
                for p in ps]
    sections = [(s.kind, s.title, paras(s.paragraphs), [(a.label, paras(a.paragraphs)) for a in s.answers],
                 [(r.number, r.text) for r in s.references]) for s in part.sections]
    extra = [doc.meta.title, doc.meta.subtitle, list(doc.meta.authors), part.questions_before,
             [(p.word, p.pinyin) for p in doc.pronunciations], [s.name for s in doc.speakers]]
    return hashlib.sha256(json.dumps([sections, extra, HERE.read_bytes().hex()], ensure_ascii=False,
                                     default=str).encode()).hexdigest()[:24]


def child(source: Path, work: Path, whole: bool, pipelined: bool) -> None:
    """One build as `publish` would run it, in this fresh process; prints its phases as JSON."""
    phases: dict[str, float] = {}
    mark = [time.perf_counter(), time.process_time()]

    def lap(name: str) -> None:
        now = [time.perf_counter(), time.process_time()]
        phases[name + "_wall"] = now[0] - mark[0]
        phases[name + "_cpu"] = now[1] - mark[1]
        mark[:] = now

    import typst

    from pipeline.build import prepare
    from pipeline.cache import Cache
    from pipeline.fonts import font_path
    from pipeline.reader import read_source
    from pipeline.renderers import pdfmerge
    from pipeline.renderers.pdfbook import book_plan

    lap("imports")
    doc = prepare(read_source(source))
    cache = Cache(work / "cache")
    lap("read")
    setter = make_setter(doc, cache)
    plan = book_plan(doc)
    # the body: the article, the questions, the closing chapter and the notes (the vocabulary, the
    # name index and the references follow the body in the learner PDF; not set here)
    parts = [part for part in plan.parts if not part.index and part.chapter is None
             and not any(section.kind == "references" for section in part.sections)]
    preamble = (PREAMBLE.replace("WORDSPACE", f"{setter.kind.sizes['word-space'] / (4 / 3):.2f}")
                .replace("TITLE", doc.meta.title.replace('"', "")).replace("OTHER", SANS))
    store = work / "parts"
    store.mkdir(exist_ok=True)
    fonts = sorted({str(font_path("serif").parent)})
    compiler = typst.Compiler(root=str(work), font_paths=fonts, ignore_system_fonts=True)
    compile_time = [0.0]

    def compile_part(number: int, target: Path, markup: str) -> None:
        start = time.perf_counter()
        file = work / f"part-{number}.typ"
        file.write_text(markup, encoding="utf-8")
        data = compiler.compile(input=str(file), output=None)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        compile_time[0] += time.perf_counter() - start

    # pipelined: typst-py lets go of the GIL while it compiles, so part k compiles on a thread
    # while part k+1's markup is made here (sequential: every markup first, then every compile)
    pool = ThreadPoolExecutor(1) if pipelined else None
    todo, futures = [], []
    targets = [store / f"{content_key(part, doc)}.pdf" for part in parts]  # (keyed once: the script may change)
    for number, (part, target) in enumerate(zip(parts, targets)):
        if not target.exists():  # (notes before the article would go with the first part: none here)
            job = (number, target, preamble + part_markup(part, doc, setter, number))
            todo.append(job)
            if pool is not None:
                futures.append(pool.submit(compile_part, *job))
    lap("markup")
    if pool is None:
        for job in todo:
            compile_part(*job)
    else:
        for future in futures:
            future.result()
    lap("compile")
    phases["compile_alone_wall"] = compile_time[0]
    pieces = [pdfmerge.Piece(target.read_bytes(), furnished=False) for target in targets]
    merged = pdfmerge.merge(pieces)
    out = work / "out" / f"{doc.meta.slug}-learner-typst.pdf"
    out.parent.mkdir(exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(merged)
    tmp.replace(out)
    lap("merge_write")
    phases["compiled_parts"] = len(todo)
    phases["parts"] = len(parts)
    phases.update({k: float(v) for k, v in setter.stats.items()})
    if whole:  # the whole body as one Typst document, compiled once (what a cold build could do instead)
        body = "".join(part_markup(part, doc, setter, number) for number, part in enumerate(parts))
        file = work / "whole.typ"
        file.write_text(preamble + body, encoding="utf-8")
        lap("whole_markup")
        start = [time.perf_counter(), time.process_time()]
        data = compiler.compile(input=str(file), output=None)
        phases["whole_compile_wall"] = time.perf_counter() - start[0]
        phases["whole_compile_cpu"] = time.process_time() - start[1]
        (work / "out" / "whole.pdf").write_bytes(data)
        phases["markup_bytes"] = len((preamble + body).encode())
    phases["total_wall_inside"] = time.perf_counter() - T0
    phases["total_cpu_inside"] = time.process_time() - C0
    print(json.dumps(phases))
    sys.stdout.flush()
    os._exit(0)  # (as `publish` leaves once its output is written)


def run_child(source: Path, work: Path, whole: bool = False, pipelined: bool = False) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(HERE), "--child", str(source), str(work)] + (["--whole"] if whole else [])
                          + (["--pipelined"] if pipelined else []) + (["--our-lines"] if OUR_LINES else []),
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def edited(source: Path, target: Path) -> None:
    """The source with one answer changed: a sentence added to the first paragraph of the
    fifth question's second answer (as benchmarks/run.py's edit, one answer)."""
    from pipeline.reader import read_source

    doc = read_source(source)
    questions = [s for s in doc.sections if s.kind == "question"]
    paragraph = questions[min(4, len(questions) - 1)].answers[1].paragraphs[0]
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    line = paragraph.loc.line - 1
    lines[line] = lines[line].rstrip("\n") + "我们还会再看看。\n"
    target.write_text("".join(lines), encoding="utf-8")


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> None:
    from typst_learner_checks import fonts_report, geometry, images, reading_order  # (beside this script)

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--whole", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--our-lines", action="store_true",
                        help="lines broken and placed by pinyinlayout (as now), Typst only stacks them into pages")
    parser.add_argument("--pipelined", action="store_true",
                        help="compile each part on a thread while the next part's markup is made")
    parser.add_argument("--source", type=Path, default=TITLE)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--weasy", type=Path, help="the WeasyPrint learner PDF of the same title, to compare")
    parser.add_argument("--images", type=Path, help="write side-by-side PNGs of two pages here")
    parser.add_argument("--keep", type=Path, help="keep the Typst PDF here")
    options = parser.parse_args()
    global OUR_LINES
    OUR_LINES = options.our_lines
    if options.child:
        child(options.child[0], options.child[1], options.whole, options.pipelined)
        return
    results: dict[str, object] = {"load before": os.getloadavg()}
    base = Path(tempfile.mkdtemp(prefix="typst-learner-"))
    cold, edit = [], []
    for run in range(options.runs):
        work = base / f"run{run}"
        work.mkdir()
        cold.append(run_child(options.source, work, pipelined=options.pipelined))
        if not run:
            slug = __import__("pipeline.reader", fromlist=["x"]).read_source(options.source).meta.slug
            shutil.copy(work / "out" / f"{slug}-learner-typst.pdf", base / "cold.pdf")
        print("cold", {k: round(v, 2) for k, v in cold[-1].items()}, flush=True)
        changed = work / "edited.md"
        edited(options.source, changed)
        edit.append(run_child(changed, work, pipelined=options.pipelined))
        print("edit", {k: round(v, 2) for k, v in edit[-1].items()}, flush=True)
    whole = base / "whole"
    whole.mkdir()
    one = run_child(options.source, whole, whole=True)  # the body as one Typst document as well
    results["load after"] = os.getloadavg()
    results["cold"] = {k: round(median(cold, k), 3) for k in cold[0]}
    results["whole body, one document"] = {k: round(v, 3) for k, v in one.items() if k.startswith(("whole", "markup_bytes"))}
    results["edit"] = {k: round(median(edit, k), 3) for k in edit[0]}
    pdf = base / "cold.pdf"
    if options.keep:
        shutil.copy(pdf, options.keep)
    results["geometry"] = geometry(pdf, base, options.source)
    results["reading order"] = reading_order(pdf, options.source)
    results["fonts"] = fonts_report(pdf)
    results["size bytes"] = pdf.stat().st_size
    if options.weasy:
        from tests.renderers.pdftools import pages
        from tests.renderers.wordgeometry import body_pages

        results["weasy pages"] = len(pages(options.weasy))
        results["weasy body pages"] = len(body_pages(options.weasy))
        if options.images:
            options.images.mkdir(parents=True, exist_ok=True)
            first = body_pages(options.weasy)[0] + 1
            results["images"] = [str(p) for p in images(pdf, options.weasy, options.images, [1, 12], [first, first + 11])]
    print(json.dumps(results, ensure_ascii=False, indent=1, default=str))
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
