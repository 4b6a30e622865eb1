"""Dev F1 of neural NER settings: each setting trained as the shipped pair (seeds 0 and 1).

Every network is trained on the first 90% of train.txt for the shipped epoch count, with
no dev selection, then scored on dev (the last 10%) alone and as the averaged pair, at
blocks 1 and 16 (``hadath eval ner --block``).  test.txt is never read.  One line of JSON
per network and per pair, printed and appended to ``--out``.

    PYTHONPATH=src python benchmarks/ner_dev_sweep.py --data ../shared/data/anercorp \\
        --settings '[["base", {}], ["char128", {"char_filters": 128}]]' --out sweep.jsonl

A setting is a name and ``NeuralParams`` fields to change.  Needs the ``train`` extra
(torch); about 5 to 11 minutes a network on one core.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import torch  # the train extra

from hadath.entities.evaluate import read_conll, score_sentences
from hadath.entities.neural import default_model_path, vectors_path
from hadath.entities.neural_train import NeuralParams, dev_tagger, fit
from hadath.entities.train import entity_names, split_dev
from hadath.entities.vectors import read_table

SEEDS = (0, 1)
BLOCKS = (1, 16)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/anercorp"))
    parser.add_argument("--settings", required=True, help='JSON: [["name", {"field": value}], ...]')
    parser.add_argument("--out", type=Path, default=Path("ner_dev_sweep.jsonl"))
    args = parser.parse_args()
    train, dev = split_dev(read_conll(args.data / "train.txt"))
    table = read_table(vectors_path(default_model_path()))
    names = entity_names(train)
    work = Path(tempfile.mkdtemp())

    def score(nets: list) -> dict[int, dict]:  # type: ignore[type-arg]
        tagger = dev_tagger(torch, [net for net, _ in nets], nets[-1][1], names, work / "dev.names.tsv.gz")
        return {block: score_sentences(dev, tagger, block)["micro"] for block in BLOCKS}

    def emit(record: dict) -> None:  # type: ignore[type-arg]
        print(json.dumps(record), flush=True)
        with args.out.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")

    for name, changes in json.loads(args.settings):
        nets = []
        for seed in SEEDS:
            started = time.perf_counter()
            net, encoder, _ = fit(train, None, table, replace(NeuralParams(), seed=seed, **changes), work)
            nets.append((net, encoder))
            f1 = {block: round(m["f1"], 4) for block, m in score(nets[-1:]).items()}
            emit({"setting": name, "seed": seed, "f1": f1, "minutes": round((time.perf_counter() - started) / 60, 1)})
        pair = score(nets)
        emit({"setting": name, "pair": {b: round(m["f1"], 4) for b, m in pair.items()},
              "precision_recall": {b: (round(m["precision"], 3), round(m["recall"], 3)) for b, m in pair.items()}})


if __name__ == "__main__":
    main()
