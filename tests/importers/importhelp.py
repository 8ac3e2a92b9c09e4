"""Shared helpers of the importer tests: import a copy with the real command, fill the
placeholders as an editor would, and compare documents without their positions."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.model import Document
from pipeline.reader import read_source
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "import"
NIGHT_MARKET = FIXTURES / "night-market.txt"
runner = CliRunner()

# what an editor types in place of each placeholder (front-matter key → value)
FILLED = {
    "title": "测试用标题",
    "date": "2025-05-01",
    "description": "测试用的一句话简介。",
    "rights": "© 2025 测试",
    "authors": "[测试作者]",
    "outlet": "测试媒体",
}


def run_import(copy: Path, out_dir: Path, *args: str) -> Path:
    """`publish import COPY --out-dir OUT --slug SLUG` through the real command; the written file."""
    return import_copy(copy, out_dir, *args)[0]


def import_copy(copy: Path, out_dir: Path, *args: str) -> tuple[Path, str]:
    """The same, with what the command printed (its summary); the slug is the copy's file name."""
    slug = re.sub(r"[^a-z0-9]+", "-", copy.name.lower()).strip("-")
    result = runner.invoke(app, ["import", str(copy), "--out-dir", str(out_dir), "--slug", slug, *args])
    assert result.exit_code == 0, result.output
    return out_dir / f"{slug}.md", result.output


def flat(text: str) -> str:
    """Text compared as a reader sees it: compatibility forms folded, white space gone, curly
    quotes straight (the typography pass curls them)."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text).translate(str.maketrans("“”‘’", "\"\"''"))


def infer_draft(copy: str):
    """What the importer makes of a small plain-text copy, before it writes a source."""
    from pipeline.importers.formats import Extracted, text_blocks
    from pipeline.importers.layout import infer

    return infer(Extracted(text_blocks(copy), "plain text"))


def fill_placeholders(path: Path) -> Path:
    """Replace every front-matter placeholder line as an editor would (voice hints stay)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.split(":", 1)[0]
        if key in FILLED and "TODO" in line:
            line = f"{key}: {FILLED[key]}"
        lines.append(line)
    filled = path.with_name(path.stem + "-filled.md")
    filled.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return filled


def imported_document(copy: Path, out_dir: Path) -> Document:
    return read_source(fill_placeholders(run_import(copy, out_dir)))


def comparable(doc: Document) -> dict[str, Any]:
    """The document as plain data without source positions, path, id and slug."""
    data = _strip(doc.model_dump())
    data["meta"].pop("id")
    data["meta"].pop("slug")
    data.pop("source")
    return data


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != "loc"}
    if isinstance(value, (list, tuple)):
        return [_strip(v) for v in value]
    return value


def read_filled(filled: dict[str, Path]) -> dict[str, Document | str]:
    """Each filled source as the reader reads it, or why it cannot (that copy's own tests fail
    with the reason, the others still run)."""
    found: dict[str, Document | str] = {}
    for copy, path in filled.items():
        try:
            found[copy] = read_source(path)
        except Exception as exc:  # noqa: BLE001 - reported by the tests of that copy
            found[copy] = f"{type(exc).__name__}: {exc}"
    return found


def document_of(documents: dict[str, Document | str], copy: str) -> Document:
    """The copy's document; its test fails with the reader's message when there is none."""
    doc = documents[copy]
    assert isinstance(doc, Document), doc
    return doc



def copy_sentences(copy: Path, labels: list[str], dropped: list[str], encoding: str = "utf-8",
                   prefix: str = "") -> list[str]:
    """A plain-text copy's own sentences, as the newsroom sweeps compare them with what the
    importer wrote: each line without `prefix` (a regular expression: a transcript's time code,
    a Markdown mark) and without its label (one of `labels`, with its colon, or a label in brackets
    without; a line that is only a label gives none), lines holding a `dropped` text left out, split after 。！？."""
    names = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    out = []
    for line in copy.read_bytes().decode(encoding).splitlines():
        line = line.strip(" \u3000")
        if prefix:
            line = re.sub(prefix, "", line).strip()
        if names:
            line = re.sub(rf"^(?:{names})\s*[：:]?\s*$|^(?:{names})\s*[：:]\s*|^(?:{names})(?<=[】〕〗］\]])\s*", "", line)
        if not line or any(d in line for d in dropped):
            continue
        out += [s for s in re.findall(r"[^。！？]+[。！？]?", line) if s.strip()]
    return out


