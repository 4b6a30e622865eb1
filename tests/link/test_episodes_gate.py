"""Quality gate: BCubed F1 of episodes on the labelled dev episodes must not drop.

It needs the whole ANT corpus ingested and linked, which takes several minutes, so the
test does not build that store itself: it runs only when ``HADATH_EPISODES_DB`` names
a prepared store, and skips otherwise.  Prepare one with

    HADATH_STAGES=sentences,tokens hadath ingest ../shared/data/ant/articles.jsonl.gz --db ant.db --workers 1

(linking runs during ingest; after changing the linker, ``hadath link --rebuild --db
ant.db`` relinks without re-ingesting), then
``HADATH_EPISODES_DB=ant.db pytest -m gate tests/link``.  The floors are in
``baseline.json``; they were measured on episodes_dev, the set the thresholds were
tuned on, so they pin regressions rather than estimate quality on unseen data.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hadath.link.evaluate import evaluate_episodes
from hadath.store import open_store
from tests.conftest import SHARED_DATA

BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))
GOLD = SHARED_DATA / "episodes_dev.jsonl"

pytestmark = pytest.mark.gate


def test_episodes_gate_bcubed_f1_holds() -> None:
    db = os.environ.get("HADATH_EPISODES_DB")
    if not db:
        pytest.skip("set HADATH_EPISODES_DB to a store with the ANT corpus ingested (see module doc)")
    if not GOLD.exists():
        pytest.skip(f"{GOLD} not found")
    with open_store(db, readonly=True) as store:
        report = evaluate_episodes(store, GOLD)
    floors = BASELINE["episodes_dev"]
    assert report["overall"]["articles"] >= floors["min_articles"], report["missing"]
    for measure in ("precision", "recall", "f1"):
        assert report["overall"][measure] >= floors[measure], (measure, report["overall"])
