"""Dev F1 of the neural tagger trained with a language-modelling side task on ANT.

Rei's (2017) multitask recipe at a CPU scale: while the tagger learns the CRF loss on
the training chunks, its own BiLSTM also learns to predict, from ANT chunks, the next
stem (forward half of the states) and the previous stem (backward half).  The heads are
dropped after training, so the exported network, and its speed, are those of the shipped
design; only what the LSTM has learned differs.  The students are the shipped pair
(seeds 0 and 1) trained on the first 90% of train.txt for the shipped epoch count,
scored on dev at blocks 1 and 16.  test.txt is never read.

    PYTHONPATH=src python benchmarks/ner_multitask_lm.py --weight 0.1 --out lm.jsonl

Needs the ``train`` extra (torch); about 15 to 25 minutes a network on one core.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import torch  # the train extra
from _ner_pair import Log, pair_on_dev

from hadath.entities.crf import chunks
from hadath.entities.evaluate import read_conll
from hadath.entities.gazetteer import Gazetteer, default_gazetteer
from hadath.entities.neural import default_model_path, vectors_path
from hadath.entities.neural_features import Inputs, pad_batch, view
from hadath.entities.neural_train import (
    NeuralParams,
    batch_tensors,
    build_network,
    encode_chunks,
    fit_encoder,
    length_batches,
    word_dropout,
)
from hadath.entities.train import entity_names, fold_chunks, split_dev
from hadath.entities.vectors import read_table
from hadath.text.segment import tokenize

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "data" / "ant" / "articles.jsonl.gz"


def ant_chunks(path: Path, articles: int, step: int) -> list[tuple[str, list[Any]]]:
    """(text, tokens) of every runtime chunk of every ``step``-th ANT article."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in itertools.islice(handle, 3, 3 + articles * step, step):
            text = json.loads(line).get("text") or ""
            tokens = tokenize(text)
            out.extend((text, tokens[a:b]) for a, b in chunks(text, tokens) if b - a >= 4)
    return out


def train_one(train, table, lm_pool, params: NeuralParams, weight: float, vocab: int, per_epoch: int):  # type: ignore[no-untyped-def]
    """``neural_train.fit`` with the side task; returns the network and its encoder."""
    torch.set_num_threads(1)
    torch.manual_seed(params.seed)
    train_chunks = list(fold_chunks(train))
    encoder = fit_encoder(train_chunks, table)
    data = encode_chunks(train_chunks, encoder)
    gazetteer = default_gazetteer().merged(Gazetteer(entity_names(train)))
    counts = Counter(view(t, text).stem for text, tokens in lm_pool for t in tokens)
    target_ids = {stem: i + 1 for i, (stem, _) in enumerate(counts.most_common(vocab))}  # 0: any other stem
    lm_data = []
    for text, tokens in lm_pool:
        inputs = encoder.encode(text, tokens, gazetteer)
        lm_data.append((inputs, np.array([target_ids.get(view(t, text).stem, 0) for t in tokens], np.int64)))
    net = build_network(torch, encoder.sizes(), params)
    heads = torch.nn.ModuleList([torch.nn.Linear(params.hidden, vocab + 1) for _ in range(2)])
    optimiser = torch.optim.Adam([*net.parameters(), *heads.parameters()], lr=params.lr)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda epoch: 1 / (1 + params.lr_decay * epoch))
    generator = torch.Generator().manual_seed(params.seed)
    shuffle = random.Random(params.seed)
    nn = torch.nn
    for epoch in range(1, params.epochs + 1):
        started = time.perf_counter()
        net.train()
        heads.train()
        sample = shuffle.sample(range(len(lm_data)), min(per_epoch, len(lm_data)))
        lm_batches = [sample[k : k + params.batch] for k in range(0, len(sample), params.batch)]
        tag_batches = length_batches(data, params.batch, shuffle)
        tag_total = lm_total = 0.0
        for k, batch in enumerate(tag_batches):
            inputs, labels, lengths = batch_tensors(torch, [data[i] for i in batch])
            inputs[0] = word_dropout(torch, inputs[0], params.word_dropout, generator)
            loss = net.nll(net(*inputs, lengths=lengths), labels, lengths)
            tag_total += float(loss.detach())
            if k < len(lm_batches):
                parts: list[Inputs] = [lm_data[i][0] for i in lm_batches[k]]
                padded, lm_lengths = pad_batch(parts)
                tensors = [torch.from_numpy(a) for a in padded]
                tensors[0] = word_dropout(torch, tensors[0], params.word_dropout, generator)
                x = net.embed(*tensors)
                packed = nn.utils.rnn.pack_padded_sequence(x, torch.from_numpy(lm_lengths), batch_first=True,
                                                           enforce_sorted=False)
                h, _ = nn.utils.rnn.pad_packed_sequence(net.lstm(packed)[0], batch_first=True,
                                                        total_length=x.shape[1])
                h = net.drop(h)
                targets = np.full(padded.words.shape, -100, np.int64)
                for row, i in enumerate(lm_batches[k]):
                    targets[row, : lm_lengths[row]] = lm_data[i][1]
                t = torch.from_numpy(targets)
                forward, backward = h[:, :-1, : params.hidden], h[:, 1:, params.hidden :]
                loss_f = nn.functional.cross_entropy(heads[0](forward).flatten(0, 1), t[:, 1:].flatten(),
                                                     ignore_index=-100)
                loss_b = nn.functional.cross_entropy(heads[1](backward).flatten(0, 1), t[:, :-1].flatten(),
                                                     ignore_index=-100)
                lm_loss = (loss_f + loss_b) / 2
                lm_total += float(lm_loss.detach())
                loss = loss + weight * lm_loss
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*net.parameters(), *heads.parameters()], 5.0)
            optimiser.step()
        schedule.step()
        print(json.dumps({"seed": params.seed, "epoch": epoch, "tag_loss": round(tag_total / len(tag_batches), 3),
                          "lm_loss": round(lm_total / max(len(lm_batches), 1), 3),
                          "seconds": round(time.perf_counter() - started, 1)}), flush=True)
    net.eval()
    return net, encoder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "anercorp")
    parser.add_argument("--ant", type=Path, default=ANT)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--step", type=int, default=11)
    parser.add_argument("--weight", type=float, default=0.1)
    parser.add_argument("--vocab", type=int, default=8000)
    parser.add_argument("--per-epoch", type=int, default=3600, help="ANT chunks seen per epoch")
    parser.add_argument("--out", type=Path, default=Path("ner_multitask_lm.jsonl"))
    args = parser.parse_args()
    train, dev = split_dev(read_conll(args.data / "train.txt"))
    table = read_table(vectors_path(default_model_path()))
    names = entity_names(train)
    work = Path(tempfile.mkdtemp())
    pool = ant_chunks(args.ant, args.articles, args.step)
    setting = f"lm weight {args.weight}, vocab {args.vocab}, {args.per_epoch} ANT chunks an epoch"

    log = Log(args.out)
    log({"setting": setting, "ant_chunks": len(pool)})

    def fit_one(seed: int):  # type: ignore[no-untyped-def]
        return train_one(train, table, pool, replace(NeuralParams(), seed=seed), args.weight, args.vocab,
                         args.per_epoch)

    pair_on_dev(setting, fit_one, dev, names, work, log)


if __name__ == "__main__":
    main()
