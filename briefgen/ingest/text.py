"""Reading the corpus folder: one RawArticle per usable file, one Problem per unusable one.

Articles are `.txt` text dumps, `.md` Markdown (with or without YAML front matter) and `.html`
pages; `NAME.meta.yml` beside `NAME.txt` is that article's sidecar. Nothing is read outside the
corpus folder: a symlink that leads out of it is refused.
"""

from __future__ import annotations

import hashlib
import logging
import stat
from pathlib import Path

from briefgen.errors import CorpusError, Problem
from briefgen.ingest.encoding import decode_article, looks_binary
from briefgen.ingest.sidecar import parse_sidecar, sidecar_stem
from briefgen.model import ArticleFormat, Corpus, Declared, RawArticle, Settings

log = logging.getLogger(__name__)

FORMATS: dict[str, ArticleFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def list_corpus_files(corpus_dir: Path) -> list[Path]:
    """Return the corpus files in name order, skipping hidden files and folders."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: corpus folder not found; set corpus_dir in mkdocs.yml")
    return sorted(p for p in corpus_dir.iterdir() if not p.name.startswith(".") and not p.is_dir())


def inside(path: Path, folder: Path) -> bool:
    """Return True if path, with every symlink followed, lies inside folder (False for a
    symlink loop). An entry of the folder that is not a symlink lies in it."""
    try:
        if path.parent == folder and not path.is_symlink():
            return True
        return path.resolve(strict=True).is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def unreadable(path: Path) -> str | None:
    """Return why a corpus entry cannot be read as a file (dangling or looping symlink, pipe,
    device), or None for a regular file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a symlink to nothing"
    except (OSError, RuntimeError):
        return "a symlink loop or an unreadable entry"
    return None if stat.S_ISREG(mode) else "not a regular file (a pipe, socket or device)"


def read_capped(path: Path, max_bytes: int) -> tuple[bytes, int]:
    """Return at most max_bytes of the file and the file's full size; a longer file is cut at
    a line break, or else at a space, never inside a UTF-8 character."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1 if size > max_bytes else size)
    if len(data) <= max_bytes:
        return data, size
    data = data[:max_bytes]
    cut = data.rfind(b"\n")
    if cut <= 0:
        cut = data.rfind(b" ")
    if cut <= 0:  # one enormous word: back off to a UTF-8 character boundary
        cut = len(data)
        while cut > 0 and data[cut - 1] & 0xC0 == 0x80:
            cut -= 1
        if cut > 0 and data[cut - 1] >= 0xC0:
            cut -= 1
    return data[:cut], size


def read_article(
    path: Path, corpus_dir: Path, max_bytes: int, sidecar: Path | None = None
) -> tuple[RawArticle | None, tuple[Problem, ...]]:
    """Return the decoded article at path (or None) and the problems found reading it."""
    shown = f"{corpus_dir.name}/{path.name}"
    article_format = FORMATS.get(path.suffix.lower())
    if article_format is None:
        message = f"unsupported file type '{path.suffix}'; use .txt, .md or .html"
        return None, (Problem(path=shown, code="BG104", message=message, severity="warning"),)
    if (reason := unreadable(path)) is not None:
        return None, (Problem(path=shown, code="BG115", message=f"{reason}; not read"),)
    if not inside(path, corpus_dir):
        return None, (Problem(path=shown, code="BG106", message="links outside the corpus folder"),)
    data, size = read_capped(path, max_bytes)
    problems: list[Problem] = []
    if size > max_bytes:
        message = (
            f"{size:,} bytes is over the limit of {max_bytes:,} (max_article_bytes); "
            f"only the first {len(data):,} bytes are read"
        )
        problems.append(Problem(path=shown, code="BG103", message=message, severity="warning"))
    declared, sidecar_bytes = Declared(), b""
    if sidecar is not None:
        sidecar_shown = f"{corpus_dir.name}/{sidecar.name}"
        why = unreadable(sidecar)
        if why is None and inside(sidecar, corpus_dir):
            sidecar_bytes = sidecar.read_bytes()[: 1024 * 1024]
            declared, sidecar_problems = parse_sidecar(sidecar_bytes, sidecar_shown)
            problems.extend(sidecar_problems)
        else:
            message = (
                f"sidecar is {why}; ignored"
                if why
                else "sidecar links outside the corpus folder; ignored"
            )
            problems.append(
                Problem(path=sidecar_shown, code="BG106", message=message, severity="warning")
            )
    result = decode_checked(data, shown, article_id=path.stem, article_format=article_format)
    if isinstance(result, Problem):
        return None, (*problems, result)
    article, warning = result
    if warning is not None:
        problems.append(warning)
    digest = hashlib.sha256(data + b"\0" + sidecar_bytes).hexdigest()
    return RawArticle(
        id=article.id,
        path=article.path,
        format=article.format,
        text=article.text,
        sha256=digest,
        sidecar=declared,
    ), tuple(problems)


def decode_checked(
    data: bytes, shown: str, *, article_id: str, article_format: ArticleFormat = "text"
) -> tuple[RawArticle, Problem | None] | Problem:
    """Return a RawArticle for usable bytes (with a warning if they were not UTF-8), or a
    Problem saying why they are unusable."""
    if not data.strip():
        return Problem(path=shown, code="BG101", message="empty file")
    if looks_binary(data):
        return Problem(path=shown, code="BG102", message="binary data, not text")
    try:
        text, encoding = decode_article(data, html=article_format == "html")
    except UnicodeDecodeError:
        message = "not valid UTF-8 and no other encoding reads it cleanly; save it as UTF-8"
        return Problem(path=shown, code="BG105", message=message)
    warning = None
    if encoding not in {"utf-8", "ascii"}:
        message = f"not UTF-8: read as {encoding}; check its accents and quotation marks"
        warning = Problem(path=shown, code="BG113", message=message, severity="warning")
    article = RawArticle(
        id=article_id,
        path=shown,
        format=article_format,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return article, warning


def read_corpus(settings: Settings) -> Corpus:
    """Return every usable article of the corpus folder and a Problem for each unusable file."""
    corpus_dir = Path(settings.corpus_dir)
    files = list_corpus_files(corpus_dir)
    sidecars = {stem: p for p in files if (stem := sidecar_stem(p.name)) is not None}
    article_files = [p for p in files if sidecar_stem(p.name) is None]
    stems = {p.stem for p in article_files}
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for stem in sorted(set(sidecars) - stems):
        message = f"sidecar without an article: no {stem}.txt, .md or .html beside it"
        shown = f"{corpus_dir.name}/{sidecars[stem].name}"
        problems.append(Problem(path=shown, code="BG112", message=message, severity="warning"))
    seen_content: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    for path in article_files:
        article, found = read_article(
            path, corpus_dir, settings.max_article_bytes, sidecars.get(path.stem)
        )
        problems.extend(found)
        if article is None:
            continue
        content = hashlib.sha256(article.text.encode()).hexdigest()
        if content in seen_content:
            message = f"same content as {seen_content[content]}; counted once"
            problems.append(Problem(path=article.path, code="BG107", message=message))
        elif article.id in seen_ids:
            message = f"same name as {seen_ids[article.id]}; rename one of them"
            problems.append(Problem(path=article.path, code="BG107", message=message))
        else:
            seen_content[content] = article.path
            seen_ids[article.id] = article.path
            articles.append(article)
    return Corpus(articles=tuple(articles), problems=tuple(problems))
