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
from dataclasses import replace
from pathlib import Path

from _ner_pair import Log, pair_on_dev

from hadath.entities.evaluate import read_conll
from hadath.entities.neural import default_model_path, vectors_path
from hadath.entities.neural_train import NeuralParams, fit
from hadath.entities.train import entity_names, split_dev
from hadath.entities.vectors import read_table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/anercorp"))
    parser.add_argument("--settings", required=True, help='JSON: [["name", {"field": value}], ...]')
    parser.add_argument("--out", type=Path, default=Path("ner_dev_sweep.jsonl"))
    args = parser.parse_args()
    train, dev = split_dev(read_conll(args.data / "train.txt"))
    table = read_table(vectors_path(default_model_path()))
    work = Path(tempfile.mkdtemp())
    for name, changes in json.loads(args.settings):
        def fit_one(seed: int, changes: dict = changes):  # type: ignore[no-untyped-def,type-arg]
            net, encoder, _ = fit(train, None, table, replace(NeuralParams(), seed=seed, **changes), work)
            return net, encoder

        pair_on_dev(name, fit_one, dev, entity_names(train), work, Log(args.out))


if __name__ == "__main__":
    main()
