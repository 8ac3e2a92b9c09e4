"""`publish import` on the first title's raw copy, judged by the hand-made source of the same
copy (`source/sora-reactions.md`, transcribed by an editor before the importer existed) and by
the raw copy itself (every paragraph, in order)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.fidelity import normalise, raw_paragraphs
from pipeline.model import Document
from pipeline.reader import read_source
from tests.conftest import FIRST_TITLE, SEED
from tests.importers.importhelp import fill_placeholders, run_import

# Share of the hand-made registry's speakers (name, role, handle, pseudonym) the import gets
# exactly right. The issue asks for at least 95 %; this pins what the importer reaches today.
SPEAKERS_MATCHED = 44


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("import-seed")
    written = run_import(SEED, out)
    return written, fill_placeholders(written)


@pytest.fixture(scope="module")
def doc(imported) -> Document:
    return read_source(imported[1])


@pytest.fixture(scope="module")
def hand() -> Document:
    return read_source(FIRST_TITLE)


def test_the_written_file_has_only_placeholder_errors(imported) -> None:
    written, _filled = imported
    _doc, diagnostics = check(written, pinyin=False)
    codes = Counter(d.code for d in diagnostics if d.severity == "error")
    # the copy gives no title, date, description or rights: exactly those four are left open
    assert codes == Counter({"E120": 1, "E121": 1, "E122": 1, "E123": 1}), [str(d) for d in diagnostics]


def test_once_filled_it_checks_without_errors_or_typography_warnings(imported) -> None:
    _doc, diagnostics = check(imported[1], pinyin=False)
    assert [str(d) for d in diagnostics if d.severity == "error"] == []
    assert [str(d) for d in diagnostics if d.code in ("W401", "W402", "W403", "W404")] == []
    # voice hints are placeholders (the copy gives no genders): one warning per speaker
    assert Counter(d.code for d in diagnostics)["W406"] == 44


def test_every_paragraph_of_the_copy_in_order(doc: Document) -> None:
    """The project's fidelity yardstick, as for the hand-made source: the model's blocks are the
    raw copy's paragraphs, one for one, modulo the documented normalisation."""
    model = [normalise(block) for block in doc.text_blocks()]
    seed = [normalise(block) for block in raw_paragraphs(SEED)]
    assert model == seed


def test_questions_equal_the_hand_made_source(doc: Document, hand: Document) -> None:
    assert [q.title for q in doc.questions] == [q.title for q in hand.questions]
    assert [s.kind for s in doc.sections] == [s.kind for s in hand.sections]
    assert [s.title for s in doc.sections] == [s.title for s in hand.sections]


def test_speakers_equal_the_hand_made_registry(doc: Document, hand: Document) -> None:
    def key(s):
        return (s.name, s.role, s.handle, s.pseudonym)

    matched = sum((Counter(map(key, hand.speakers)) & Counter(map(key, doc.speakers))).values())
    assert len(doc.speakers) == len(hand.speakers) == 44
    assert matched / len(hand.speakers) >= 0.95
    assert matched == SPEAKERS_MATCHED, sorted(set(map(key, hand.speakers)) ^ set(map(key, doc.speakers)))


def test_answers_go_to_the_same_people_with_the_same_roles(doc: Document, hand: Document) -> None:
    def answers(d: Document):
        return [(a.speaker.name, a.shown_role, a.label) for s in d.chapters for a in s.answers]

    assert answers(doc) == answers(hand)


def test_structure_details(doc: Document, hand: Document) -> None:
    assert doc.meta.authors == hand.meta.authors == ("燕青", "王之言")
    assert (doc.meta.editor, doc.meta.outlet) == ("GGY", "凤凰网")
    assert doc.meta.account.startswith("微信公众号：凤凰网（ID")
    assert doc.meta.credit and normalise(doc.meta.credit) == normalise(hand.meta.credit)
    assert {s.name for s in doc.speakers if s.pseudonym} == {"刘彬", "黄力明", "马庆", "肖以军"}
    # numbered points and asides as the editor marked them by hand
    assert [(p.number, p.text) for p in doc.paragraphs() if p.number] == \
        [(p.number, p.text) for p in hand.paragraphs() if p.number]
    asides = [s.text for p in doc.paragraphs() for s in p.spans if s.style == "aside"]
    assert asides == [s.text for p in hand.paragraphs() for s in p.spans if s.style == "aside"]
    assert [(r.number, r.text, r.outlet) for r in doc.sections[-1].references] == \
        [(r.number, r.text, r.outlet) for r in hand.sections[-1].references]


def test_paragraph_text_is_the_hand_made_text(doc: Document, hand: Document) -> None:
    """House typography as the editor applied it; the one difference is a comma between '%' and
    a Latin letter, which the project's typography rule (and `publish check`) leaves alone."""
    ours, theirs = [p.text for p in doc.paragraphs()], [p.text for p in hand.paragraphs()]
    assert len(ours) == len(theirs)
    differing = [(a, b) for a, b in zip(ours, theirs) if a != b]
    assert len(differing) == 1 and differing[0][0].replace("%,", "%，") == differing[0][1]
