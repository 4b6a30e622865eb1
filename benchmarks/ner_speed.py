"""Tokens per second of the NER tagger on one core, over ANT articles.

Tokenization is done beforehand (it is the tokens stage's cost, not the tagger's);
the timed part is ``NerTagger.tag_tokens``: chunking, features, CRF decoding, BIO →
mentions.  Prints one markdown table row.

    PYTHONPATH=src python benchmarks/ner_speed.py [--articles 300] [--ant PATH]
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
from pathlib import Path

from hadath.entities.crf import load_tagger
from hadath.text.segment import tokenize

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "data" / "ant" / "articles.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--skip", type=int, default=1000, help="start this far into the corpus")
    parser.add_argument("--ant", type=Path, default=ANT)
    args = parser.parse_args()
    if not args.ant.is_file():
        print(f"ANT corpus not found at {args.ant}", file=sys.stderr)
        return 2
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as promised
    with gzip.open(args.ant, "rt", encoding="utf-8") as handle:
        lines = itertools.islice(handle, args.skip, args.skip + args.articles)
        texts = [json.loads(line)["text"] or "" for line in lines]
    docs = [(text, tokenize(text)) for text in texts]
    tagger = load_tagger()
    tagger.tag_tokens(*docs[0])  # warm the caches the way a long-running worker has them
    n_tokens = sum(len(tokens) for _, tokens in docs)
    started = time.perf_counter()
    n_mentions = sum(len(tagger.tag_tokens(text, tokens)) for text, tokens in docs)
    seconds = time.perf_counter() - started
    print("| benchmark | articles | tokens | mentions | seconds | tokens/s | machine |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    print(
        f"| ner_speed | {len(docs)} | {n_tokens} | {n_mentions} | {seconds:.2f} "
        f"| {n_tokens / seconds:,.0f} | {platform.processor() or platform.machine()}, 1 core |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
