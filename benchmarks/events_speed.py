"""Articles per second of the event_mentions stage on one core, over ANT articles.

The stages it needs (sentences, tokens, entities, timexes) run beforehand and are not
timed; the timed part is ``extract_article`` with the shipped detector: trigger
matching, flags, arguments, dates, and the learned ASSAULT/PROTEST scoring.  Also
counts mentions per type.  Prints a markdown table.

    PYTHONPATH=src python benchmarks/events_speed.py [--articles 300] [--ant PATH]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

from hadath.events.detector import load_detector
from hadath.events.extract import extract_article
from hadath.events.lexicon import load_lexicon
from hadath.model import UNKNOWN_DATE, Article, DateValue
from hadath.pipeline import analyze

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "data" / "ant" / "articles.jsonl.gz"
BEFORE = ["sentences", "tokens", "entities", "timexes"]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--skip", type=int, default=2000, help="start this far into the corpus")
    parser.add_argument("--ant", type=Path, default=ANT)
    args = parser.parse_args()
    if not args.ant.is_file():
        print(f"ANT corpus not found at {args.ant}", file=sys.stderr)
        return 2
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    lexicon, detector = load_lexicon(), load_detector()
    with gzip.open(args.ant, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in itertools.islice(handle, args.skip, args.skip + args.articles)]
    prepared = []
    for record in records:
        article = Article(str(record["id"]), record.get("text") or "", published=_published(record))
        prepared.append((article, analyze(article, BEFORE)))
    counts: Counter[str] = Counter()
    happened = 0
    started = time.perf_counter()
    for article, analysis in prepared:
        found = extract_article(
            article.text, analysis.sentences, analysis.tokens, analysis.mentions, analysis.timexes,
            analysis.published, lexicon, detector,
        )
        counts.update(e.type for e in found)
        happened += sum(e.happened for e in found)
    seconds = time.perf_counter() - started
    words = sum(sum(t.kind == "word" for t in a.tokens) for _, a in prepared)
    print("| articles | words | seconds | articles/s | words/s | mentions | happened | python | machine |")
    print("|---:|---:|---:|---:|---:|---:|---:|---|---|")
    print(f"| {len(prepared)} | {words} | {seconds:.2f} | {len(prepared) / seconds:.0f} | {words / seconds:.0f} "
          f"| {sum(counts.values())} | {happened} | {platform.python_version()} | {platform.machine()} |")
    print()
    print("| type | mentions |")
    print("|---|---:|")
    for kind, n in counts.most_common():
        print(f"| {kind} | {n} |")
    return 0


def _published(record: dict[str, object]) -> DateValue:
    value = record.get("published")
    if not isinstance(value, str) or len(value) < 10:
        return UNKNOWN_DATE
    return DateValue(value[:10], "metadata")


if __name__ == "__main__":
    sys.exit(main())
