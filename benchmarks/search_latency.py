"""Search latency over 100 queries on a store holding the ANT corpus.

Queries are drawn (fixed seed) from the shipped word-frequency table: 60 single words
and 40 two-word queries, mid-frequency, in varied surface forms (with ال, alef forms).
Usage: python benchmarks/search_latency.py --db ant.db
"""

from __future__ import annotations

import argparse
import gzip
import random
import statistics
import time
from importlib import resources

from hadath import service


def queries(count: int = 100, seed: int = 7) -> list[str]:
    path = resources.files("hadath.text").joinpath("data", "wordfreq.tsv.gz")
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        words = [line.split("\t")[0] for line in handle][200:20000]  # skip function words
    rng = random.Random(seed)
    singles = [rng.choice(words) for _ in range(count * 6 // 10)]
    pairs = [f"ال{rng.choice(words)} {rng.choice(words[:3000])}" for _ in range(count - len(singles))]
    return singles + pairs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    service.search("تجربة", args.db)  # open caches once, as a running service would have
    timings: list[float] = []
    hits = 0
    for query in queries():
        started = time.perf_counter()
        hits += bool(service.search(query, args.db, args.limit))
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print("| queries | with hits | median ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    print(f"| {len(timings)} | {hits} | {statistics.median(timings):.1f} | {p95:.1f} | {timings[-1]:.1f} |")


if __name__ == "__main__":
    main()
