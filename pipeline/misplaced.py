"""Text that stands in the wrong block, found on the model (`publish check`, W426).

The ninth robustness sweep found an interviewer's follow-up pasted inside the answer it
interrupts, as copy prints it (`问：那白天呢？`, `**记者：为什么？**`): the reader takes it as the
speaker's own words, so every edition printed it under that speaker's label and the audio read
it in that speaker's voice. A question of its own is a `##` chapter. A warning, not an error: an
answer may quote a question put to the speaker.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.diagnostics import Diagnostic
from pipeline.model import Document

# The labels copy gives an interviewer's turn (as `publish import` reads them, rules.toml), then a
# sentence that asks. Matched on the model's text (bold already read), folded (`Ｑ：`, `Ｑ１：`).
INTERVIEWER_LABELS = ("问", "提问", "追问", "记者", "主持人", "Q", "Question", "Interviewer")
_ASKED = re.compile(r"\s*(?:" + "|".join(INTERVIEWER_LABELS) + r")\s*\d{0,2}\s*[:：]\s*(?P<question>.+?[?？])\s*",
                    re.IGNORECASE)


def questions_in_answers(doc: Document) -> list[Diagnostic]:
    """W426 for each paragraph of an answer that is a labelled question."""
    found = []
    for section in doc.sections:
        for answer in section.answers:
            for paragraph in answer.paragraphs:
                asked = _ASKED.fullmatch(unicodedata.normalize("NFKC", paragraph.text))
                if asked is None:
                    continue
                question = re.split("[:：]", paragraph.text, maxsplit=1)[-1].strip()  # (as written: '？' not folded)
                found.append(Diagnostic(
                    "W426", paragraph.loc.path, paragraph.loc.line, paragraph.loc.col,
                    f"'{paragraph.text.strip()[:40]}' is a question inside {answer.speaker.name}'s answer: every edition "
                    f"prints it as {answer.speaker.name}'s words, and the audio reads it in that voice: it is the "
                    f"chapter '## {question}'"))
    return found


# (the eleventh sweep) The interviewer's label kept in a question's heading, as copy prints the turn:
# '## 问：你为什么…', '## Q1：…', '## 问 : …' (a space before the colon, or a full-width one). Every
# edition printed the label as the question's first word, the contents listed it, and the audio read
# "问" aloud before the question. A warning: a heading may quote a label on purpose.
_LABELLED_HEADING = re.compile(r"\s*(?P<label>(?:" + "|".join(INTERVIEWER_LABELS) + r")\s*\d{0,2}\s*[:：])\s*(?P<question>\S.*)",
                               re.IGNORECASE)


def labels_in_headings(doc: Document) -> list[Diagnostic]:
    """W429 for each question chapter whose heading opens with an interviewer's label."""
    found = []
    for section in doc.sections:
        labelled = _LABELLED_HEADING.fullmatch(unicodedata.normalize("NFKC", section.title or ""))
        if section.kind in ("question", "closing") and labelled is not None:
            question = re.split("[:：]", section.title or "", maxsplit=1)[-1].strip()
            found.append(Diagnostic(
                "W429", section.loc.path, section.loc.line, 1,
                f"the heading opens with the interviewer's label '{(section.title or '')[:len(section.title or '') - len(question)].strip()}': "
                f"every edition prints it as the question's first word (and the contents list it), and the audio reads "
                f"it aloud; the heading is the question alone: '## {question[:30]}'"))
    return found
