"""Quality gates: pinned floors on fixed data (tests/events/baseline.json).

The own labelled sentences live in the repository; the GSR files are read from
<project root>/../shared/data and the GSR gates skip when that folder is absent.
The GSR figure here is ``quick_gsr`` (3-fold, the shipped settings held fixed): a
regression check that runs in well under a minute, not the figure to report.  The
argument rules are deterministic, so their GSR accuracy is pinned as measured.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hadath.events.evaluate import evaluate_arguments, evaluate_sentences, quick_gsr

ROOT = Path(__file__).resolve().parents[2]
GSR = ROOT.parent / "shared" / "data" / "arabic_event_gsr"
SENTENCES = ROOT / "tests" / "fixtures" / "events_sentences.jsonl"
BASELINE: dict[str, Any] = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))
TOLERANCE = float(BASELINE["tolerance"])

pytestmark = pytest.mark.gate


@pytest.fixture(scope="module")
def gsr_report() -> dict[str, Any]:
    if not GSR.is_dir():
        pytest.skip(f"GSR development files not found at {GSR} (shared data absent)")
    return quick_gsr(GSR)


@pytest.mark.parametrize("event_type", ["ASSAULT", "PROTEST"])
def test_gate_gsr_detection_f1(gsr_report: dict[str, Any], event_type: str) -> None:
    floor = BASELINE["gsr_quick_f1"][event_type]
    assert gsr_report["types"][event_type]["f1"] >= floor - TOLERANCE, gsr_report["types"][event_type]


@pytest.fixture(scope="module")
def arguments_report() -> dict[str, Any]:
    if not GSR.is_dir():
        pytest.skip(f"GSR development files not found at {GSR} (shared data absent)")
    return evaluate_arguments(GSR)


@pytest.mark.parametrize("role", ["source", "target"])
def test_gate_gsr_argument_accuracy(arguments_report: dict[str, Any], role: str) -> None:
    floor = BASELINE["gsr_arguments_accuracy"][role]
    assert arguments_report["overall"][role]["accuracy"] >= floor - TOLERANCE, arguments_report["overall"][role]


def test_gate_own_sentences_micro_f1() -> None:
    report = evaluate_sentences(SENTENCES)
    assert report["sentences"] >= 200
    assert report["overall"]["f1"] >= BASELINE["sentences_micro_f1"] - TOLERANCE, report["overall"]


def test_gate_own_sentences_cover_every_type() -> None:
    counts: dict[str, int] = {}
    negatives = 0
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        negatives += not item["events"]
        for event in item["events"]:
            counts[event["type"]] = counts.get(event["type"], 0) + 1
    assert len(counts) == 16 and min(counts.values()) >= 8
    assert negatives >= 30
