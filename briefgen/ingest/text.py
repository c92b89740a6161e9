"""Reading the corpus folder: one RawArticle per usable file, one Problem per unusable one."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from briefgen.errors import CorpusError, Problem
from briefgen.ingest.encoding import decode_article, guess_legacy_encoding, looks_binary
from briefgen.model import Corpus, RawArticle, Settings

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md")


def list_corpus_files(corpus_dir: Path) -> list[Path]:
    """Return the corpus files in name order, skipping hidden files and folders."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: corpus folder not found; set corpus_dir in mkdocs.yml")
    return sorted(p for p in corpus_dir.iterdir() if not p.name.startswith(".") and not p.is_dir())


def read_article(path: Path, corpus_dir: Path, max_bytes: int) -> RawArticle | Problem:
    """Return the decoded article at path, or the Problem that makes it unusable."""
    shown = f"{corpus_dir.name}/{path.name}"
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        return Problem(
            path=shown,
            code="BG104",
            message=f"unsupported file type '{path.suffix}'; use .txt or .md",
            severity="warning",
        )
    if not path.resolve().is_relative_to(corpus_dir.resolve()):
        return Problem(path=shown, code="BG106", message="links outside the corpus folder")
    size = path.stat().st_size
    if size > max_bytes:
        message = f"{size:,} bytes is over the limit of {max_bytes:,} (max_article_bytes)"
        return Problem(path=shown, code="BG103", message=message)
    data = path.read_bytes()
    return decode_checked(data, shown, article_id=path.stem)


def decode_checked(data: bytes, shown: str, *, article_id: str) -> RawArticle | Problem:
    """Return a RawArticle for usable bytes, or a Problem saying why they are not."""
    if not data.strip():
        return Problem(path=shown, code="BG101", message="empty file")
    if looks_binary(data):
        return Problem(path=shown, code="BG102", message="binary data, not text")
    try:
        text = decode_article(data)
    except UnicodeDecodeError:
        legacy = guess_legacy_encoding(data)
        hint = f" (looks like {legacy})" if legacy else ""
        return Problem(path=shown, code="BG105", message=f"not valid UTF-8{hint}; save it as UTF-8")
    digest = hashlib.sha256(data).hexdigest()
    return RawArticle(id=article_id, path=shown, text=text, sha256=digest)


def read_corpus(settings: Settings) -> Corpus:
    """Return every usable article of the corpus folder and a Problem for each unusable file."""
    corpus_dir = Path(settings.corpus_dir)
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in list_corpus_files(corpus_dir):
        result = read_article(path, corpus_dir, settings.max_article_bytes)
        if isinstance(result, Problem):
            problems.append(result)
        elif result.sha256 in seen:
            message = f"same content as {seen[result.sha256]}; counted once"
            problems.append(Problem(path=result.path, code="BG107", message=message))
        else:
            seen[result.sha256] = result.path
            articles.append(result)
    return Corpus(articles=tuple(articles), problems=tuple(problems))
