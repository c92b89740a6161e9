"""Print boilerplate-removal precision/recall and metadata errors on every labelled article.

.venv/bin/python bench/intake.py          # table on stdout
.venv/bin/python bench/intake.py --write  # and into bench/intake/RESULTS.md
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from intake_scores import LABEL_SETS, Counts, score_set  # noqa: E402

from briefgen.resources import load_knowledge  # noqa: E402


def main() -> None:
    knowledge = load_knowledge(())
    rows = ["| set | articles | precision | recall | body kept | metadata errors | ms/article |"]
    rows.append("|---|---:|---:|---:|---:|---:|---:|")
    everything: list = []
    details: list[str] = []
    for name in sorted(LABEL_SETS):
        scored = score_set(name, knowledge)
        everything += scored
        total = sum((s.counts for s in scored), Counts())
        meta = sum(len(s.meta_errors) for s in scored)
        ms = 1000 * sum(s.seconds for s in scored) / len(scored)
        rows.append(
            f"| {name} | {len(scored)} | {total.precision:.3f} | {total.recall:.3f} | "
            f"{total.body_kept:.3f} | {meta} | {ms:.1f} |"
        )
        details += [f"- {s.name}: {e}" for s in scored for e in (*s.errors, *s.meta_errors)]
    total = sum((s.counts for s in everything), Counts())
    ms = 1000 * sum(s.seconds for s in everything) / len(everything)
    meta = sum(len(s.meta_errors) for s in everything)
    rows.append(
        f"| **all** | {len(everything)} | {total.precision:.3f} | {total.recall:.3f} | "
        f"{total.body_kept:.3f} | {meta} | {ms:.1f} |"
    )
    report = "\n".join(rows)
    print(report)
    print("\n".join(details) or "no errors")
    if "--write" in sys.argv:
        text = (
            f"# Intake scores\n\nMeasured {dt.date.today()} on {platform.processor() or 'cpu'} "
            f"({platform.python_version()}) with `.venv/bin/python bench/intake.py --write`.\n"
            "Lines are the unit: precision and recall of dropping boilerplate and metadata "
            "lines, and the share of real body lines kept. Time is reading plus cleaning, per "
            "article (no NLP model).\n\n"
            f"{report}\n\n## Errors left\n\n" + ("\n".join(details) or "none") + "\n"
        )
        (ROOT / "bench" / "intake" / "RESULTS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
