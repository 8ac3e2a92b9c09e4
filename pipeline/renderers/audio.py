"""The audio edition: `output/<slug>.mp3` (ID3 chapters, tags, cover), `output/<slug>.m4b`
(the same audio as an audiobook with chapters) and `output/<slug>.vtt` (captions, the speaker
as each cue's voice), all from one timeline."""

from __future__ import annotations

from pathlib import Path

from pipeline.audio.captions import webvtt
from pipeline.audio.loudness import to_db
from pipeline.audio.master import chunk_jobs, encode_all, programme_loudness, write_m4b, write_mp3
from pipeline.audio.programme import produce
from pipeline.audio.progress import progress
from pipeline.audio.tags import Tags, tag_m4b, tag_mp3
from pipeline.audio.timeline import clock
from pipeline.cover import cover_png
from pipeline.foreignruns import foreign_runs
from pipeline.fsutil import atomic_write, written_together
from pipeline.model import Document
from pipeline.renderers.base import BuildContext


COVER_SIZE = (1400, 1400)  # square, Apple Podcasts' minimum


class AudioRenderer:
    name = "audio"

    def outputs(self, doc: Document, ctx: BuildContext) -> list[Path]:
        slug = doc.meta.slug
        return [ctx.out_dir / f"{slug}.mp3", ctx.out_dir / f"{slug}.m4b", ctx.out_dir / f"{slug}.vtt"]

    def build(self, doc: Document, ctx: BuildContext) -> list[Path]:
        mp3, m4b, vtt = self.outputs(doc, ctx)
        programme = produce(doc, ctx, ctx.executor, edition="audio")  # the driver's pool, or None: in this process
        jobs = chunk_jobs(programme.timeline, programme.segments)
        with progress("mastering", len(jobs)) as advance:
            chunks = encode_all(jobs, programme.segments, ctx.cache, ctx.executor, advance)
        timeline = programme.timeline
        tags = Tags.of(doc)
        cover = cover_png(doc.meta, ctx.cache, COVER_SIZE)
        with written_together() as together:  # an MP3 never stands beside the captions of another build
            write_mp3(mp3, chunks, lambda path: tag_mp3(path, tags, timeline, cover), together)
            write_m4b(m4b, chunks, timeline, lambda path: tag_m4b(path, tags, cover), together)
            atomic_write(vtt, webvtt(timeline, tags.title, doc.meta.language, foreign_runs(doc)), together)
        peak = max(chunk.peak for chunk in chunks)
        ctx.log(f"audio: {programme.engine.name}, {len(timeline.chapters)} chapters, "
                f"{clock(timeline.duration, millis=False)}, {programme_loudness(chunks):.1f} LUFS, "
                f"MP3 true peak {to_db(peak):.1f} dBTP, "
                f"{programme.counts()}")
        return [mp3, m4b, vtt]
