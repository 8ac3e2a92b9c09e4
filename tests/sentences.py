"""Every sentence of a source in every edition: a yardstick that reads the SOURCE FILE itself.

The pipeline's reader is not used here: the source is read with a YAML parser for the front
matter and a line scanner of its own for the body (fences, `##` headings and their `{…}`, list
and quote markers, `[text](url)`, `[text]{…}`, `**…**` and escapes are markup), split into
sentences at 。！？!? (and ； inside long ones), and each sentence is looked for in the text an
edition shows, modulo the equivalences README and docs/source-format.md document:

- house typography: full-width ，：？；（）！ equal their half-width forms (Unicode NFKC),
  curly quotes equal straight ones, white space does not count (line breaks, justification);
- the learner editions set pinyin between the characters: only the Han characters count there;
- the podcast script shows a cue's spoken text and, where the words differ, the *printed* text:
  punctuation does not count there (the ear hears none; quote marks and 《》 are dropped);
- an aside `[（…）]{.aside}` is a sentence of its own, read by the host, not the speaker;
- a hard line break (a line ending in a backslash or two spaces: a verse) is a line end, which
  does not count (white space).

`python -m tests.sentences SOURCE OUT_DIR` reports, per edition, every sentence missing or
altered (with the longest start of it that was found), and per answer whether the edition
printed it under its speaker's name (the labels read from the edition's structure where it has
one: the EPUBs' answer sections, the PDFs' label lines, `labelled_runs`).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HAN = re.compile(r"[\u3400-\u9fff]")
_FENCE = re.compile(r"^\s{0,3}:::\s*(?:answer\s+(?P<id>[a-z0-9-]+)(?:\s+role=(?P<role>\"[^\"]*\"|\S+))?|note)?\s*$")
_HEADING = re.compile(r"^#{2,3}\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^{}]*)\})?\s*$")
_LIST_MARK = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+")
_QUOTE_MARK = re.compile(r"^\s*(?:>\s?)+")  # (a quote inside a quote: '> > …')
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_AUTOLINK = re.compile(r"<(?:mailto:)?((?<=mailto:)[^>\s]+|https?:[^>\s]+)>")  # (a mail address without its scheme)
_SPAN = re.compile(r"\[([^\]]*)\]\{[^}]*\}")
_ASIDE = re.compile(r"\[([^\]]*)\]\{\s*\.aside\s*\}")
_EMPHASIS = re.compile(r"\*{1,2}([^*]+)\*{1,2}")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!:<>])")
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_MAX_SENTENCE = 60  # a longer sentence is also cut at ；, so a fault shows where it is


@dataclass
class Block:
    """One paragraph of the source as an editor reads it, with who says it (None: the article,
    a heading, a note, a reference)."""
    text: str
    line: int
    speaker: str | None = None
    role: str | None = None
    asides: tuple[str, ...] = ()  # the texts of its [（…）]{.aside} spans, read by the host


@dataclass
class Source:
    path: Path
    meta: dict
    blocks: list[Block] = field(default_factory=list)

    def label(self, block: Block) -> str:
        """The answer's label as README says editions print it: role + name, with the handle when
        there is one (`程一帆@一帆Games`), the handle alone when it is '@' + the name (`@非FeiArt`)."""
        person = next(s for s in self.meta.get("speakers") or [] if s["id"] == block.speaker)
        role = block.role if block.role is not None else person.get("role") or ""
        handle = person.get("handle") or ""
        name = handle if handle and handle.lstrip("@") == person["name"] else person["name"] + handle
        return f"{role}{name}"

    def sentences(self) -> list[tuple[Block, str]]:
        """(block, sentence); an aside's sentences come with a block of no speaker (the host's)."""
        out = []
        for block in self.blocks:
            pieces = re.split("(" + "|".join(map(re.escape, block.asides)) + ")", block.text) if block.asides else [block.text]
            for piece in pieces:
                owner = Block(piece, block.line) if piece in block.asides else block
                out += [(owner, sentence) for sentence in split_sentences(piece)]
        return out


def inline_text(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _SPAN.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)


def join_lines(lines: list[str]) -> str:
    """A paragraph's lines as one: nothing between Chinese characters, a space between others."""
    out = ""
    for line in (line.strip() for line in lines):
        if line.endswith("\\") and not line.endswith("\\\\"):  # (a hard line break: a line end)
            line = line[:-1].rstrip()
        if out and not (HAN.match(out[-1]) or HAN.match(line[:1])):
            out += " "
        out += line
    return out


