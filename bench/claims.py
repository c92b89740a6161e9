"""Key figures (claims) and timeline against the hand labels of every labelled corpus.

    .venv/bin/python bench/claims.py [--write]

Runs the pipeline to briefings on seeds/ and every tests/corpora/<name>/ with a label file in
tests/labels/summaries/, prints a Markdown table per corpus and overall, then the misses:
gold claims not found or found with the wrong claimant, qualifiers or status, predicted
figures the labels do not list, gold dates missed, predicted dates no label has, and
background/current confusions. `--write` writes the lot to bench/claims/RESULTS.md under
today's date. Matching rules: tests/claim_scores.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from claim_scores import Score, labelled_corpora, pooled, score_corpus  # noqa: E402

from briefgen.extract import load_nlp  # noqa: E402

COLUMNS = (
    ("figures found", "found"),
    ("with claimant", "attributed"),
    ("qualifiers kept", "qualifiers"),
    ("status right", "status"),
    ("figure precision", "precision"),
    ("current dates R", "current recall"),
    ("current dates P", "current precision"),
    ("background dates R", "background recall"),
    ("background dates P", "background precision"),
)
HEADER = [
    "| corpus | briefings | " + " | ".join(title for title, _ in COLUMNS) + " | confusions |",
    "|---|---:|" + "---:|" * len(COLUMNS) + "---:|",
]
INTRO = """# Claim and timeline scores

briefgen's key figures (`Briefing.claims`, kind other than "assertion") and timeline
(`Briefing.timeline`) against the hand labels of tests/labels/summaries/ (`claims` and
`timeline` of each briefing; conventions in the headers of seeds.yml and conflict.yml),
written by hand from the cleaned articles. Matching rules and metric definitions:
tests/claim_scores.py. seeds/, port-strike, flood and mixed were development data for
briefgen's claim and timeline extraction; the conflict and holdout labels were written blind,
before briefgen's output was scored on them.

Columns: *figures found* = gold claims whose figure and counted thing a predicted claim of
the same articles gives / gold claims; *with claimant* = found with the labelled claimant /
gold claims; *qualifiers kept* and *status right* over the found claims (qualifiers: those
that have some); *figure precision* = predicted figures matching a gold claim / predicted
figures (the labels list only figures that matter); dates are distinct ISO dates at the
labels' precision, per briefing; *confusions* = predicted dates that are only gold dates of
the other kind (background shown as current or the reverse).
"""


def cell(score: Score, metric: str) -> str:
    numerator, denominator = score.count(metric)
    return f"{score.rate(metric):.3f} ({numerator}/{denominator})" if denominator else "-"


def row(score: Score, bold: bool = False) -> str:
    name = f"**{score.name}**" if bold else score.name
    cells = " | ".join(cell(score, metric) for _, metric in COLUMNS)
    return f"| {name} | {len(score.briefings)} | {cells} | {score.count('confusions')[0]} |"


def details(score: Score) -> list[str]:
    """Return the misses of one corpus as Markdown lines."""
    lines = [f"### {score.name}", ""]
    for unmatched in score.unmatched_briefings:
        lines.append(f"- briefing no label entry holds: {unmatched}")
    for briefing in score.briefings:
        for result in briefing.claims:
            for problem in result.problems():
                lines.append(f"- claim {result.gold.describe()}: {problem}")
        for extra in briefing.unlabelled:
            lines.append(f"- figure not in the labels: {extra}")
        t = briefing.timeline
        for date in sorted(t.gold_current - t.found_current):
            lines.append(f"- current date missed: {date}")
        for date in sorted(t.gold_background - t.found_background):
            lines.append(f"- background date missed: {date}")
        for wrong in t.wrong_current:
            lines.append(f"- current date no label has: {wrong}")
        for wrong in t.wrong_background:
            lines.append(f"- background date no label has: {wrong}")
        for confusion in t.confusions:
            lines.append(f"- confusion: {confusion}")
    if len(lines) == 2:
        lines.append("No misses.")
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="write bench/claims/RESULTS.md")
    args = parser.parse_args()
    nlp = load_nlp()
    scores = [score_corpus(corpus, nlp) for corpus in labelled_corpora().values()]
    table = "\n".join([*HEADER, *(row(s) for s in scores), row(pooled(scores), bold=True)])
    misses = "\n".join(line for s in scores for line in details(s))
    print(table, "## Misses", misses, sep="\n\n")
    if args.write:
        out = ROOT / "bench" / "claims" / "RESULTS.md"
        out.parent.mkdir(exist_ok=True)
        measured = (
            f"Measured {dt.date.today()} with `.venv/bin/python bench/claims.py --write` "
            f"(Python {platform.python_version()})."
        )
        text = f"{INTRO}\n## Latest\n\n{measured}\n\n{table}\n\n## Misses\n\n{misses}"
        out.write_text(text.rstrip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
