"""Quality gate: the merge decision on the labelled ANT pairs must not fall below the floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.actors.evaluate import evaluate_pairs, read_pairs

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "tests" / "fixtures" / "actor_pairs.jsonl"
BASELINE = Path(__file__).with_name("baseline.json")
CORPUS = ROOT.parent / "shared" / "data" / "ant" / "articles.jsonl.gz"


def test_gate_pairs_file_is_large_and_balanced() -> None:
    pairs = read_pairs(PAIRS)
    assert len(pairs) >= 300
    kinds = {p.kind for p in pairs}
    assert {"spelling", "partial", "shared-first-name", "shared-surname"} <= kinds
    assert any(p.same for p in pairs) and any(not p.same for p in pairs)
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for side in (record["a"], record["b"]):
            assert len(side["text"].split()) <= 6  # a name, never a sentence


@pytest.mark.gate
@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/data/ant/articles.jsonl.gz")
def test_gate_pairwise_precision_and_recall() -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    scores = evaluate_pairs(PAIRS, CORPUS)["overall"]
    assert scores["precision"] >= floors["precision"], scores
    assert scores["recall"] >= floors["recall"], scores
    assert floors["precision"] >= 0.98 and floors["recall"] >= 0.90
