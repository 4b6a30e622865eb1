"""Quality gate: the shipped NER model (the one the pipeline runs) must keep its score on ANERcorp test.

The floors in ``ner_baseline.json`` are the achieved micro F1 rounded down to two
decimals, with each sentence tagged alone and with 16 sentences tagged as one text (about
one ANERcorp article, so names found in one sentence help read the others).  Retraining that lowers the score fails here; raising it means raising
the floor too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.entities.evaluate import evaluate_ner
from hadath.entities.tagger import default_model_path

ROOT = Path(__file__).resolve().parents[2]
TEST_FILE = ROOT.parent / "shared" / "data" / "anercorp" / "test.txt"
BASELINE = Path(__file__).with_name("ner_baseline.json")


@pytest.mark.gate
@pytest.mark.parametrize(("block", "key"), [(1, "micro_f1"), (16, "micro_f1_block16")])
def test_ner_gate_micro_f1_holds_its_floor(block: int, key: str) -> None:
    if not TEST_FILE.is_file():
        pytest.skip(f"ANERcorp test file not found at {TEST_FILE} (shared data absent)")
    if not default_model_path().is_file():
        pytest.skip("NER model not built (hadath train ner --data DIR)")
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))[key]
    report = evaluate_ner(TEST_FILE, block=block)
    assert report["sentences"] > 900
    assert report["micro"]["f1"] >= floor, f"NER micro F1 {report['micro']['f1']} (block {block}) fell below {floor}"
