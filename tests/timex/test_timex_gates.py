"""Quality gates: measured figures may not drop below the floors in baseline.json.

Reads ../shared/data (skipped with the reason when absent).  The publication-date
gate uses the same 300-article ANT sample as ``hadath eval dates`` (seeded), which
takes a few seconds; all gates together run well under a minute.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.timex.evaluate import evaluate_published, evaluate_sentences, evaluate_specs

NEWS_SENTENCES = Path(__file__).resolve().parents[1] / "fixtures" / "timex_news.jsonl"
BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.gate


def test_gate_spec_value_accuracy(shared_data: Path) -> None:
    report = evaluate_specs(shared_data / "datetime_ar")
    floors = BASELINE["specs"]
    assert report["overall"]["f1"] >= floors["span_f1_overall"]
    for group, floor in floors["value_accuracy"].items():
        assert report["groups"][group]["value"]["accuracy"] >= floor, group
    for group, floor in floors["value_accuracy_resolved"].items():
        assert report["groups"][group]["value"]["accuracy_resolved"] >= floor, group
    for group, floor in floors["value_accuracy_all"].items():
        assert report["groups"][group]["value"]["accuracy_all"] >= floor, group


def test_gate_own_news_sentences() -> None:
    report = evaluate_sentences(NEWS_SENTENCES)
    floors = BASELINE["sentences"]
    assert report["expressions"] >= 150
    assert report["value"]["accuracy"] >= floors["value_accuracy"], report["errors"][:5]
    assert report["span"]["f1"] >= floors["span_f1"]


def test_gate_published_dates_are_never_confidently_wrong(shared_data: Path) -> None:
    settings = BASELINE["published"]
    report = evaluate_published(shared_data / "ant" / "articles.jsonl.gz", n=settings["sample"], seed=settings["seed"])
    assert report["articles"] == settings["sample"]
    assert report["wrong_rate"] <= settings["wrong_rate_max"], report["wrong"]
