"""Actor and relation precision/recall on every corpus with actor labels.

    .venv/bin/python bench/actors.py [--write]

Runs the whole pipeline to briefings on each label set of tests/actor_scores.py and prints a
Markdown table and, per set, the errors: actors no label holds, gold actors missed, duplicate
rows, merged rows, junk, and relations extra or missed. `--write` appends the table to
bench/actors/RESULTS.md under today's date and a title given with --title.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from actor_scores import ACTOR_SETS, ActorScore, score_actor_set  # noqa: E402

from briefgen.extract import load_nlp  # noqa: E402

HEADER = [
    "| set | actors P | actors R | duplicates | merged | junk | relations P | relations R "
    "| sides right |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
]


def row(s: ActorScore) -> str:
    return (
        f"| {s.name} | {s.precision:.3f} ({s.correct}/{s.predicted}) "
        f"| {s.recall:.3f} ({s.found}/{s.gold}) | {len(s.duplicates)} | {len(s.merged)} "
        f"| {len(s.junk)} | {s.rel_precision:.3f} ({s.rel_correct}/{s.rel_predicted}) "
        f"| {s.rel_recall:.3f} ({s.rel_correct}/{s.rel_gold}) "
        f"| {s.side_accuracy:.3f} ({s.sides_right}/{s.sides_scored}) |"
    )


def details(s: ActorScore) -> list[str]:
    lines = [f"### {s.name}", ""]
    for title, items in (
        ("Actors no label holds", s.unmatched),
        ("Gold actors missed", s.missed),
        ("Duplicate rows", s.duplicates),
        ("Merged rows", s.merged),
        ("Junk", s.junk),
        ("Relations not in the labels", s.rel_extra),
        ("Relations missed", s.rel_missed),
        ("Wrong sides", s.side_errors),
    ):
        lines += [f"{title} ({len(items)}): " + ("; ".join(items) or "none"), ""]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--title", default="measurement")
    args = parser.parse_args()
    nlp = load_nlp()
    scores = [score_actor_set(s, nlp) for s in ACTOR_SETS.values()]
    table = "\n".join(HEADER + [row(s) for s in scores])
    errors = "\n".join(line for s in scores for line in details(s))
    print(table, errors, sep="\n\n")
    if args.write:
        out = ROOT / "bench" / "actors" / "RESULTS.md"
        out.parent.mkdir(exist_ok=True)
        old = (
            out.read_text(encoding="utf-8")
            if out.exists()
            else (
                "# Actor and relation scores\n\nEach section: `.venv/bin/python bench/actors.py "
                "--write --title ...`; matching rules in tests/actor_scores.py. Newest last.\n"
            )
        )
        section = f"\n## {dt.date.today()}: {args.title}\n\n{table}\n\n{errors}\n"
        out.write_text(old + section, encoding="utf-8")


if __name__ == "__main__":
    main()
