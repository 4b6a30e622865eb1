"""Does linking one article cost the same in a large store as in a small one?

Rebuilds episodes and storylines (``relink_episodes``) over a store holding the ANT
corpus, in publication order and batches as ingest links them, and reads the clock
when the first 10k and the first 30k articles are linked.  Linking cost independent
of the store's size gives a ratio of 3.0 (three times the articles); the target is
at most 3.5.  The ratio is taken on the process's CPU time, which other jobs on a
shared machine do not inflate; wall time is shown beside it.  Prints a markdown table.

Usage: python benchmarks/link_scaling.py --db STORE [--batch 512] [--events]
With --events the events linker's rebuild is timed the same way first (the store must
have been ingested with all stages, so that it holds event mentions).
STORE must hold the ANT corpus; if it does not exist it is ingested first (text
stages only, a few minutes).  The rebuild replaces the store's episodes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import ANT

from hadath.link.episodes import LinkStats, relink_episodes
from hadath.link.events import EventLinkStats, relink_events
from hadath.store import open_store

MARKS = (10_000, 20_000, 30_000)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--batch", type=int, default=512)
    parser.add_argument("--events", action="store_true", help="Also rebuild events (the store needs all stages).")
    args = parser.parse_args()
    if not args.db.exists():
        if not ANT.exists():
            sys.exit(f"{ANT} not found: this benchmark needs ../shared/data")
        environment = {**os.environ, "HADATH_STAGES": "sentences,tokens"}
        subprocess.run([sys.executable, "-m", "hadath", "ingest", str(ANT), "--db", str(args.db), "--workers", "1"],
                       check=True, env=environment, stdout=subprocess.DEVNULL)
    if args.events:
        _events(args.db)
    clock: dict[int, tuple[float, float, LinkStats]] = {}
    started, started_cpu = time.perf_counter(), time.process_time()

    def tick(stats: LinkStats) -> None:
        for mark in MARKS:
            if mark not in clock and stats.articles >= mark:
                clock[mark] = (time.process_time() - started_cpu, time.perf_counter() - started, _copy(stats))

    with open_store(args.db) as store:
        total = relink_episodes(store, batch_size=args.batch, on_batch=tick)
    print(f"linked {total['articles']} articles in {total['seconds']:.1f} s (batches of {args.batch})\n")
    print("| articles linked | CPU s | CPU ms / article | wall s | articles re-clustered / article "
          "| index hits / article |")
    print("|---|---|---|---|---|---|")
    for _, (cpu, wall, stats) in sorted(clock.items()):
        print(f"| {stats.articles} | {cpu:.1f} | {1000 * cpu / stats.articles:.2f} | {wall:.1f} "
              f"| {stats.region_articles / stats.articles:.2f} | {stats.candidates / stats.articles:.1f} |")
    if 10_000 in clock and 30_000 in clock:
        ratio = clock[30_000][0] / clock[10_000][0]
        wall_ratio = clock[30_000][1] / clock[10_000][1]
        scale = clock[30_000][2].articles / clock[10_000][2].articles
        print(f"\nCPU time ratio 30k / 10k: **{ratio:.2f}** (wall {wall_ratio:.2f}; articles ratio {scale:.2f}; "
              "target ≤ 3.5)")


def _events(db: Path) -> None:
    """The same measurement for the events linker (deduplication of event mentions)."""
    clock: dict[int, tuple[float, EventLinkStats]] = {}
    started_cpu = time.process_time()

    def tick(stats: EventLinkStats) -> None:
        for mark in MARKS:
            if mark not in clock and stats.articles >= mark:
                clock[mark] = (time.process_time() - started_cpu, EventLinkStats(stats.articles, stats.mentions,
                                                                                 stats.events_created, stats.merged))

    with open_store(db) as store:
        total = relink_events(store, on_batch=tick)
    print(f"events: {total['mentions']} event mentions of {total['articles']} articles became "
          f"{total['events_created']} events ({total['merged']} mentions merged) in {total['seconds']:.1f} s\n")
    print("| articles | event mentions | events | CPU s | CPU ms / mention |")
    print("|---|---|---|---|---|")
    for _, (cpu, stats) in sorted(clock.items()):
        print(f"| {stats.articles} | {stats.mentions} | {stats.events_created} | {cpu:.1f} "
              f"| {1000 * cpu / max(stats.mentions, 1):.2f} |")
    if 10_000 in clock and 30_000 in clock:
        print(f"\nevents CPU time ratio 30k / 10k: **{clock[30_000][0] / clock[10_000][0]:.2f}**\n")


def _copy(stats: LinkStats) -> LinkStats:
    return LinkStats(stats.articles, stats.undated, stats.regions, stats.region_articles, stats.candidates,
                     stats.episodes_written, stats.episodes_deleted, stats.seconds)


if __name__ == "__main__":
    main()
