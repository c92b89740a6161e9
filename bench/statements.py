"""Statement precision, recall and misattributions on every labelled article.

    .venv/bin/python bench/statements.py

Runs the pipeline up to extraction on each label set of tests/statement_scores.py (the seeds
and the test corpora), prints a Markdown table with one row per set and, per set, the details:
statements given to the wrong speaker, gold statements missed, and predicted statements no
label holds. Writes the same to bench/statements/RESULTS.md. Matching rules: the docstring of
tests/statement_scores.py.
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from statement_scores import LABEL_SETS, SetScore, score_set  # noqa: E402

from briefgen.extract import load_nlp  # noqa: E402

COMMAND = ".venv/bin/python bench/statements.py"
WHAT = {"wrong speaker": "wrong speaker", "miss": "missed", "extra": "not in the labels"}


def f1(score: SetScore) -> float:
    p, r = score.precision, score.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def row(name: str, score: SetScore, scope: str) -> str:
    return (
        f"| {name} | {scope} | {score.articles} | {score.gold} | {score.predicted} "
        f"| {score.precision:.3f} ({score.correct}) | {score.recall:.3f} ({score.found}) "
        f"| {f1(score):.3f} | {score.misattributed} | {score.principal_misattributed} |"
    )


def total(scores: list[SetScore]) -> SetScore:
    return SetScore(
        name="all",
        articles=sum(s.articles for s in scores),
        predicted=sum(s.predicted for s in scores),
        gold=sum(s.gold for s in scores),
        correct=sum(s.correct for s in scores),
        found=sum(s.found for s in scores),
        misattributed=sum(s.misattributed for s in scores),
        principal_misattributed=sum(s.principal_misattributed for s in scores),
    )


def details(score: SetScore) -> list[str]:
    lines = [f"### {score.name}", ""]
    for what, title in WHAT.items():
        errors = [e for e in score.errors if e.what == what]
        lines.append(f"{title.capitalize()} ({len(errors)}):")
        lines.append("")
        lines += [f"- {e}" for e in errors] or ["- none"]
        lines.append("")
    return lines


def main() -> None:
    nlp = load_nlp()
    scores = [score_set(name, nlp) for name in LABEL_SETS]
    table = [
        "| set | scored | articles | gold | predicted | precision | recall | F1 "
        "| misattributed | of principals |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for score in scores:
        scope = "principals only" if LABEL_SETS[score.name].principals_only else "all speakers"
        table.append(row(score.name, score, scope))
    table.append(row("**all**", total(scores), "as above"))
    report = "\n".join(table)
    lines = [line for score in scores for line in details(score)]
    print(report)
    print()
    print("\n".join(lines))
    text = (
        "# Statement scores\n\n"
        f"Measured {dt.date.today()} with `{COMMAND}` ({platform.python_version()}), on the "
        "hand labels of tests/labels/seeds.yml and tests/corpora/*/expected.yml, running the "
        "pipeline up to extraction with each corpus's mkdocs.yml.\n\n"
        "Precision: predicted statements whose text matches a gold statement of the same "
        "article and whose speaker is right, over all predicted. Recall: gold statements found "
        "with the right speaker, over all gold. Misattributed: predicted statements whose words "
        "are gold but whose speaker is not (the worst error; 'of principals': a configured "
        "principal on either side). Counts in brackets. `mixed` labels only the principals' "
        "statements, so only those are scored there. Matching rules: "
        "tests/statement_scores.py. These articles were also read to find and fix extractor "
        "bugs: they are development data, and the scores flatter the extractor on unseen "
        "text.\n\n"
        f"{report}\n\n## Errors left\n\n" + "\n".join(lines)
    )
    (ROOT / "bench" / "statements").mkdir(exist_ok=True)
    (ROOT / "bench" / "statements" / "RESULTS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
