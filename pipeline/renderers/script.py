"""The podcast script: what a producer checks before recording or publishing — every cue with
its start time, speaker, role and voice, the text exactly as it will be spoken (with the
printed text where the two differ), chapter breaks, the cast and the pronunciation table.

Written from the same programme as the audio edition (same plan, same cached segments, same
timeline), so its start times are the MP3's and M4B's for the same engine. Segments not yet
in the cache are synthesised first (seconds with eSpeak), which is what makes the times exact
rather than estimates; the audio build that follows then finds them cached.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pipeline.audio.foreign import run_voices
from pipeline.audio.plan import ROLE_NAMES, Cue
from pipeline.audio.programme import Programme, produce
from pipeline.audio.timeline import clock
from pipeline.foreignruns import foreign_runs, wrapped
from pipeline.fsutil import atomic_write, written_together
from pipeline.furniture import interface, word
from pipeline.model import Document
from pipeline.passes.speech import load_rules
from pipeline.renderers.base import BuildContext


SILENCE = "(silence: nothing here can be spoken; the caption shows the printed text)"

@dataclass(frozen=True)
class Line:
    start: float
    who: str
    role: str
    voice: str
    spoken: str
    printed: str | None  # only where it differs from what is spoken


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    start: float
    lines: tuple[Line, ...]


def script_sections(doc: Document, programme: Programme) -> list[Section]:
    timeline = programme.timeline
    stand_ins = _stand_ins(doc)
    sections = []
    for number, span in enumerate(timeline.chapters, start=1):
        lines = tuple(
            Line(start=timeline.seconds(placed.start), who=placed.cue.who, role=_role(doc, placed.cue),
                 voice=placed.cue.voice.describe() + run_voices(placed.cue.voice, getattr(placed.cue, "runs", ())),
                 spoken=_as_written("".join(placed.cue.spoken), "".join(placed.cue.shown), stand_ins) or SILENCE,
                 printed=_printed(placed.cue, stand_ins))
            for placed in span.placements
        )
        sections.append(Section(number=number, title=span.chapter.title, start=timeline.seconds(span.start),
                                lines=lines))
    return sections


def _role(doc: Document, cue: Cue) -> str:
    if cue.role != "speaker" or cue.speaker_id is None:
        return word(ROLE_NAMES[cue.role], doc.meta.language)
    speaker = doc.speaker(cue.speaker_id)
    answer = next((a for s in doc.chapters for a in s.answers if a.id == cue.answer_id), None)
    role = (answer.shown_role if answer else speaker.role) or word(ROLE_NAMES["speaker"], doc.meta.language)
    return role + (f"（{word('化名', doc.meta.language)}）" if speaker.pseudonym else "")


def _printed(cue: Cue, stand_ins: dict[str, str]) -> str | None:
    """The printed text, unless it differs from the spoken only in punctuation and spacing."""
    printed = "".join(cue.shown)
    return None if _bare(printed) == _bare(_as_written("".join(cue.spoken), printed, stand_ins)) else printed


def _stand_ins(doc: Document) -> dict[str, str]:
    """The characters the voice is given for each pinned reading (`亦格` for `一格: yì gé`) → the
    word, longest first: the engine's business, not the producer's."""
    rules = load_rules(doc.pronunciation_table)
    pairs = {stand: word for word, stand in rules.respellings.items() if stand != word}
    return dict(sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True))


def _as_written(spoken: str, printed: str, stand_ins: dict[str, str]) -> str:
    """The spoken text with each pinned word as the page writes it: the script is read by people
    (the thirteenth sweep: it showed `我每天写亦格日记` for `一格: yì gé`); the Pronunciations table
    gives the reading and what the voice is given. A stand-in the page itself prints stays."""
    for stand, word in stand_ins.items():
        if stand in spoken and stand not in printed:
            spoken = spoken.replace(stand, word)
    return spoken


def _bare(text: str) -> str:
    """The text without punctuation and spaces. Symbols stay: a '℃', '㈱', '⼀' or an emoji the
    voice does not read is printed text that only the *printed* line carries into the script
    (before, only letters and digits were compared, and the script lost them)."""
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith(("P", "Z", "C")))


def _pronunciations(doc: Document) -> list[tuple[str, str, str]]:
    rules = load_rules(doc.pronunciation_table)
    return [(p.word, p.pinyin, rules.respellings.get(p.word, p.word)) for p in doc.pronunciations]


def _cast_rows(doc: Document, programme: Programme) -> list[tuple[str, str, str]]:
    cast = programme.plan.cast
    rows = [("旁白 narrator", "article, notes, references", cast.narrator.describe()),
            ("主持人 host", "questions, introductions, asides", cast.host.describe())]
    for speaker in doc.speakers:
        count = len(doc.answers_by(speaker.id))
        rows.append((speaker.label(), f"{count} answer(s)" + (", pseudonym" if speaker.pseudonym else ""),
                     cast.voice(speaker.id).describe()))
    return rows


def script_markdown(doc: Document, programme: Programme) -> str:
    sections = script_sections(doc, programme)
    timeline = programme.timeline
    out = [f"# {doc.meta.title} — podcast script", ""]
    out += [f"- Engine: **{programme.engine.name}** · duration {clock(timeline.duration)} · "
            f"{len(sections)} chapters · {len(doc.speakers)} speakers",
            f"- Start times are those of `{doc.meta.slug}.mp3` / `.m4b` built with this engine.",
            "- Each cue shows the text as it will be spoken (a pinned word as written: *Spoken from* gives what "
            "the voice is given); *printed* shows the page where it differs.", ""]
    out += ["## Cast", "", "| Who | Part | Voice |", "| --- | --- | --- |"]
    out += [f"| {_md(a)} | {_md(b)} | `{c}` |" for a, b, c in _cast_rows(doc, programme)]
    if programme.plan.cast.notes:
        out += ["", *[f"- Note: {_md(note)}" for note in programme.plan.cast.notes]]
    pronunciations = _pronunciations(doc)
    if pronunciations:
        out += ["", "## Pronunciations", "", "| Word | Pinyin | Spoken from |", "| --- | --- | --- |"]
        out += [f"| {w} | {p} | {s} |" for w, p, s in pronunciations]
    out += ["", "## Chapters", "", "| # | Start | Title |", "| --- | --- | --- |"]
    out += [f"| {s.number} | {clock(s.start)} | {_md(s.title)} |" for s in sections]
    for section in sections:
        out += ["", "---", "", f"## {section.number}. {_md(section.title)} `[{clock(section.start)}]`", ""]
        for line in section.lines:
            role = "" if line.role == line.who else f" · {_md(line.role)}"
            out += [f"**`{clock(line.start)}` {_md(line.who)}**{role} · `{line.voice}`  ",
                    f"{_md(line.spoken)}  " if line.printed else _md(line.spoken)]
            if line.printed:
                out.append(f"*printed:* {_md(line.printed)}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def script_html(doc: Document, programme: Programme) -> str:
    """The script as a page. Its own words (Engine, Cast, Start, Spoken …) are English, so the
    page is `lang="en"`; what comes from the title (its name, the chapters, who speaks, what is
    spoken) carries the title's language, and a run the source marks as another language in
    what is spoken its own (`foreignruns`). Before, the whole page said `zh-Hans`: the English
    read in a Chinese voice, and a Cantonese title's lines announced as Mandarin. The `<title>`,
    which can mark no part of itself, is the title's name and the site's word for the page in the
    title's language (`渡口四人谈 — 播客脚本（网页）`); it was `渡口四人谈 — podcast script` under
    the page's `en`: a screen reader announced the Chinese name in English."""
    sections = script_sections(doc, programme)
    timeline = programme.timeline
    h = escape
    lang = f'lang="{h(doc.meta.language)}"'
    runs = foreign_runs(doc)

    def said(text: str) -> str:
        return "".join(f'<span lang="{h(language)}">{h(piece)}</span>' if language else h(piece)
                       for piece, language in wrapped(text, runs))

    body = [f"<h1><span {lang}>{h(doc.meta.title)}</span> — podcast script</h1>",
            f"<p class=meta>Engine <b>{h(programme.engine.name)}</b> · duration {clock(timeline.duration)} · "
            f"{len(sections)} chapters · {len(doc.speakers)} speakers. Start times are those of "
            f"<code>{h(doc.meta.slug)}.mp3</code> / <code>.m4b</code> built with this engine.</p>",
            "<h2>Cast</h2><table><tr><th>Who</th><th>Part</th><th>Voice</th></tr>"]
    body += [f"<tr><td>{h(a)}</td><td>{h(b)}</td><td><code>{h(c)}</code></td></tr>"
             for a, b, c in _cast_rows(doc, programme)]
    body.append("</table>")
    pronunciations = _pronunciations(doc)
    if pronunciations:
        body.append("<h2>Pronunciations</h2><table><tr><th>Word</th><th>Pinyin</th><th>Spoken from</th></tr>")
        body += [f"<tr><td>{h(w)}</td><td>{h(p)}</td><td>{h(s)}</td></tr>" for w, p, s in pronunciations]
        body.append("</table>")
    body.append("<h2>Chapters</h2><ol class=toc>")
    body += [f'<li><a href="#ch{s.number}" {lang}>{said(s.title)}</a> <time>{clock(s.start)}</time></li>'
             for s in sections]
    body.append("</ol>")
    for section in sections:
        body.append(f'<section id="ch{section.number}"><h2>{section.number}. <span {lang}>{said(section.title)}</span> '
                    f'<time>{clock(section.start)}</time></h2><table class=cues>')
        body.append("<tr><th>Start</th><th>Speaker</th><th>Role</th><th>Voice</th><th>Spoken</th></tr>")
        for line in section.lines:
            printed = (f'<div class=printed>printed: <span {lang}>{said(line.printed)}</span></div>'
                       if line.printed else "")
            spoken = h(line.spoken) if line.spoken == SILENCE else f"<span {lang}>{said(line.spoken)}</span>"
            body.append(f"<tr class=\"{h(_kind(line))}\"><td><time>{clock(line.start)}</time></td>"
                        f"<td {lang}>{h(line.who)}</td>"
                        f"<td {lang}>{h(line.role)}</td><td><code>{h(line.voice)}</code></td>"
                        f"<td>{spoken}{printed}</td></tr>")
        body.append("</table></section>")
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title {lang}>{h(doc.meta.title)} — {h(interface('files', doc.meta.language)['script-html'])}</title>"
        f"<style>{CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _kind(line: Line) -> str:
    return {"旁白": "narrator", "主持人": "host"}.get(line.who, "speaker")


