"""Quality gate: BCubed F1 of episodes on the labelled dev episodes must not drop.

It needs the whole ANT corpus ingested and linked.  When ``HADATH_EPISODES_DB`` names
a prepared store, that store is scored; otherwise the test builds one itself (text
stages, both cores, a few minutes), as CI does.  Prepare a store by hand with

    HADATH_STAGES=sentences,tokens hadath ingest ../shared/data/ant/articles.jsonl.gz --db ant.db

(linking runs during ingest; after changing the linker, ``hadath link --rebuild --db
ant.db`` relinks without re-ingesting).  The floors are in ``baseline.json``; they were
measured on episodes_dev, the set the thresholds were tuned on, so they pin
regressions rather than estimate quality on unseen data.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hadath import service
from hadath.link.evaluate import evaluate_episodes
from hadath.store import open_store
from tests.conftest import SHARED_DATA

BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))
GOLD = SHARED_DATA / "episodes_dev.jsonl"

pytestmark = pytest.mark.gate


ANT = SHARED_DATA / "ant" / "articles.jsonl.gz"


def test_episodes_gate_bcubed_f1_holds(tmp_path: Path) -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} not found")
    db = os.environ.get("HADATH_EPISODES_DB")
    if not db:
        if not ANT.exists():
            pytest.skip(f"{ANT} not found")
        db = str(tmp_path / "ant.db")
        report = service.ingest([ANT], db, stages=["sentences", "tokens"], workers=2)
        assert report.ingested > 29_000
    with open_store(db, readonly=True) as store:
        report = evaluate_episodes(store, GOLD)
    floors = BASELINE["episodes_dev"]
    assert report["overall"]["articles"] >= floors["min_articles"], report["missing"]
    for measure in ("precision", "recall", "f1"):
        assert report["overall"][measure] >= floors[measure], (measure, report["overall"])
