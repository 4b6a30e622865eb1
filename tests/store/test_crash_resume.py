from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hadath import service
from tests.store.test_ingest_store import big_jsonl, dump_store

pytestmark = pytest.mark.slow

# The text stages are enough to test transactions; the models would only slow it down.
STAGES = ["sentences", "tokens"]


def test_store_sigkill_mid_ingest_then_rerun_matches_uninterrupted(tmp_path: Path) -> None:
    source = big_jsonl(tmp_path / "many.jsonl", 2000)
    reference = tmp_path / "reference.db"
    service.ingest([source], reference, workers=1, stages=STAGES)

    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "hadath", "ingest", str(source), "--db", str(db), "--workers", "1", "--stages", ",".join(STAGES)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _has_rows(db):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored_before_rerun = _count(db)
    assert 0 < stored_before_rerun < 2000, "the kill should land mid-run"

    report = service.ingest([source], db, workers=1, stages=STAGES)
    assert report.unchanged == stored_before_rerun
    assert dump_store(db) == dump_store(reference)


def _has_rows(db: Path) -> bool:
    return db.exists() and _count(db) > 0


def _count(db: Path) -> int:
    import sqlite3

    try:
        connection = sqlite3.connect(db, timeout=5)
        try:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0
