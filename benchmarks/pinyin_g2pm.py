"""Would g2pM help where the pinyin pass only guesses? A measurement on the development sets.

g2pM (PyPI ``g2pm`` 0.1.2.5, Apache-2.0: a BiLSTM polyphone classifier trained on Wikipedia
sentences, numpy only, checkpoint inside the wheel) was the candidate "second opinion" for the
characters the pass is not confident about (``PinyinAnnotator.unsure``, what W405 reports). This
script scores, on every development set, the occurrences at those places: the pass's guess against
g2pM's choice among the character's own readings (its logits restricted to them), bucketed by
g2pM's probability, so that a confidence threshold could be chosen if one helped.

It is not run on the held-out sets. g2pM is not a dependency of the project (it did not help; see
benchmarks/RESULTS.md); install it to re-run: ``pip install g2pm==0.1.2.5``.

    python benchmarks/pinyin_g2pm.py [dev test final dev3 ...] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import pinyin_accuracy as accuracy  # noqa: E402


class Restricted:
    """g2pM's classifier, read out as probabilities over one character's candidate readings."""

    def __init__(self):
        import numpy as np
        from g2pM import G2pM

        self.np, self.model = np, G2pM()
        self.class_index = {v: k for k, v in self.model.idx2class.items()}

    def _hidden(self, sentence: str):
        m, np = self.model, self.np
        ids = [m.char2idx["시"]] + [m.char2idx.get(c, m.char2idx["<UNK>"]) for c in sentence] + [m.char2idx["끝"]]
        x = np.array([ids], dtype=np.int32)
        lengths = np.sum(np.sign(x), axis=1)
        fw, bw = m.get_embedding(x), m.get_embedding(m.reverse_sequence(x, lengths))
        fs = bs = None
        fh, bh = [], []
        for i in range(int(max(lengths))):
            fs, bs = m.fw_lstm_cell(fw[:, i, :], fs), m.bw_lstm_cell(bw[:, i, :], bs)
            fh.append(fs[0])
            bh.append(bs[0])
        back = m.reverse_sequence(np.stack(bh, axis=1), lengths)
        return np.concatenate([np.stack(fh, axis=1), back], axis=2)[0]

    def choose(self, sentence: str, offsets: list[int]) -> dict[int, tuple[str, float] | None]:
        from pypinyin.contrib.tone_convert import to_tone

        if not offsets:
            return {}
        np = self.np
        logits = self.model.fc_layer(self._hidden(sentence)[[i + 1 for i in offsets]])
        out: dict[int, tuple[str, float] | None] = {}
        for i, row in zip(offsets, logits):
            cands = [p for p in self.model.cedict.get(sentence[i], []) if p in self.class_index]
            if len(cands) < 2:
                out[i] = None
                continue
            scores = np.array([row[self.class_index[p]] for p in cands])
            prob = np.exp(scores - scores.max())
            prob /= prob.sum()
            k = int(prob.argmax())
            best = cands[k]
            out[i] = (best[:-1] if best.endswith("5") else to_tone(best), float(prob[k]))
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", default=["dev", "test", "final", "dev3"])
    parser.add_argument("--verbose", action="store_true", help="print every place where the two differ")
    args = parser.parse_args(argv)
    if any(name in accuracy.HELD_OUT for name in args.sets):
        parser.error("held-out sets are not used to decide anything")
    from pipeline.passes.pinyin import PinyinAnnotator

    try:
        model = Restricted()
    except ImportError:
        print("g2pM is not installed: pip install g2pm==0.1.2.5")
        return 2
    annotator = PinyinAnnotator()
    print("| set | occurrences | unsure (W405) | pass right there | g2pM right there | g2pM right, p >= 0.9 / such places |")
    print("|---|---|---|---|---|---|")
    for name in args.sets:
        rows = accuracy.load_set(name)
        by_sentence: dict[str, list] = {}
        for row in rows:
            by_sentence.setdefault(row.sentence, []).append(row)
        unsure = ok_pass = ok_model = sure_model = sure_ok = 0
        for sentence, sentence_rows in by_sentence.items():
            got = accuracy.readings_by_char(annotator.annotate(sentence))
            places = sorted({offset for offset, _c, _r in annotator.unsure(sentence)})
            choice = model.choose(sentence, places)
            for row in sentence_rows:
                if row.offset not in choice:
                    continue
                unsure += 1
                mine, theirs = got[row.offset] in row.expected, choice[row.offset]
                right = theirs is not None and theirs[0] in row.expected
                ok_pass += mine
                ok_model += right
                if theirs is not None and theirs[1] >= 0.9:
                    sure_model += 1
                    sure_ok += right
                if args.verbose and mine != right:
                    print(f"  {row.char} pass={got[row.offset]} g2pM={theirs} gold={'|'.join(row.expected)} {accuracy._mark(row)}")
        print(f"| {name} | {len(rows)} | {unsure} | {ok_pass} | {ok_model} | {sure_ok}/{sure_model} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
