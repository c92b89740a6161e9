"""The situation summary beside lead and LexRank baselines, on every labelled corpus.

    .venv/bin/python bench/summary/score.py [--write] [--corpus NAME ...]

Runs briefgen (no cache) on seeds/ and on every tests/corpora/<name>/ that has summary labels
(tests/labels/summaries/<name>.yml), reads the summaries from the rendered briefing.json, builds
the two baselines of the same length over the same articles, and prints one table row per
corpus and system, then the points each system missed. --write also writes the same report,
dated, to bench/summary/RESULTS.md (its "first measurement" section is kept as it is).
Systems, metrics and matching rules: the docstring of tests/summary_scores.py; what the
metrics mean: bench/summary/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from summary_scores import (  # noqa: E402
    SYSTEMS,
    BriefingResult,
    Scores,
    labelled_corpora,
    render_corpus,
    score_corpus,
)

from briefgen.extract import load_nlp  # noqa: E402

COMMAND = ".venv/bin/python bench/summary/score.py"
RESULTS = ROOT / "bench" / "summary" / "RESULTS.md"
FIRST = "## First measurement"
HEADER = (
    "| corpus | system | briefings | sentences | words | coverage | redundancy | uncited "
    "| unfaithful | boilerplate | ROUGE-1 F1 | ROUGE-2 F1 |\n"
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def row(corpus: str, system: str, s: Scores) -> str:
    """Return one table row."""
    return (
        f"| {corpus} | {system} | {s.briefings} | {s.sentences} | {s.words} "
        f"| {s.coverage:.3f} ({s.covered}/{s.points}) | {s.redundancy:.3f} ({s.repeats}/{s.pairs}) "
        f"| {s.uncited_share:.3f} | {s.unfaithful_share:.3f} ({s.unfaithful}) | {s.boilerplate} "
        f"| {s.rouge1_f:.3f} | {s.rouge2_f:.3f} |"
    )


def table(results: list[BriefingResult]) -> str:
    """Return the table: per corpus and system, then all corpora per system."""
    lines = [HEADER]
    corpora = list(dict.fromkeys(r.corpus for r in results))
    for corpus in [*corpora, "**all**"]:
        own = [r for r in results if corpus in (r.corpus, "**all**")]
        for system in SYSTEMS:
            lines.append(row(corpus, system, sum((r.scores[system] for r in own), Scores())))
    return "\n".join(lines)


def details(results: list[BriefingResult]) -> str:
    """Return, per briefing, the points each system missed and briefgen's summary."""
    lines = []
    for r in results:
        lines += [f"#### {r.corpus}: {r.slug}", ""]
        for system in SYSTEMS:
            missed = ", ".join(r.scores[system].missed) or "none"
            lines.append(f"- {system} missed: {missed}")
        lines += ["", "briefgen's summary:", ""]
        lines += [f"{i}. {line.text}" for i, line in enumerate(r.summaries["briefgen"], 1)]
        lines.append("")
    return "\n".join(lines)


def report(results: list[BriefingResult]) -> str:
    """Return the dated Markdown report of one run."""
    return (
        f"Measured {dt.date.today()} with `{COMMAND}` (Python {platform.python_version()}).\n\n"
        f"{table(results)}\n\n"
        "Coverage: labelled points covered (counts in brackets). Redundancy: sentence pairs "
        "with TF-IDF cosine >= 0.4 (repeating/all pairs). Uncited, unfaithful: shares of "
        "sentences (unfaithful count in brackets). Boilerplate: sentences matching a labelled "
        "boilerplate line. ROUGE: mean F1 over briefings against the hand-written reference.\n\n"
        f"### Points missed\n\n{details(results)}"
    )


def write(text: str) -> None:
    """Write RESULTS.md: the latest run, and the first measurement kept below it (or, on the
    first run, this run as the first measurement)."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else ""
    first = old[old.index(FIRST) :] if FIRST in old else f"{FIRST}\n\n{text}"
    intro = (
        "# Summary scores\n\nbriefgen's situation summary beside two baselines of the same "
        "length (lead, LexRank), on the hand labels of tests/labels/summaries/. Metrics: "
        "README.md. These corpora were read to write the labels; the holdout's labels were "
        "written before its summaries were scored.\n\n"
    )
    RESULTS.write_text(f"{intro}## Latest\n\n{text}\n\n{first.rstrip()}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write bench/summary/RESULTS.md")
    parser.add_argument("--corpus", nargs="*", help="only these corpora")
    args = parser.parse_args()
    nlp = load_nlp()
    corpora = labelled_corpora()
    names = args.corpus or list(corpora)
    results = [r for n in names for r in score_corpus(corpora[n], render_corpus(corpora[n], nlp))]
    text = report(results)
    print(text)
    if args.write:
        write(text)


if __name__ == "__main__":
    main()
