"""A published catalogue of two titles (one with audio, one without), from files made by the
tests, shared by the fast site tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.build import STYLES_DIR
from pipeline.cache import Cache
from pipeline.site.publish import publish_site, site_dir_of
from tests.site.sitetools import BASE_URL, Site, built_title, config, document, variant_text

SECOND_ID = "0b6f3d52-8f8a-4c1e-9d5e-1f7a2b3c4d5e"


@pytest.fixture(scope="session")
def site_cache(tmp_path_factory) -> Cache:
    return Cache(tmp_path_factory.mktemp("site-cache"))


@pytest.fixture(scope="module")
def site(tmp_path_factory, site_cache: Cache) -> Site:
    root = tmp_path_factory.mktemp("published")
    first = built_title(root / "output", document())
    second = built_title(root / "output", document(variant_text("night-library-two", "灯下夜读续篇", "2024-11-02",
                                                               SECOND_ID)), audio=False)
    titles = [second, first]
    publish_site(titles, root / "output", config(), BASE_URL, site_cache, STYLES_DIR, log=lambda m: None)
    return Site(root=site_dir_of(root / "output"), titles=titles)