def read_source(path: Path) -> Source:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    _, front, body = text.split("---\n", 2) if text.startswith("---\n") else ("", "", text)
    meta = yaml.safe_load(front) or {}
    source = Source(path, meta)
    first_body_line = text[: len(text) - len(body)].count("\n") + 1
    for key in ("title", "subtitle"):
        if meta.get(key):
            source.blocks.append(Block(str(meta[key]), 1))
    speaker = role = None
    paragraph: list[str] = []
    start = 0

    def flush() -> None:
        if paragraph:
            joined = join_lines(paragraph)
            asides = tuple(inline_text(m[1]) for m in _ASIDE.finditer(joined))
            source.blocks.append(Block(inline_text(joined), start, speaker, role, asides))
            paragraph.clear()

    for number, line in enumerate(body.split("\n"), first_body_line):
        fence, heading = _FENCE.match(line), _HEADING.match(line)
        if fence:
            flush()
            speaker, role = fence["id"], (fence["role"] or "").strip('"') or None
        elif heading:
            flush()
            source.blocks.append(Block(inline_text(heading["text"]), number))
        elif not line.strip():
            flush()
        else:
            marked = _LIST_MARK.match(line) or _QUOTE_MARK.match(line)
            if marked:  # (a list item or a quoted line starts a paragraph of its own)
                flush()
            if not paragraph:
                start = number
            rest = line[marked.end():] if marked else line
            if marked and (inner := _LIST_MARK.match(rest)):  # (a list inside a quote: '> - …')
                rest = rest[inner.end():]
            paragraph.append(rest)
    flush()
    return source


def split_sentences(text: str) -> list[str]:
    out = []
    for sentence in _SENTENCE.findall(text):
        pieces = re.findall(r"[^；;]*[；;]|[^；;]+$", sentence) if len(sentence) > _MAX_SENTENCE else [sentence]
        out.extend(piece.strip() for piece in pieces if piece.strip())
    return out


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).translate(_QUOTES)


def han_only(text: str) -> str:
    return "".join(HAN.findall(text))


def words_only(text: str) -> str:
    """Letters and digits: what the ear gets of a sentence."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


KEYS = {"text": normalise, "han": han_only, "words": words_only}


def missing(source: Source, shown: str, key: str = "text") -> list[str]:
    """The sentences `shown` lacks, each with the longest start of it that `shown` holds."""
    fold = KEYS[key]
    haystack = fold(shown)
    report = []
    for block, sentence in source.sentences():
        needle = fold(sentence)
        if needle and needle not in haystack:
            found = max((k for k in range(len(needle)) if needle[:k] in haystack), default=0)
            report.append(f"line {block.line}: {sentence!r} (found up to {needle[:found][-12:]!r})")
    return report


def runs_after_labels(source: Source, shown: str, key: str = "text") -> list[tuple[str, str]]:
    """An edition's text cut at every answer label the source declares (role + name, as each
    answer shows it): (label, the text up to the next label), in reading order."""
    fold = KEYS[key]
    flat = fold(shown)
    # (a label with nothing the key keeps, 'OpenAI CEO Sam Altman' by its Han characters, cannot
    # be found: misattributed() leaves its answers out)
    labels = {fold(source.label(block)) for block in source.blocks if block.speaker} - {""}
    pattern = re.compile("|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True)))
    found = list(pattern.finditer(flat))
    return [(match[0], flat[match.end():found[k + 1].start() if k + 1 < len(found) else len(flat)])
            for k, match in enumerate(found)]


def epub_runs(path: Path) -> list[tuple[str, str]]:
    """(label, answer text) of each answer of an EPUB (plain or learner) in reading order, read
    from its structure: an answer is a `section.answer`, its label that section's `h2.label`.
    Cutting the text at every place a label's words stand (`runs_after_labels`) also cut an
    answer opening with a speaker's name (`ChatGPT没有早晨`, where ChatGPT also speaks) there."""
    from tests.renderers.epubtools import NS, Book, shown_text

    book = Book.open(path)
    runs = []
    for href in book.spine():
        for section in book.tree(href).iterfind(".//x:section", NS):
            if "answer" not in (section.get("class") or "").split():
                continue
            label = section.find("x:h2", NS)
            if label is None or "label" not in (label.get("class") or "").split():
                continue
            text = "".join(shown_text(child) + (child.tail or "") for child in section if child is not label)
            runs.append((shown_text(label), text))
    return runs


def pdf_runs(lines: list[str], source: Source) -> list[tuple[str, str]]:
    """(label, text up to the next label) of a PDF's text lines (running heads and folios left
    out): the PDFs set each answer's label as a line (or, when long, lines) of its own ending in
    its colon (`小学老师岳兰：`, `Rosa Vale, pilot:`), which an answer opening with a speaker's
    name does not."""
    labels = {normalise(source.label(block)) + ":" for block in source.blocks if block.speaker}
    runs: list[tuple[str, str]] = []
    index = 0
    while index < len(lines):
        span = _label_lines(lines, index, labels)
        if span:
            runs.append(("".join(line for line in lines[index:index + span] if HAN.search(line) or span == 1), ""))
            index += span
            continue
        if runs:
            runs[-1] = (runs[-1][0], runs[-1][1] + lines[index])
        index += 1
    return runs


def _label_lines(lines: list[str], index: int, labels: set[str]) -> int:
    """How many lines from `index` a label takes (0: none opens there): one, or up to three set
    apart by the learner PDF's pinyin lines (a long role wraps, its second line's pinyin between)."""
    joined, parts = "", 0
    for taken, line in enumerate(lines[index:index + 12], 1):
        if taken > 1 and not HAN.search(line):
            continue  # (the pinyin over the label's next line, in as many pieces as pdfminer finds)
        joined, parts = joined + line, parts + 1
        if normalise(joined) in labels:
            return taken
        if parts == 3:
            break
    return 0


