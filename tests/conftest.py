"""Shared fixtures: knowledge from another world, the spaCy pipeline, the seed site."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from worlds import PORT_CITY_PRINCIPALS

from briefgen.config import to_settings
from briefgen.extract import build_alias_index, load_nlp
from briefgen.extract.names import AliasIndex
from briefgen.ingest import read_corpus
from briefgen.model import ArticleFacts, Knowledge, Settings, Site
from briefgen.pipeline import analyse, generate_site
from briefgen.resources import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "tests" / "corpora"


@pytest.fixture(autouse=True, scope="session")
def no_cache_in_builds() -> Iterator[None]:
    """Builds run by tests (mkdocs in a subprocess) neither read nor write a cache in the
    repository; tests of the cache pass a cache_dir of their own."""
    os.environ["BRIEFGEN_NO_CACHE"] = "1"
    yield
    os.environ.pop("BRIEFGEN_NO_CACHE", None)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/")


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """Knowledge for a world that is not the seeds': a strike in a port city."""
    return load_knowledge(PORT_CITY_PRINCIPALS)


@pytest.fixture(scope="session")
def index(knowledge: Knowledge) -> AliasIndex:
    return build_alias_index(knowledge)


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_nlp()


def settings_for(config_file: Path) -> Settings:
    """Return the Settings of a mkdocs.yml, as the CLI reads them."""
    config = load_config(str(config_file))
    return to_settings(config.plugins["briefgen"].config)


def analysed_corpus(folder: Path, nlp: Any) -> tuple[Settings, list[ArticleFacts]]:
    """Return the settings of a test corpus (its mkdocs.yml, its seeds/) and the facts of
    its usable articles, analysed in this process."""
    settings = replace(settings_for(folder / "mkdocs.yml"), corpus_dir=str(folder / "seeds"))
    found = analyse(read_corpus(settings).articles, settings, nlp)
    return settings, [a.facts for a in found if a.facts is not None]


@pytest.fixture(scope="session")
def seed_site(nlp: Any) -> Site:
    """The generated pages of the repository's own corpus (seeds/)."""
    return generate_site(settings_for(ROOT / "mkdocs.yml"), nlp)
