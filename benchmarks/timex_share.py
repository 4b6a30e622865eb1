"""Share of ``analyze`` time spent in the ``timexes`` stage, on ANT articles.

    PYTHONPATH=src python benchmarks/timex_share.py [--articles 500] [--seed 7] [--no-metadata]

Runs ``hadath.pipeline.analyze`` with the stages sentences, tokens and timexes on a
seeded sample of ANT articles (../shared/data/ant/articles.jsonl.gz), times each
stage function, and prints a markdown table.  ``--no-metadata`` hides the
publication dates, so the stage also infers them from the text (one parse, two
resolutions).  Lexicons and tables are loaded on a warm-up article first: the
figure is steady-state cost, not start-up.  Stages are timed in process CPU time,
so other work on the machine does not skew the shares.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hadath import pipeline
from hadath.model import UNKNOWN_DATE, Article, DateValue

STAGES = ["sentences", "tokens", "timexes"]
ANT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ant" / "articles.jsonl.gz"


# Only the modules of the timed stages are loaded, so that work in progress in other
# stage modules cannot break this benchmark.
pipeline.BUILTIN_STAGE_MODULES = ("hadath.text.stages", "hadath.timex.stage")  # type: ignore[assignment]


@contextmanager
def timed_stages(totals: dict[str, float]) -> Iterator[None]:
    """Wrap every stage function so its CPU time adds up in ``totals``."""
    pipeline.available_stages()
    registry = pipeline._REGISTRY  # the benchmark measures stages in place
    original = dict(registry)

    def wrap(name: str, run: pipeline.StageFn) -> pipeline.StageFn:
        def timed(article: Article, state: dict[str, Any]) -> dict[str, Any]:
            start = time.process_time()
            try:
                return run(article, state)
            finally:
                totals[name] += time.process_time() - start

        return timed

    for name, current in original.items():
        registry[name] = dataclasses.replace(current, run=wrap(name, current.run))
    try:
        yield
    finally:
        registry.clear()
        registry.update(original)


def sample(n: int, seed: int, metadata: bool) -> list[Article]:
    with gzip.open(ANT, "rt", encoding="utf-8") as handle:
        lines = handle.readlines()
    chosen = sorted(random.Random(seed).sample(range(len(lines)), min(n, len(lines))))
    articles = []
    for index in chosen:
        row = json.loads(lines[index])
        published = DateValue(row["published"][:10], "metadata") if metadata else UNKNOWN_DATE
        articles.append(Article(row["id"], row["text"], row.get("title", ""), published=published))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-metadata", action="store_true")
    args = parser.parse_args(argv)
    if not ANT.exists():
        print(f"ANT corpus not found at {ANT}", file=sys.stderr)
        return 2
    articles = sample(args.articles, args.seed, metadata=not args.no_metadata)
    pipeline.analyze(articles[0], STAGES)  # warm-up: lexicons, word frequencies
    totals: dict[str, float] = defaultdict(float)
    with timed_stages(totals):
        for article in articles:
            pipeline.analyze(article, STAGES)
    total = sum(totals.values())
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} ANT articles, {chars / len(articles):.0f} characters on average, seed {args.seed}")
    print()
    print("| stage | seconds | ms / article | share |")
    print("| --- | ---: | ---: | ---: |")
    for name in STAGES:
        seconds = totals[name]
        print(f"| {name} | {seconds:.3f} | {1000 * seconds / len(articles):.2f} | {seconds / total:.1%} |")
    print(f"| total | {total:.3f} | {1000 * total / len(articles):.2f} | 100% |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
