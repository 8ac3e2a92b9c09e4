"""A pytest plugin loaded only by mutation runs (`benchmarks/mutate.py` passes
`-p benchmarks.mutate_plugin` to mutmut's pytest); the normal suite never sees it.

Why: mutmut runs, per mutant, every selected test that reaches the mutated function, in no
particular order, and stops at the first failure (`-x`). Two things made a mutant cost seconds:

- order: a mutant that the first quick test kills still ran a 9-second property test first when
  mutmut happened to list it first. Here the tests run fastest first (by the durations mutmut
  measured in its stats run), so a killed mutant costs about its cheapest killing test;
- hypothesis: a survivor pays every property test in full (250 examples of a front matter
  field each through read → check → passes, slowed further by mutmut's trampolines). Here each
  property test draws at most `MAX_EXAMPLES` examples, derandomized (the same examples every run,
  so a verdict does not change from one run to the next) and without shrinking (a failure is a
  kill; the smallest example does not matter). The normal suite keeps its own counts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

MAX_EXAMPLES = 20
# a test that needs a session fixture (a whole title read and prepared) pays for it once per
# mutant; counted as this many seconds when ordering
SESSION_FIXTURE_COST = 0.5


def _durations() -> dict[str, float]:
    stats = Path("mutmut-stats.json")  # mutmut runs the tests in its `mutants/` folder
    if not stats.exists():
        return {}
    try:
        return json.loads(stats.read_text(encoding="utf-8")).get("duration_by_test", {})
    except (OSError, ValueError):
        return {}


def _cheaper(item: pytest.Item) -> settings | None:
    fn = getattr(item, "obj", None)
    current = getattr(fn, "_hypothesis_internal_use_settings", None)
    if current is None:
        return None
    return settings(current, max_examples=min(current.max_examples, MAX_EXAMPLES), derandomize=True,
                    database=None, phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=list(HealthCheck))


def _cost(item: pytest.Item, durations: dict[str, float], default: float) -> float:
    cost = durations.get(item.nodeid, default)
    info = getattr(item, "_fixtureinfo", None)
    if info is not None and any(d.scope == "session" for defs in info.name2fixturedefs.values() for d in defs
                                if d.baseid != ""):  # (pytest's own session fixtures cost nothing)
        cost += SESSION_FIXTURE_COST
    return cost


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        cheaper = _cheaper(item)
        if cheaper is not None:
            item.obj._hypothesis_internal_use_settings = cheaper
    durations = _durations()
    known = sorted(durations.values())
    default = known[len(known) // 2] if known else 0.0
    items.sort(key=lambda item: _cost(item, durations, default))
