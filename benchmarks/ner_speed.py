"""Tokens per second of the NER tagger on one core, over ANT articles.

Tokenization is done beforehand (it is the tokens stage's cost, not the tagger's);
the timed part is ``tag_tokens``: chunking, features (or network inputs), CRF or
network scoring and decoding, BIO → mentions.  Prints one markdown table row per kind.

    PYTHONPATH=src python benchmarks/ner_speed.py [--articles 300] [--ant PATH] [--kind shipped|neural|crf|all]
        [--model PATH]  (a neural .onnx to time instead of the shipped one, e.g. a candidate)
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

from hadath.entities import crf, neural
from hadath.entities.tagger import load_tagger, shipped_kind
from hadath.text.segment import tokenize

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "data" / "ant" / "articles.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--skip", type=int, default=1000, help="start this far into the corpus")
    parser.add_argument("--ant", type=Path, default=ANT)
    parser.add_argument("--kind", choices=("shipped", "neural", "crf", "all"), default="shipped")
    parser.add_argument("--model", type=Path, help="neural model to time instead of the shipped one")
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
    kinds = ("neural", "crf") if args.kind == "all" else (shipped_kind() if args.kind == "shipped" else args.kind,)
    paths = {"neural": args.model or neural.default_model_path(), "crf": crf.default_model_path()}
    n_tokens = sum(len(tokens) for _, tokens in docs)
    # CPU seconds too: on a shared machine wall time also counts the waits for the core.
    print("| benchmark | model | articles | tokens | mentions | seconds | tokens/s | CPU s | tokens/CPU s | machine |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for kind in kinds:
        tagger = load_tagger(paths[kind])
        tagger.tag_tokens(*docs[0])  # warm the caches the way a long-running worker has them
        started, cpu = time.perf_counter(), time.process_time()
        n_mentions = sum(len(tagger.tag_tokens(text, tokens)) for text, tokens in docs)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"| ner_speed | {kind} | {len(docs)} | {n_tokens} | {n_mentions} | {seconds:.2f} "
            f"| {n_tokens / seconds:,.0f} | {cpu:.2f} | {n_tokens / cpu:,.0f} "
            f"| {platform.processor() or platform.machine()}, 1 core |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
