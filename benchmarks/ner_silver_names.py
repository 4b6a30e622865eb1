"""Dev F1 of the neural tagger with a silver name list read off ANT.

A network tags a sample of ANT; every name it finds often enough, and with one type
most of the time, becomes a gazetteer entry of category ``S-<type>``.  The list is a
corpus-wide vote on names the training data may never show.  Jackknifed like the
training names: the chunks of one half of the training sentences see the list of a
teacher trained on the other half only, so the student learns how far a silver entry is
to be trusted on names its teacher never saw.  At dev time the list comes from a
teacher trained on all the training sentences.  Teachers are single networks (seed 0);
the students are the shipped pair (seeds 0 and 1), scored on dev (the last 10% of
train.txt) at blocks 1 and 16.  test.txt is never read.

    PYTHONPATH=src python benchmarks/ner_silver_names.py --articles 4000 --out silver.jsonl

Needs the ``train`` extra (torch); about 45 minutes on one core.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import torch  # the train extra
from _ner_pair import Log, pair_on_dev

from hadath.entities.evaluate import Sentence, read_conll
from hadath.entities.gazetteer import Gazetteer
from hadath.entities.neural import default_model_path, vectors_path
from hadath.entities.neural_train import NeuralParams, dev_tagger, fit
from hadath.entities.train import NAME_FOLDS, entity_names, split_dev
from hadath.entities.vectors import Vectors, read_table
from hadath.text.segment import tokenize

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "data" / "ant" / "articles.jsonl.gz"


def ant_sample(path: Path, articles: int, step: int) -> list[str]:
    """Every ``step``-th ANT article's text, ``articles`` of them."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = itertools.islice(handle, 0, articles * step, step)
        return [t for t in (json.loads(line).get("text") or "" for line in lines) if t.strip()]


def silver_names(tagger, texts: Sequence[str], min_count: int, min_share: float) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Names the tagger finds at least ``min_count`` times, one type at least ``min_share`` of them."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for mention in tagger.tag_tokens(text, tokenize(text)):
            counts[" ".join(text[mention.start : mention.end].split())][mention.type] += 1
    out = []
    for name, kinds in counts.items():
        total = sum(kinds.values())
        kind, top = min(kinds.items(), key=lambda item: (-item[1], item[0]))
        if total >= min_count and top >= min_share * total:
            out.append((name, f"S-{kind}"))
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "anercorp")
    parser.add_argument("--ant", type=Path, default=ANT)
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--step", type=int, default=7, help="take every step-th ANT article")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-share", type=float, default=0.75)
    parser.add_argument("--out", type=Path, default=Path("ner_silver_names.jsonl"))
    args = parser.parse_args()
    train, dev = split_dev(read_conll(args.data / "train.txt"))
    table: Vectors = read_table(vectors_path(default_model_path()))
    names = entity_names(train)
    work = Path(tempfile.mkdtemp())
    texts = ant_sample(args.ant, args.articles, args.step)

    log = Log(args.out)

    def teacher_list(part: Sequence[Sentence], label: str) -> list[tuple[str, str]]:
        started = time.perf_counter()
        net, encoder, _ = fit(part, None, table, NeuralParams(seed=0), work)
        tagger = dev_tagger(torch, [net], encoder, entity_names(part), work / f"{label}.names.tsv.gz")
        found = silver_names(tagger, texts, args.min_count, args.min_share)
        log({"teacher": label, "sentences": len(part), "silver": len(found),
             "by_type": Counter(c for _, c in found), "minutes": round((time.perf_counter() - started) / 60, 1)})
        return found

    n = len(train)
    block = [i * NAME_FOLDS // n for i in range(n)]
    halves = [[s for s, b in zip(train, block, strict=True) if b * 2 // NAME_FOLDS == h] for h in (0, 1)]
    lists = {h: Gazetteer(teacher_list(halves[1 - h], f"half{1 - h}")) for h in (0, 1)}
    full = teacher_list(train, "all")

    def fit_one(seed: int):  # type: ignore[no-untyped-def]
        # the chunks of each half of the name blocks see the list of the teacher trained on the other half
        net, encoder, _ = fit(train, None, table, replace(NeuralParams(), seed=seed), work,
                              extra=lambda fold: lists[fold * 2 // NAME_FOLDS])
        return net, encoder

    pair_on_dev("silver", fit_one, dev, names + full, work, log)


if __name__ == "__main__":
    main()