def labelled_runs(path: Path, source: Source, shown: str, key: str = "text") -> list[tuple[str, str]]:
    """An edition's (label, answer text) runs in reading order: from its structure where it has
    one (`epub_runs`, `pdf_runs`), else cut at the labels' words (`runs_after_labels`)."""
    if path.suffix == ".epub":
        return epub_runs(path)
    if path.suffix == ".pdf":
        from tests.test_newsroom_sources import pdf_pages

        return pdf_runs([line.text for page in pdf_pages(path) for line in page.lines
                         if line.y0 <= page.height * 0.9 and not line.text.strip().isdigit()], source)
    return runs_after_labels(source, shown, key)


def script_cues(markdown: str) -> list[tuple[str, str, str]]:
    """The podcast script's cues: (who speaks, in which voice, the text shown), from its lines
    '**`00:16.311` 何田田** · 本刊记者 · `voice`' and the text lines under them. The voice is the
    speaker's own: a cue with runs in another language adds theirs after it (`cmn+m3 pitch 50 170
    wpm · en: en-US+m3`), which is the same speaker's voice for those words, not another's."""
    cues: list[tuple[str, str, str]] = []
    head = re.compile(r"^\*\*`[\d:.]+` (?P<who>[^*]+)\*\*(?: · (?P<role>[^`]*?))? · `(?P<voice>[^`]+)`\s*$")
    for line in markdown.splitlines():
        if match := head.match(line):
            cues.append((match["who"].strip(), match["voice"].split(" · ")[0], ""))
        elif cues and line.strip() and not line.startswith(("#", "---", "|")):
            who, voice, text = cues[-1]
            cues[-1] = (who, voice, text + line)
    return cues


def misattributed(source: Source, labelled: list[tuple[str, str]], key: str = "text") -> list[str]:
    """Answers whose text is not printed after their own speaker's label: `labelled` is the
    edition's (label, text) runs in reading order, as a reader meets them."""
    fold = KEYS[key]
    runs = [(fold(label), fold(text)) for label, text in labelled]
    report = []
    for block in source.blocks:
        if block.speaker is None:
            continue
        needle, label = fold(block.text), fold(source.label(block))
        if not label or not needle:  # (nothing of it the key keeps: 'Hopeful.' by its Han characters)
            continue
        owners = [run_label for run_label, text in runs if needle and needle in text]
        if not owners:
            report.append(f"line {block.line}: {block.text[:20]!r} is in no answer")
        elif any(label not in owner for owner in owners):
            report.append(f"line {block.line}: {block.text[:20]!r} printed under {owners}, not {label!r}")
    return report


def misvoiced(source: Source, cues: list[tuple[str, str, str]]) -> list[str]:
    """Answers read (wholly or partly) by a voice not their speaker's: each sentence of an answer
    must stand in a cue of its speaker's name, and each speaker has one voice of their own."""
    names = {s["id"]: s["name"] for s in source.meta.get("speakers") or []}
    report = []
    for block, sentence in source.sentences():
        if block.speaker is None or not (needle := words_only(sentence)):
            continue
        readers = {who for who, _voice, text in cues if needle in words_only(text)}
        if readers != {names[block.speaker]}:
            report.append(f"line {block.line}: {sentence[:20]!r} read by {sorted(readers)}, not {names[block.speaker]!r}")
    voices = {}
    for who, voice, _text in cues:
        voices.setdefault(who, set()).add(voice)
    spoken = {names[b.speaker] for b in source.blocks if b.speaker}
    for who in sorted(spoken):
        if len(voices.get(who, ())) != 1:
            report.append(f"{who} is read in {sorted(voices.get(who, ()))}")
    shared = [v for v in {next(iter(voices[w])) for w in spoken if len(voices.get(w, ())) == 1}
              if sum(voices[w] == {v} for w in spoken if w in voices) > 1]
    report += [f"two speakers share the voice {v}" for v in shared]
    return report


def main(argv: list[str]) -> int:  # pragma: no cover - a tool for looking by hand
    from tests.test_newsroom_sources import edition_texts

    source = read_source(Path(argv[0]))
    faults = 0
    for name, (shown, key) in edition_texts(Path(argv[1]), source.meta["slug"]).items():
        lost = missing(source, shown, key)
        faults += len(lost)
        print(f"{name}: {len(source.sentences()) - len(lost)}/{len(source.sentences())} sentences")
        for line in lost:
            print("   ", line)
        if key != "words" and any(b.speaker for b in source.blocks):
            wrong = misattributed(source, labelled_runs(Path(argv[1]) / name, source, shown, key), key)
            faults += len(wrong)
            print(f"    answers under the wrong name: {wrong or 'none'}")
    if any(b.speaker for b in source.blocks):
        script = (Path(argv[1]) / f"{source.meta['slug']}-script.md").read_text(encoding="utf-8")
        wrong = misvoiced(source, script_cues(script))
        faults += len(wrong)
        print(f"script: answers in the wrong voice: {wrong or 'none'}")
    return 1 if faults else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