def _md(text: str) -> str:
    """Text safe inside Markdown tables and emphasis."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")


CSS = """
body{font-family:system-ui,"Noto Sans SC",sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;
line-height:1.6;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f1ea}time{font-family:ui-monospace,monospace;color:#666}
code{font-size:.85em;color:#555}.host td{background:#f7f9fc}.narrator td{background:#fbfaf6}
.printed{color:#888;font-size:.9em;margin-top:.2rem}.meta{color:#555}.toc time{margin-left:.5rem}
""".strip()


class ScriptRenderer:
    name = "script"

    def outputs(self, doc: Document, ctx: BuildContext) -> list[Path]:
        slug = doc.meta.slug
        return [ctx.out_dir / f"{slug}-script.md", ctx.out_dir / f"{slug}-script.html"]

    def build(self, doc: Document, ctx: BuildContext) -> list[Path]:
        markdown, html = self.outputs(doc, ctx)
        programme = produce(doc, ctx, ctx.executor, edition="script")  # the driver's pool, or None: in this process
        with written_together() as together:  # the two forms of one script, never of two builds
            atomic_write(markdown, script_markdown(doc, programme), together)
            atomic_write(html, script_html(doc, programme), together)
        ctx.log(f"script: {programme.engine.name}, {len(programme.plan.cues())} cues timed, {programme.counts()}")
        return [markdown, html]
