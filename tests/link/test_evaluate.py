"""BCubed scoring of episodes against labelled ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.errors import HadathError
from hadath.link.evaluate import bcubed, evaluate_episodes, format_episodes_table
from hadath.store.sqlite import SQLiteStore
from tests.link.conftest import VISIT_JUNE_A, VISIT_JUNE_B, VISIT_NOVEMBER_A, background, link, make_item


def test_evaluate_bcubed_perfect_and_lumped() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": 1, "b": 1, "c": 2}, gold)["f1"] == 1.0
    lumped = bcubed({"a": 1, "b": 1, "c": 1}, gold)
    assert lumped["recall"] == 1.0
    assert lumped["precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3, abs=1e-4)


def test_evaluate_bcubed_singletons() -> None:
    scores = bcubed({"a": 1, "b": 2, "c": 3}, {"a": "x", "b": "x", "c": "y"})
    assert scores["precision"] == 1.0
    assert scores["recall"] == pytest.approx((1 / 2 + 1 / 2 + 1) / 3, abs=1e-4)


def test_evaluate_episodes_reports_missing_articles(store: SQLiteStore, tmp_path: Path) -> None:
    link(store, background(20, month="2016-06"))
    link(store, [make_item("june-a", VISIT_JUNE_A, "2016-06-27"), make_item("june-b", VISIT_JUNE_B, "2016-06-28"),
                 make_item("nov-a", VISIT_NOVEMBER_A, "2016-11-28")])
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(e) for e in [
        {"episode": "visit-1", "family": "haftar", "label_en": "first visit", "articles": ["june-a", "june-b"]},
        {"episode": "visit-2", "family": "haftar", "label_en": "second visit", "articles": ["nov-a", "gone"]},
    ]), encoding="utf-8")
    report = evaluate_episodes(store, gold)
    assert report["missing"] == ["gone"]
    assert report["overall"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "articles": 3}
    assert set(report["per_family"]) == {"haftar"}
    assert format_episodes_table(report).row_count == 2


def test_evaluate_episodes_rejects_a_malformed_gold_line(store: SQLiteStore, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"episode": "x"}\n', encoding="utf-8")
    with pytest.raises(HadathError, match=r"gold\.jsonl:1"):
        evaluate_episodes(store, gold)
