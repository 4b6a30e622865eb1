"""Ingest the whole ANT corpus through the text stages into a fresh SQLite store.

Prints one markdown table row: articles/s and peak memory of the whole process tree.
Usage: python benchmarks/ingest_ant.py [--workers N] [--stages sentences,tokens] [--limit-db PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import ANT, run_measured


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--stages", default="sentences,tokens")
    args = parser.parse_args()
    if not ANT.exists():
        sys.exit(f"{ANT} not found: this benchmark needs ../shared/data")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "ant.db"
        command = [sys.executable, "-m", "hadath", "ingest", str(ANT), "--db", str(db),
                   "--workers", str(args.workers), "--stages", args.stages, "--json"]
        run = run_measured(command)
        report = json.loads(run.stdout)
        seen = report["ingested"] + report["unchanged"] + report["duplicates"] + len(report["failed"])
        size = db.stat().st_size
    print("| stages | workers | articles read | stored | near-dups | exact dups | failed | seconds "
          "| articles/s | peak RSS (MiB) | store (MiB) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {args.stages} | {args.workers} | {seen} | {report['ingested']} | {report['near_duplicates']} "
          f"| {report['duplicates']} | {len(report['failed'])} | {run.seconds:.1f} | {seen / run.seconds:.0f} "
          f"| {run.peak_rss / 2**20:.0f} | {size / 2**20:.0f} |")


if __name__ == "__main__":
    main()
