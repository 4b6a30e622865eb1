"""Shared by the NER dev benchmarks: train the shipped pair of networks one way, score them on dev.

Each network (seeds 0 and 1) is scored alone and the two averaged as shipped, at blocks 1
and 16 (``hadath eval ner --block``); one line of JSON per network and per pair is printed
and appended to the output file.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import torch  # the train extra

from hadath.entities.evaluate import Sentence, score_sentences
from hadath.entities.neural_train import dev_tagger

SEEDS = (0, 1)
BLOCKS = (1, 16)

Fitted = tuple[Any, Any]  # a torch network and its encoder


class Log:
    """Records printed and appended to a JSON-lines file."""

    def __init__(self, out: Path) -> None:
        self.out = out

    def __call__(self, record: dict[str, Any]) -> None:
        print(json.dumps(record), flush=True)
        with self.out.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")


def score(nets: Sequence[Fitted], dev: Sequence[Sentence], names: list[tuple[str, str]],
          work: Path) -> dict[int, dict[str, float]]:
    """Micro P/R/F1 on ``dev`` of the networks averaged, at each block size."""
    tagger = dev_tagger(torch, [net for net, _ in nets], nets[-1][1], names, work / "dev.names.tsv.gz")
    return {block: score_sentences(dev, tagger, block)["micro"] for block in BLOCKS}


def pair_on_dev(setting: str, fit_one: Callable[[int], Fitted], dev: Sequence[Sentence],
                names: list[tuple[str, str]], work: Path, log: Log) -> None:
    """Train a network per seed with ``fit_one``, then log each one's dev F1 and the pair's."""
    nets = []
    for seed in SEEDS:
        started = time.perf_counter()
        nets.append(fit_one(seed))
        f1 = {block: round(m["f1"], 4) for block, m in score(nets[-1:], dev, names, work).items()}
        log({"setting": setting, "seed": seed, "f1": f1, "minutes": round((time.perf_counter() - started) / 60, 1)})
    pair = score(nets, dev, names, work)
    log({"setting": setting, "pair": {b: round(m["f1"], 4) for b, m in pair.items()},
         "precision_recall": {b: (round(m["precision"], 3), round(m["recall"], 3)) for b, m in pair.items()}})
