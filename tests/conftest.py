"""Shared fixtures: the two real titles, read once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from pipeline.build import prepare
from pipeline.model import Document
from pipeline.reader import read_source

# No hypothesis deadline anywhere: timing belongs in benchmarks/, and a slow shared machine
# would make a deadline fail at random. Tests keep their own example counts.
settings.register_profile("publish", deadline=None)
settings.load_profile("publish")

ROOT = Path(__file__).resolve().parent.parent
FIRST_TITLE = ROOT / "source" / "sora-reactions.md"
TEST_TITLE = ROOT / "tests" / "fixtures" / "test-title.md"
SEED = ROOT / "tests" / "fixtures" / "seed" / "000_8a3c4b0792094f43.txt"  # the raw copy, as delivered


@pytest.fixture(scope="session")
def first_title() -> Document:
    return prepare(read_source(FIRST_TITLE))


@pytest.fixture(scope="session")
def test_title() -> Document:
    return prepare(read_source(TEST_TITLE))
