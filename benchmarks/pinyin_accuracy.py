"""Accuracy of the pinyin pass on polyphonic characters, against benchmarks/pinyin_eval.tsv.

The evaluation set is hand-written modern sentences (news, tech, culture, sports, everyday), one row
per occurrence of a polyphonic character: sentence, char offset, char, expected reading (tone
marks, citation tones). Every occurrence of the listed characters in a sentence is scored, not a
chosen few.

    python benchmarks/pinyin_accuracy.py [--eval FILE] [--quiet]

Prints the pass's accuracy, pypinyin's alone (its default phrase mode) for comparison, and every
miss of the pass. Exit code 1 if the pass scores below 99 %.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EVAL = ROOT / "benchmarks" / "pinyin_eval.tsv"
TARGET = 0.99


@dataclass(frozen=True)
class Row:
    sentence: str
    offset: int
    char: str
    expected: str


@dataclass
class Score:
    total: int = 0
    correct: int = 0
    misses: list[tuple[Row, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def load(path: Path = EVAL) -> list[Row]:
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            row = Row(rec["sentence"], int(rec["offset"]), rec["char"], rec["reading"])
            if row.sentence[row.offset] != row.char:
                raise ValueError(f"{path}: offset {row.offset} of {row.sentence!r} is not {row.char!r}")
            rows.append(row)
    return rows


def readings_by_char(tokens) -> list[str | None]:
    """One reading per character of the text (None for non-Han)."""
    out: list[str | None] = []
    for token in tokens:
        if token.pinyin is None:
            out.extend([None] * len(token.text))
            continue
        syllables = iter(token.pinyin)
        from pipeline.passes.pinyin import _is_han

        out.extend(next(syllables) if _is_han(c) else None for c in token.text)
    return out


def score(rows: list[Row] | None = None, annotator=None) -> Score:
    """Score the pinyin pass (a default PinyinAnnotator unless one is given)."""
    from pipeline.passes.pinyin import PinyinAnnotator

    rows = load() if rows is None else rows
    annotator = annotator or PinyinAnnotator()
    cache: dict[str, list[str | None]] = {}
    result = Score()
    for row in rows:
        if row.sentence not in cache:
            cache[row.sentence] = readings_by_char(annotator.annotate(row.sentence))
        got = cache[row.sentence][row.offset]
        result.total += 1
        if got == row.expected:
            result.correct += 1
        else:
            result.misses.append((row, got or "—"))
    return result


def score_baseline(rows: list[Row] | None = None) -> Score:
    """pypinyin alone: pinyin(sentence, Style.TONE) with its own phrase segmentation."""
    from pypinyin import Style, pinyin

    rows = load() if rows is None else rows
    cache: dict[str, list[str]] = {}
    result = Score()
    for row in rows:
        if row.sentence not in cache:
            cache[row.sentence] = [p[0] for p in pinyin(row.sentence, style=Style.TONE, errors=lambda x: [[c] for c in x])]
        got = cache[row.sentence][row.offset]
        result.total += 1
        if got == row.expected:
            result.correct += 1
        else:
            result.misses.append((row, got))
    return result


def _mark(row: Row) -> str:
    return row.sentence[: row.offset] + "【" + row.char + "】" + row.sentence[row.offset + 1 :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="evaluation TSV (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="no per-miss lines")
    args = parser.parse_args(argv)
    rows = load(args.eval)
    sentences = len({r.sentence for r in rows})
    ours = score(rows)
    base = score_baseline(rows)
    print(f"evaluation set: {args.eval.name}: {len(rows)} polyphonic-character occurrences "
          f"({len({r.char for r in rows})} characters) in {sentences} sentences")
    print(f"pinyin pass:      {ours.correct}/{ours.total} = {ours.accuracy:.2%}")
    print(f"pypinyin alone:   {base.correct}/{base.total} = {base.accuracy:.2%}")
    if not args.quiet:
        print(f"\nmisses of the pinyin pass ({len(ours.misses)}):")
        for row, got in ours.misses:
            print(f"  {row.char}  got {got:<7} expected {row.expected:<7} {_mark(row)}")
        worst = Counter(row.char for row, _ in base.misses).most_common(12)
        print("\npypinyin's most-missed characters: " + "  ".join(f"{c}×{n}" for c, n in worst))
    ok = ours.accuracy >= TARGET
    print(f"\n{'PASS' if ok else 'FAIL'}: target {TARGET:.0%}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
