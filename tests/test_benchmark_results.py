"""benchmarks/run.py keeps RESULTS.md true when only some rows are measured again: a run of
one command replaces that command's rows and leaves every other command's record in place."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

RESULTS = """# Benchmark results

| command | cold | warm | after one-answer edit | peak memory |
|---|---|---|---|---|
| `publish epub` | 0.51 s ± 0.00 | 0.24 s ± 0.01 | 0.32 s ± 0.01 | 85 MB |
| `publish pdf` | 2.88 s ± 0.15 | 0.48 s ± 0.05 | 2.83 s ± 0.05 | 185 MB |
| `publish pdf --learner` | 6.40 s ± 0.19 | 0.49 s ± 0.02 | 2.10 s ± 0.02 | 239 MB |

## Rows measured again

`pdf`, `pdf --learner` measured again by `python benchmarks/run.py --only ... --runs 3` on 2026-11-30 15:19, 2 cores:

| command | CPU cold | CPU warm | CPU after one-answer edit |
|---|---|---|---|
| `publish pdf` | 2.89 s | 0.48 s | 2.84 s |
| `publish pdf --learner` | 8.90 s | 0.49 s | 2.10 s |

## Anchors on the same text

| tool | time |
"""


@pytest.fixture()
def run_module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
        yield run
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def _rows(text: str, heading: str) -> dict[str, str]:
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    return {line.split("`")[1]: line for line in section.splitlines() if line.startswith("| `publish ")}


def test_a_partial_run_keeps_the_other_commands_records(run_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "RESULTS.md"
    path.write_text(RESULTS, encoding="utf-8")
    sample = run_module.Sample(seconds=1.25, peak_mb=100.0, cpu=1.75)
    measured = {"pdf --learner": {"cold": [sample], "warm": [sample], "edit": [sample]}}
    text = run_module.update_rows(path, measured, 3, ("0.1 / 0.2 / 0.3", "0.4 / 0.5 / 0.6"))

    table = _rows(text, "# Benchmark results")
    assert table["publish pdf --learner"].startswith("| `publish pdf --learner` | 1.25 s ± 0.00")
    assert table["publish pdf"] == "| `publish pdf` | 2.88 s ± 0.15 | 0.48 s ± 0.05 | 2.83 s ± 0.05 | 185 MB |"
    again = _rows(text, "## Rows measured again")
    assert set(again) == {"publish pdf", "publish pdf --learner"}
    assert again["publish pdf"] == "| `publish pdf` | 2026-11-30 15:19 | – | 2.89 s | 0.48 s | 2.84 s |"
    cells = [cell.strip() for cell in again["publish pdf --learner"].strip("|").split("|")]
    assert cells[2:] == ["0.1 / 0.2 / 0.3 → 0.4 / 0.5 / 0.6", "1.75 s", "1.75 s", "1.75 s"]
    assert "\n\n## Anchors on the same text\n\n| tool | time |" in text

    # and a second partial run keeps the first one's line
    path.write_text(text, encoding="utf-8")
    again2 = _rows(run_module.update_rows(path, {"epub": measured["pdf --learner"]}, 3, ("1", "2")),
                   "## Rows measured again")
    assert list(again2) == ["publish epub", "publish pdf", "publish pdf --learner"]
    assert again2["publish pdf --learner"] == again["publish pdf --learner"]
