from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from hadath.entities.clusters import build_clusters, clitic_signature, read_table, stem_of

pytest.importorskip("sklearn")

# A tiny corpus written for the test: names and places in repeated frames.
PEOPLE = ["بوتين", "ماكرون", "ترامب", "اردوغان", "ميركل", "جونسون"]
PLACES = ["موسكو", "باريس", "واشنطن", "انقرة", "برلين", "لندن"]


def _corpus(path: Path) -> Path:
    records = []
    for i in range(60):
        person, place = PEOPLE[i % 6], PLACES[(i * 5) % 6]
        text = f"قال الرئيس {person} في {place} إن المحادثات مفيدة. وزار {person} مدينة {place} أمس."
        records.append({"id": str(i), "title": f"{person} في {place}", "text": text})
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_clusters_stem_and_signature() -> None:
    assert stem_of("والرئيس") == "رئيس"
    assert clitic_signature("والرئيس") == "conj+article"
    assert stem_of("2018") == "<num>"


def test_clusters_build_writes_a_table(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "ant.jsonl.gz")
    out = tmp_path / "clusters.tsv.gz"
    summary = build_clusters(corpus, out, granularities=(2, 4), dimensions=4, min_count=2)
    table = read_table(out)
    assert summary["vocabulary"] == len(table)
    assert all(len(ids) == 2 for ids in table.values())
    assert "بوتين" in table
    # Names that share every context fall in the same coarse cluster.
    assert table["بوتين"][0] == table["ماكرون"][0]


def test_clusters_build_is_deterministic(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "ant.jsonl.gz")
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    build_clusters(corpus, first, granularities=(3,), dimensions=4, min_count=2)
    build_clusters(corpus, second, granularities=(3,), dimensions=4, min_count=2)
    assert first.read_bytes() == second.read_bytes()
