"""The briefgen block of mkdocs.yml: validated, unknown keys are errors, messages name them."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import Abort

from briefgen.config import to_settings

BASE = """site_name: t
docs_dir: docs
plugins:
  - briefgen:
      corpus_dir: seeds
      templates_dir: {templates}
{extra}"""


def write_config(tmp_path: Path, extra: str) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "seeds").mkdir()
    templates = Path(__file__).resolve().parent.parent / "templates"
    path = tmp_path / "mkdocs.yml"
    path.write_text(BASE.format(templates=templates, extra=extra), encoding="utf-8")
    return path


def test_config_empty_principals_is_valid(tmp_path: Path) -> None:
    config = load_config(str(write_config(tmp_path, "      principals: []\n")))
    settings = to_settings(config.plugins["briefgen"].config)
    assert settings.knowledge.principals == ()
    assert settings.output_dir == "briefings"


def test_config_principal_aliases(tmp_path: Path) -> None:
    extra = "      principals:\n        - name: Ana Torres\n          aliases: [Torres]\n"
    config = load_config(str(write_config(tmp_path, extra)))
    (principal,) = to_settings(config.plugins["briefgen"].config).knowledge.principals
    assert (principal.id, principal.aliases) == ("ana-torres", ("Ana Torres", "Torres"))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("      corpus_dirr: seeds\n", "unknown key 'corpus_dirr'"),
        ("      principals:\n        - name: X\n          alias: [Y]\n", "unknown key 'alias'"),
        ("      principals:\n        - name: X\n          type: army\n", "type"),
        ("      summary_sentences: many\n", "summary_sentences"),
    ],
)
def test_config_errors_name_the_option(
    tmp_path: Path, extra: str, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        load_config(str(write_config(tmp_path, extra)))
    assert "Plugin 'briefgen' option" in caplog.text
    assert message in caplog.text


def test_config_unknown_key_message(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(Abort):
        load_config(str(write_config(tmp_path, "      corpus_dirr: seeds\n")))
    assert (
        "Plugin 'briefgen' option 'corpus_dirr': unknown key 'corpus_dirr'; allowed keys: "
        "cache, cache_dir, corpus_dir, executor, max_article_bytes, nav_briefings, output_dir, "
        "principals, stories, summary_sentences, templates_dir, workers"
    ) in caplog.text


def test_config_story_pins(tmp_path: Path) -> None:
    extra = (
        "      stories:\n"
        "        - title: Summit in Lima\n"
        "          articles: [001_summit.html, 003_summit-copy]\n"
    )
    config = load_config(str(write_config(tmp_path, extra)))
    (pin,) = to_settings(config.plugins["briefgen"].config).stories
    assert (pin.title, pin.articles) == ("Summit in Lima", ("001_summit", "003_summit-copy"))


def test_config_story_pin_twice_is_an_error(tmp_path: Path) -> None:
    extra = "      stories:\n        - articles: [a.txt]\n        - articles: [b, a]\n"
    config = load_config(str(write_config(tmp_path, extra)))
    with pytest.raises(ValidationError, match="'a' is pinned to stories 1 and 2"):
        to_settings(config.plugins["briefgen"].config)
