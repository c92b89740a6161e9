"""Ingest: read the corpus folder into RawArticles, with a Problem for each file it cannot use."""

from briefgen.ingest.text import read_corpus

__all__ = ["read_corpus"]