def assert_read_as_copy(doc: Document, questions: list[str], answers: list[tuple[str, str]], sentences: list[str],
                        dropped: list[str]) -> None:
    """What the newsroom sweeps ask of an imported copy, read by the reader: the questions in order,
    each answer under its speaker (`answers`: name and the answer's first words), every sentence
    of the copy in order in the text, and none of the `dropped` texts (bylines, furniture)."""
    chapters = [s for s in doc.sections if s.kind in ("question", "closing")]
    assert [s.title for s in chapters] == questions
    read = [(a.speaker.name, "".join(p.text for p in a.paragraphs)) for s in chapters for a in s.answers]
    assert [(name, flat(text)[: len(flat(first))]) for (name, text), (_n, first) in zip(read, answers)] == [
        (name, flat(first)) for name, first in answers]
    assert len(read) == len(answers)
    body = list(doc.text_blocks())[: -1 if doc.meta.credit else None]  # (the credit line is printed apart)
    text = flat("".join([doc.meta.title, *body]))  # (a plain copy's headline is the title, printed first)
    at = 0
    for sentence in sentences:
        found = text.find(flat(sentence), at)
        assert found >= 0, (sentence, text[at : at + 80])
        at = found
    assert [d for d in dropped if any(flat(d) in flat(b) for b in body)] == []


def assert_front_matter(doc: Document, authors: list[str] | None, editor: str | None, date: Any,
                        title: str | None) -> None:
    """The front matter the copy fills (None: what `FILLED` wrote in place of its placeholder)."""
    import datetime as dt

    meta = doc.meta
    assert list(meta.authors) == (authors or ["测试作者"])
    assert meta.editor == editor
    assert meta.date == (date or dt.date.fromisoformat(FILLED["date"]))
    assert meta.title == (title or FILLED["title"])


@dataclass
class OutletCase:
    """One hand-written copy of an outlets sweep and what its import must give, written by hand."""

    copy: str
    questions: list[str]
    answers: list[tuple[str, str]]  # (speaker's name, first words of the answer), in reading order
    title: str | None = None
    authors: list[str] | None = None
    editor: str | None = None
    date: dt.date | None = None
    edits: dict[str, str] = field(default_factory=dict)  # a placeholder in the source → what the editor writes
    labels: list[str] = field(default_factory=list)  # label text of a plain-text copy (not sentences)
    dropped: list[str] = field(default_factory=list)  # not copy: in no block of the text
    sentences: list[str] = field(default_factory=list)  # the copy's sentences, by hand (else from its lines)
    roles: dict[str, str | None] = field(default_factory=dict)  # a speaker's name → the role the copy gives
    notes: list[str] = field(default_factory=list)  # the first words of each note after the Q&A


@dataclass
class Imported:
    text: str  # the source the importer wrote
    document: object  # the filled source as the reader reads it (or why it cannot)
    found: list  # what `publish check` says of the filled source
    summary: list[str]  # the summary's notes


def import_cases(cases: list[OutletCase], copies: Path, out: Path) -> dict[str, Imported]:
    """Each case's copy imported as the real command does, its placeholders filled as an editor
    would (the case's `edits`, the voice hints dropped), and checked: by copy name."""
    from pipeline.check import check
    from pipeline.importers import import_copy as import_source

    found = {}
    for case in cases:
        source = out / f"{case.copy.replace('.', '-')}.md"
        written, draft = import_source(copies / case.copy, source.stem)[:2]
        source.write_text(written, encoding="utf-8")
        filled = fill_placeholders(source)
        text = filled.read_text(encoding="utf-8")
        for placeholder, value in case.edits.items():
            text = text.replace(placeholder, value)
        filled.write_text(re.sub(r"\n    voice: \{gender: TODO\}[^\n]*", "", text), encoding="utf-8")
        doc, diagnostics = check(filled, pinyin=False)
        problems = [str(d) for d in diagnostics if d.severity == "error"]
        found[case.copy] = Imported(written, doc if doc is not None and not problems else "; ".join(problems),
                                    diagnostics, draft.stats.notes)
    return found


def case_sentences(case: OutletCase, copies: Path) -> list[str]:
    """The copy's sentences in order: the case's own, or read from the copy's lines."""
    return case.sentences or copy_sentences(copies / case.copy, case.labels, case.dropped)
