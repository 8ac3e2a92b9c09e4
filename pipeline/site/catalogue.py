"""The catalogue as the site and the feeds see it: each title's document, the files its editions
wrote (with media types and sizes), and what its audio files say (duration, chapters, cues).

Which file is which is data (`FILES`), matched against what each edition reported writing, so
a new edition is one row here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pipeline.furniture import chinese_interface, interface, joined, read_in_pinyin
from pipeline.model import Document
from pipeline.site.editions import BuiltTitle
from pipeline.site.media import AudioInfo, Cue, read_mp3, read_vtt


@dataclass(frozen=True)
class FileKind:
    key: str  # how templates and feeds ask for it
    edition: str  # the edition that writes it
    suffix: str
    label: str  # as a Chinese site lists it (`file_label`: in the site's language)
    media_type: str
    pinyin_only: bool = False  # offered only for a title set in pinyin (`read_in_pinyin`)


_LABELS = chinese_interface("files")  # each file's label, in Chinese (the table's other languages: `file_label`)
FILES: tuple[FileKind, ...] = (
    FileKind("epub", "epub", ".epub", _LABELS["epub"], "application/epub+zip"),
    FileKind("epub-learner", "epub-learner", ".epub", _LABELS["epub-learner"], "application/epub+zip", pinyin_only=True),
    FileKind("pdf", "pdf", ".pdf", _LABELS["pdf"], "application/pdf"),
    FileKind("pdf-learner", "pdf-learner", ".pdf", _LABELS["pdf-learner"], "application/pdf", pinyin_only=True),
    FileKind("mp3", "audio", ".mp3", _LABELS["mp3"], "audio/mpeg"),
    FileKind("m4b", "audio", ".m4b", _LABELS["m4b"], "audio/mp4"),
    FileKind("vtt", "audio", ".vtt", _LABELS["vtt"], "text/vtt"),
    FileKind("script-html", "script", ".html", _LABELS["script-html"], "text/html"),
    FileKind("script-md", "script", ".md", _LABELS["script-md"], "text/markdown"),
)


def file_label(kind: FileKind, language: str) -> str:
    """What a catalogue in `language` (the site's) calls a file of `kind`: the interface words'
    table (data/interface-words.toml), as every other word the site, the feed and OPDS write."""
    return interface("files", language)[kind.key]


@dataclass(frozen=True)
class EditionFile:
    kind: FileKind
    path: Path  # the built file in the output folder
    size: int

    @property
    def name(self) -> str:
        """The file's name in the title's folder of the site (the same as in output/)."""
        return self.path.name


@dataclass(frozen=True)
class Title:
    source: Path
    doc: Document
    files: tuple[EditionFile, ...]
    audio: AudioInfo | None
    cues: tuple[Cue, ...]
    # When the title's entry last changed (its text or one of its files): the OPDS `updated` and
    # the feed's lastBuildDate. None: never changed since the site first listed it, so its date.
    updated: dt.datetime | None = None

    @property
    def slug(self) -> str:
        return self.doc.meta.slug

    def file(self, key: str) -> EditionFile | None:
        return next((f for f in self.files if f.kind.key == key), None)

    @property
    def changed(self) -> dt.datetime:
        """When the title's entry last changed: `updated`, else midnight UTC of its date."""
        published = dt.datetime(*self.doc.meta.date.timetuple()[:3], tzinfo=dt.timezone.utc)
        return max(published, self.updated) if self.updated else published

    @property
    def full_title(self) -> str:
        meta = self.doc.meta
        return joined([meta.title, meta.subtitle], "title", meta.language) if meta.subtitle else meta.title

    @property
    def authors(self) -> str:
        return joined(self.doc.meta.authors, language=self.doc.meta.language)


def title_of(built: BuiltTitle) -> Title:
    """Gather one title's files in `FILES` order (those it is offered in) and read its audio
    files back."""
    files = []
    in_pinyin = read_in_pinyin(built.doc.meta.language)
    for kind in FILES:
        if kind.pinyin_only and not in_pinyin:
            continue
        for path in built.outputs.get(kind.edition, ()):
            if path.suffix == kind.suffix and path.exists():
                files.append(EditionFile(kind=kind, path=path, size=path.stat().st_size))
    title = Title(source=built.source, doc=built.doc, files=tuple(files), audio=None, cues=())
    mp3, vtt = title.file("mp3"), title.file("vtt")
    audio = read_mp3(mp3.path) if mp3 else None
    cues = read_vtt(vtt.path) if vtt else ()
    return Title(source=built.source, doc=built.doc, files=tuple(files), audio=audio, cues=cues)


def catalogue_order(titles: list[Title]) -> list[Title]:
    """Newest first, as readers and podcast apps list them; the slug breaks ties."""
    return sorted(titles, key=lambda t: (-t.doc.meta.date.toordinal(), t.slug))
