"""The MkDocs plugin: a thin adapter that adds the generated pages to the build in memory.

The plugin never writes into docs_dir: `mkdocs serve` would see the write and rebuild forever.
It watches the corpus and templates folders instead, so that adding, changing or removing an
article or a template regenerates the site. The spaCy pipeline is loaded once per process.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from briefgen.assets import MERMAID_URI, add_mermaid_script, read_mermaid
from briefgen.config import BriefgenConfig, to_settings
from briefgen.errors import BriefgenError
from briefgen.model import Settings, Site
from briefgen.pipeline import Compared, generate_compared, record_history
from briefgen.render.pages import PRINT_PARTS, inert_meta_value, print_part
from briefgen.render.splice import Part, splice_parts, stub_parts
from briefgen.render.write import MARKER

log = get_plugin_logger(__name__)


def _is_rendered_copy(file: File) -> bool:
    """Return True if a docs file lies in a folder that `briefgen render` wrote (has the marker)."""
    if not file.abs_src_path:
        return False
    path = Path(file.abs_src_path).resolve()
    return any((parent / MARKER).is_file() for parent in path.parents)


# A briefing's pages in the navigation, by file name: the summary first, print last; any other
# page (a template added by the user) between them by name.
PAGE_ORDER = ("index", "statements", "actors", "map", "sources", "changes", "print")
# The snapshots of the last build and of the one it was compared with, in the cache folder.
# Generated pages use attribute lists ({: #s2-p3 }) and tables; MkDocs always adds toc.
REQUIRED_EXTENSIONS = ("attr_list", "tables")


class BriefgenPlugin(BasePlugin[BriefgenConfig]):
    """Generates the briefing pages from the corpus on every build."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.nlp: Any = None
        self.compared: Compared | None = None  # its history is written after a good build
        self.titles: dict[str, str] = {}  # a briefing's index page (URI) -> its title
        self.ranks: dict[str, int] = {}  # a briefing's index page (URI) -> 0 for the newest
        self.files: Files | None = None
        # A print page (URI) -> its parts as their own pages give them (see render/splice.py);
        # then the parts left out of its Markdown, to splice in from those pages' HTML.
        self.print_parts: dict[str, dict[str, str]] = {}
        self.stubbed: dict[str, tuple[str, ...]] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Exist, so that MkDocs keeps this object (and its loaded model) across serve rebuilds."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Freeze the validated briefgen block into Settings, and switch on the Markdown
        extensions generated pages rely on (paragraph anchors need attr_list)."""
        self.settings = to_settings(
            self.config, str(Path(config.config_file_path).parent), os.environ
        )
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        prune_navigation(config)
        return config

    def _load_model(self) -> Any:
        """Return the spaCy pipeline, loaded on first need and kept for later rebuilds."""
        if self.nlp is None:
            from briefgen.extract import load_nlp

            self.nlp = load_nlp()
        return self.nlp

    def _generate_site(self, settings: Settings) -> Site:
        """Return the generated site, each briefing compared with the previous build's."""
        compared = generate_compared(settings, self.nlp, self._load_model)
        self.compared = compared
        self.titles = {
            f"{settings.output_dir}/{b.slug}/index.md": b.title for b in compared.briefings
        }
        self.ranks = {  # newest first, as on the list of briefings
            f"{settings.output_dir}/{b.slug}/index.md": n for n, b in enumerate(compared.briefings)
        }
        return compared.site

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Record this build's snapshot, so that the next build can say what changed."""
        if self.compared is not None and (warning := record_history(self.compared)):
            log.warning(warning)
        self.compared = None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Generate the site and add each page and the export to the build."""
        assert self.settings is not None
        try:
            site = self._generate_site(self.settings)
        except BriefgenError as error:
            raise PluginError(error.message) from error
        for problem in site.problems:
            log.warning(str(problem))
        for uri, content in site.files.items():
            existing = files.get_file_from_path(uri)
            if existing is not None and _is_rendered_copy(existing):
                files.remove(existing)  # left by `briefgen render`: the fresh page wins
            elif existing is not None and not existing.generated_by:
                raise PluginError(
                    f"{existing.abs_src_path}: a hand-written file stands where briefgen "
                    f"generates '{uri}'; move it or change output_dir"
                )
            files.append(File.generated(config, uri, content=content))
        if files.get_file_from_path(MERMAID_URI) is None:  # the site's own Mermaid (assets/)
            files.append(File.generated(config, MERMAID_URI, content=read_mermaid()))
        self.files = files
        self.print_parts = print_parts(site.files)
        self.stubbed = {}
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Leave out of a print page the parts that its siblings' HTML will give (below).
        Generated pages are converted in every build, --dirty ones too."""
        uri = page.file.src_uri
        if uri not in self.print_parts or not page.file.generated_by:
            return markdown
        markdown, self.stubbed[uri] = stub_parts(markdown, self.print_parts[uri])
        return markdown

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Put into a print page the HTML of the parts left out of its Markdown: every page
        is converted by now."""
        names = self.stubbed.get(page.file.src_uri)
        if names and page.content is not None and self.files is not None:
            folder = page.file.src_uri.rpartition("/")[0]
            siblings = {
                name: found.page
                for name in PRINT_PARTS
                if (found := self.files.get_file_from_path(f"{folder}/{name}.md")) is not None
                and found.page is not None
            }
            parts = {}
            for name in names:
                content = siblings[name].content
                if content is None:
                    raise PluginError(f"{folder}/{name}.md was not converted for its print page")
                parts[name] = Part(
                    url=siblings[name].url, html=content, demote=name != PRINT_PARTS[0]
                )
            urls = {name: sibling.url for name, sibling in siblings.items()}
            page.content = splice_parts(page.content, page.url, parts, urls)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Point a page holding a Mermaid diagram to the site's own Mermaid: Material would
        fetch it from a CDN, which an intranet cannot reach."""
        return add_mermaid_script(output, get_relative_url(MERMAID_URI, page.url))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Name each briefing's section by its title, not its folder, and order its pages;
        list only the newest `nav_briefings` briefings (all their pages are still built)."""
        briefing_sections = []
        for section in _sections(nav.items):
            uris = [c.file.src_uri for c in section.children if isinstance(c, Page)]
            if title := next((self.titles[u] for u in uris if u in self.titles), None):
                section.title = inert_meta_value(title)  # the theme prints it unescaped
                section.children.sort(key=_page_rank)
                rank = min(self.ranks[u] for u in uris if u in self.ranks)
                briefing_sections.append((rank, section))
        limit = self.config.nav_briefings
        if limit and len(briefing_sections) > limit:
            dropped = {id(s) for _, s in sorted(briefing_sections, key=lambda r: r[0])[limit:]}
            _drop_sections(nav.items, dropped)
        nav.pages = list(_pages(nav.items))
        for n, page in enumerate(nav.pages):  # previous/next follow the new order
            page.previous_page = nav.pages[n - 1] if n else None
            page.next_page = nav.pages[n + 1] if n + 1 < len(nav.pages) else None
        return nav

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> Any:
        """Watch the corpus and templates folders, so that mkdocs serve regenerates."""
        assert self.settings is not None
        server.watch(self.settings.corpus_dir)
        server.watch(self.settings.templates_dir)
        return server


def print_parts(files: Mapping[str, str | bytes]) -> dict[str, dict[str, str]]:
    """Return, for each generated print page (URI), the print_part of each of its sibling
    pages that it holds: render_print_page made its parts from them."""
    pages = {uri: text for uri, text in files.items() if isinstance(text, str)}
    found = {}
    for uri in pages:
        folder, _, name = uri.rpartition("/")
        if name != "print.md":
            continue
        found[uri] = {
            part: print_part(pages[page], part, demote=part != PRINT_PARTS[0])
            for part in PRINT_PARTS
            if (page := f"{folder}/{part}.md") in pages
        }
    return found


def prune_navigation(config: MkDocsConfig) -> bool:
    """Switch on Material's navigation.prune: each page's navigation then holds the pages of
    its own briefing and one link per other briefing, not every page of the site. Without it,
    every page renders the whole navigation and the build grows with the square of the
    number of briefings (bench/scale/README.md). Not with navigation.expand, which needs the
    whole tree. Return True if the feature is on."""
    if config.theme.name != "material":
        return False
    features = config.theme.get("features")
    if not isinstance(features, list):
        features = []
        config.theme["features"] = features
    if "navigation.expand" in features:
        return False
    if "navigation.prune" not in features:
        features.append("navigation.prune")
    return True


def _sections(items: list[Any]) -> list[Section]:
    """Return every section of the navigation, depth first."""
    found = []
    for item in items:
        if isinstance(item, Section):
            found += [item, *_sections(item.children)]
    return found


def _drop_sections(items: list[Any], dropped: set[int]) -> None:
    """Remove the sections whose id() is in `dropped` from the navigation tree, in place."""
    items[:] = [item for item in items if id(item) not in dropped]
    for item in items:
        if isinstance(item, Section):
            _drop_sections(item.children, dropped)


def _pages(items: list[Any]) -> list[Page]:
    """Return the navigation's pages in order."""
    found: list[Page] = []
    for item in items:
        found += _pages(item.children) if isinstance(item, Section) else []
        found += [item] if isinstance(item, Page) else []
    return found


def _page_rank(item: Any) -> tuple[int, str]:
    """Return the place of a briefing's page in its section: PAGE_ORDER, with pages it does not
    name after the sources, by name."""
    name = Path(item.file.src_uri).stem if isinstance(item, Page) else ""
    if name in PAGE_ORDER:
        return (2 * PAGE_ORDER.index(name), name)
    return (2 * PAGE_ORDER.index("sources") + 1, name)
