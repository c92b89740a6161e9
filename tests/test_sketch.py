"""Sentence sketches find light edits, and buckets give the pairs of the plain definition."""

from __future__ import annotations

import os
import subprocess
import sys
from itertools import combinations

from briefgen.sketch import (
    HASH_BYTES,
    SKETCH_MAX_BUCKET,
    SKETCH_SIZE,
    comparable,
    keys,
    partners,
    sentence_sketch,
    shared_buckets,
    sketch,
)

SENTENCES = [
    "The harbour board said the cranes would stay idle until Friday.",
    "The harbour board said the cranes would remain idle until Friday.",
    "Dockers voted to extend the strike by a week.",
    "Dockers have voted to extend the strike by one week.",
    "The harbour board said the cranes would stay idle until Friday.",
    "Shipping lines diverted four vessels to the northern port.",
]


def plain_pairs(sketches: list[bytes]) -> set[tuple[int, int]]:
    """The definition: pairs of positions whose sketches share a hash that at most
    SKETCH_MAX_BUCKET sketches hold."""
    holders: dict[bytes, list[int]] = {}
    for position, value in enumerate(sketches):
        for n in range(0, len(value), HASH_BYTES):
            holders.setdefault(value[n : n + HASH_BYTES], []).append(position)
    return {
        pair
        for bucket in holders.values()
        if len(bucket) <= SKETCH_MAX_BUCKET
        for pair in combinations(bucket, 2)
    }


def pairs_by_partners(sketches: list[bytes]) -> set[tuple[int, int]]:
    buckets = shared_buckets(sketches)
    return {(p, q) for p, value in enumerate(sketches) for q in partners(value, buckets) if q > p}


def test_sketch_is_the_smallest_hashes_ascending_and_stable() -> None:
    value = sentence_sketch(SENTENCES[0])
    assert len(value) == SKETCH_SIZE * HASH_BYTES
    assert list(keys(value)) == sorted(keys(value))
    # the same in every process (blake2b, not Python's salted hash()): sketches are cached
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from briefgen.sketch import *; print(sentence_sketch({SENTENCES[0]!r}).hex())",
        ],
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert other.stdout.strip() == value.hex()
    assert sketch(comparable("Two words.")) == sentence_sketch("two WORDS")
    assert len(sentence_sketch("Two words.")) == HASH_BYTES  # one shingle: the whole text
    assert sentence_sketch(" ... ") == b""


def test_light_edits_share_a_bucket_and_other_sentences_do_not() -> None:
    sketches = [sentence_sketch(text) for text in SENTENCES]
    found = pairs_by_partners(sketches)
    assert found == plain_pairs(sketches)
    assert {(0, 1), (2, 3), (0, 4)} <= found
    assert not any(5 in pair for pair in found)
    edits = [
        "Rescuers pulled 12 people from the rubble of the hotel on Friday, police said.",
        "Rescuers pulled twelve people from the rubble of the hotel on Friday, police said.",
        "The central bank raised its main interest rate by half a point.",
    ]
    assert pairs_by_partners([sentence_sketch(t) for t in edits]) == {(0, 1)}


def test_stock_phrases_give_no_candidates() -> None:
    stock = "the ministry said in a statement on its website"
    sketches = [sketch(f"{stock} number {n}") for n in range(SKETCH_MAX_BUCKET + 5)]
    buckets = shared_buckets(sketches)
    assert all(1 < len(b) <= SKETCH_MAX_BUCKET for b in buckets.values())
    assert pairs_by_partners(sketches) == plain_pairs(sketches)
