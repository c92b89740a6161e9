"""The `briefgen` block of mkdocs.yml: its schema, and `to_settings` to freeze it.

MkDocs validates the block (paths resolve relative to mkdocs.yml, errors are collected and
prefixed with `Plugin 'briefgen' option ...`). MkDocs only warns about an unknown key; ours is an
error, because a misspelt option silently ignored gives a wrong briefing.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from briefgen.model import ActorType, Principal, Settings, StoryPin
from briefgen.parallel import executor_factory
from briefgen.resources import load_knowledge

ACTOR_TYPES: tuple[ActorType, ...] = ("person", "government", "organisation", "group")


class StrictConfig(base.Config):
    """A config section in which an unknown key is an error, not a warning."""

    def _validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super()._validate()
        unknown = [(key, msg) for key, msg in warnings if msg.startswith("Unrecognised")]
        allowed = ", ".join(sorted(self._schema_keys))
        for key, _ in unknown:
            failed.append(
                (key, base.ValidationError(f"unknown key '{key}'; allowed keys: {allowed}"))
            )
        return failed, [w for w in warnings if w not in unknown]


class PrincipalConfig(StrictConfig):
    """One principal: an actor whose statements lead the statements page."""

    name = c.Type(str)
    """The canonical name shown on pages: `Ana Torres`."""
    id = c.Optional(c.Type(str))
    """A stable id for URLs and the export; default: the name as a slug."""
    type = c.Choice(ACTOR_TYPES, default="person")
    """What kind of actor: person, government, organisation or group."""
    role = c.Type(str, default="")
    """A short role shown beside the name: `Labour Minister of Chile`."""
    aliases = c.ListOfItems(c.Type(str), default=[])
    """Other names the press uses; matched ignoring case, accents and hyphens."""


class StoryConfig(StrictConfig):
    """One pinned story: these articles make one briefing, apart from all others."""

    title = c.Optional(c.Type(str))
    """The briefing's title (and the source of its URL); default: its newest headline."""
    articles = c.ListOfItems(c.Type(str))
    """Article file names, with or without extension: `003_quake-wire` or `003_quake-wire.txt`."""


class BriefgenConfig(StrictConfig):
    """Options of the briefgen plugin."""

    corpus_dir = c.Dir(exists=True, default="seeds")
    """Folder of articles, relative to mkdocs.yml."""
    output_dir = c.Type(str, default="briefings")
    """Folder under docs_dir that generated pages live in; briefgen owns nothing else."""
    templates_dir = c.Dir(exists=True, default="templates")
    """Folder of the Jinja2 templates that write the pages."""
    summary_sentences = c.Type(int, default=7)
    """How many sentences the situation summary holds (5 to 10 reads best)."""
    max_article_bytes = c.Type(int, default=2_000_000)
    """Articles larger than this are read up to this size (at a line break) and reported."""
    principals = c.ListOfItems(c.SubConfig(PrincipalConfig), default=[])
    """Actors whose statements lead the statements page, with their aliases."""
    cache = c.Type(bool, default=True)
    """Keep per-article results in a SQLite cache, so a rebuild re-reads only changed articles
    (also switched off by the environment variable BRIEFGEN_NO_CACHE=1 or `--no-cache`)."""
    cache_dir = c.Type(str, default=".cache/briefgen")
    """Folder of the cache, relative to mkdocs.yml (or BRIEFGEN_CACHE_DIR)."""
    workers = c.Type(int, default=0)
    """Processes for per-article work on large corpora; 0 means one per CPU core."""
    nav_briefings = c.Type(int, default=50)
    """How many briefings, the newest, the navigation lists (0: all). The others are on the
    list of briefings and found by search: a navigation of every briefing makes each page's
    build cost grow with the number of briefings (docs/guide/scale.md)."""
    executor = c.Type(str, default="process")
    """What runs the per-article work: "process" (a local process pool) or "module:callable",
    a factory taking the number of workers and returning a concurrent.futures.Executor, such
    as a Dask cluster's (see docs/guide/scale.md)."""
    stories = c.ListOfItems(c.SubConfig(StoryConfig), default=[])
    """Pin articles into a briefing of their own where the automatic grouping is wrong: to
    join articles it split, or to split off articles it joined."""


def slugify(text: str) -> str:
    """Return a lowercase ASCII slug: `Héctor Villagrán` -> `hector-villagran`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


def to_principal(raw: PrincipalConfig) -> Principal:
    """Return the frozen Principal for one validated principal entry."""
    return Principal(
        id=raw.id or slugify(raw.name),
        name=raw.name,
        type=raw.type,
        role=raw.role,
        aliases=tuple(dict.fromkeys([raw.name, *raw.aliases])),
    )


def to_story(raw: StoryConfig) -> StoryPin:
    """Return the frozen StoryPin of one validated story entry (ids without extension)."""
    ids = (re.sub(r"\.(?:txt|text|md|markdown|html?)$", "", a.strip()) for a in raw.articles)
    return StoryPin(title=raw.title, articles=tuple(dict.fromkeys(ids)))


def to_settings(
    config: BriefgenConfig | dict[str, Any],
    base_dir: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Return frozen Settings from the validated briefgen block.

    base_dir is the folder of mkdocs.yml, against which cache_dir is resolved; without it (as
    in tests) there is no cache. environ may switch the cache off or move it.
    """
    environ = environ if environ is not None else {}
    summary_sentences = config["summary_sentences"]
    if not 1 <= summary_sentences <= 50:
        raise base.ValidationError("summary_sentences must be between 1 and 50")
    workers = config["workers"]
    if workers < 0:
        raise base.ValidationError("workers must be 0 (one per core) or more")
    if config.get("nav_briefings", 0) < 0:
        raise base.ValidationError("nav_briefings must be 0 (all) or more")
    try:
        executor_factory(config["executor"])
    except ValueError as error:
        raise base.ValidationError(str(error)) from error
    cache_dir = None
    if config["cache"] and base_dir is not None and not environ.get("BRIEFGEN_NO_CACHE"):
        cache_dir = str(Path(base_dir) / environ.get("BRIEFGEN_CACHE_DIR", config["cache_dir"]))
    return Settings(
        corpus_dir=config["corpus_dir"],
        output_dir=config["output_dir"].strip("/") or "briefings",
        templates_dir=config["templates_dir"],
        summary_sentences=summary_sentences,
        max_article_bytes=config["max_article_bytes"],
        knowledge=load_knowledge(tuple(to_principal(p) for p in config["principals"])),
        stories=pinned_stories([to_story(s) for s in config["stories"]]),
        cache_dir=cache_dir,
        workers=workers or os.cpu_count() or 1,
        executor=config["executor"],
    )


def pinned_stories(pins: list[StoryPin]) -> tuple[StoryPin, ...]:
    """Return the pins, refusing an article pinned to two stories."""
    owner: dict[str, int] = {}
    for n, pin in enumerate(pins, start=1):
        if not pin.articles:
            raise base.ValidationError(f"stories entry {n} lists no articles")
        for article in pin.articles:
            if article in owner:
                raise base.ValidationError(
                    f"article '{article}' is pinned to stories {owner[article]} and {n}; "
                    "an article belongs to one briefing"
                )
            owner[article] = n
    return tuple(pins)
