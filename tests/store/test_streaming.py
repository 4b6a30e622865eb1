from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.conftest import ARTICLE_A, ARTICLE_B, ARTICLE_C

pytestmark = pytest.mark.slow

TARGET_BYTES = 100 * 1024 * 1024
PEAK_RSS_LIMIT = 600 * 1024 * 1024  # all processes together; the file alone is 100 MB


def test_store_100mb_jsonl_streams_with_flat_memory(tmp_path: Path) -> None:
    source = tmp_path / "big.jsonl"
    body = " ".join([ARTICLE_A, ARTICLE_B, ARTICLE_C] * 8)
    written = 0
    with source.open("w", encoding="utf-8") as handle:
        i = 0
        while written < TARGET_BYTES:
            # Every record differs (its number is in the text) so none is skipped unread.
            line = json.dumps({"id": f"r{i}", "text": f"{i} {body} {i}"}, ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            i += 1
    command = [sys.executable, "-m", "hadath", "ingest", str(source), "--db", str(tmp_path / "big.db"),
               "--workers", "2", "--stages", "sentences", "--json"]
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    samples: list[int] = []
    while process.poll() is None:
        try:
            rss = process.memory_info().rss + sum(c.memory_info().rss for c in process.children(recursive=True))
        except psutil.Error:
            continue
        peak = max(peak, rss)
        samples.append(rss)
        time.sleep(0.2)
    out, err = process.communicate()
    assert process.returncode == 0, err.decode()
    report = json.loads(out)
    assert report["ingested"] == i
    assert peak < PEAK_RSS_LIMIT, f"peak {peak / 2**20:.0f} MiB"
    # flat: the second half of the run uses no more than the first half plus a margin
    half = len(samples) // 2
    if half > 5:
        assert max(samples[half:]) < max(samples[:half]) * 1.5 + 50 * 2**20
