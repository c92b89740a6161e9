"""The MkDocs plugin: a thin adapter that adds the generated pages to the build in memory.

The plugin never writes into docs_dir: `mkdocs serve` would see the write and rebuild forever.
It watches the corpus and templates folders instead, so that adding, changing or removing an
article or a template regenerates the site. The spaCy pipeline is loaded once per process.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from briefgen.config import BriefgenConfig, to_settings
from briefgen.errors import BriefgenError
from briefgen.model import Settings
from briefgen.pipeline import generate_site
from briefgen.render.write import MARKER

log = get_plugin_logger(__name__)


def _is_rendered_copy(file: File) -> bool:
    """Return True if a docs file lies in a folder that `briefgen render` wrote (has the marker)."""
    if not file.abs_src_path:
        return False
    path = Path(file.abs_src_path).resolve()
    return any((parent / MARKER).is_file() for parent in path.parents)


# Generated pages use attribute lists ({: #s2-p3 }) and tables; MkDocs always adds toc.
REQUIRED_EXTENSIONS = ("attr_list", "tables")


class BriefgenPlugin(BasePlugin[BriefgenConfig]):
    """Generates the briefing pages from the corpus on every build."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.nlp: Any = None

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
        return config

    def _load_model(self) -> Any:
        """Return the spaCy pipeline, loaded on first need and kept for later rebuilds."""
        if self.nlp is None:
            from briefgen.extract import load_nlp

            self.nlp = load_nlp()
        return self.nlp

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Generate the site and add each page and the export to the build."""
        assert self.settings is not None
        try:
            site = generate_site(self.settings, self.nlp, self._load_model)
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
        return files

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> Any:
        """Watch the corpus and templates folders, so that mkdocs serve regenerates."""
        assert self.settings is not None
        server.watch(self.settings.corpus_dir)
        server.watch(self.settings.templates_dir)
        return server
