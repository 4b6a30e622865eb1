"""Training the neural tagger (torch, CPU) and exporting it for onnxruntime.

The network is a BiLSTM over tokens with a CRF output layer.  Its inputs are built by
``neural_features.Encoder`` from the same jackknifed training chunks as the CRF's
(``train.fold_chunks``).  The epoch count was chosen on the dev split (last 10% of
train.txt, scored through the real runtime path): the dev-selected run
(``select_on_dev=True``) keeps the epoch best on dev.  The shipped model is the
standard refit: the same settings, ``REFIT_EPOCHS`` epochs on all of train.txt, no
selection, for each of ``members`` seeds, the networks' scores averaged in one exported
graph; its metadata keeps the dev figure of the same settings trained without the dev
tenth, which is what ``tagger.shipped_kind`` compares.  test.txt is never read here.
Four trainings in all with two members: about 35 minutes on one loaded core, half that
with ``jobs=2`` on two cores.

Needs the ``train`` extra (torch, onnx); run time needs neither.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from hadath.entities.crf import names_path
from hadath.entities.evaluate import Sentence, read_conll, score_sentences
from hadath.entities.gazetteer import Gazetteer, write_names
from hadath.entities.neural import NeuralTagger, Scores, meta_path, vectors_path
from hadath.entities.neural_features import Encoder, Inputs, pad_batch, reverse_index, view
from hadath.entities.train import Chunk, entity_names, fold_chunks, split_dev
from hadath.entities.vectors import Vectors, load_vectors, read_table
from hadath.errors import ModelError

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
OPSET = 17


# The best epoch of the dev-selected run (seed 0, 25 epochs, lr decayed 0.05 an epoch): dev
# F1 0.7694 at epoch 21; epochs 20-25 scored 0.7595-0.7694, so the count is not a knife edge.
REFIT_EPOCHS = 21
DEV_EPOCHS = 25


@dataclass(frozen=True)
class NeuralParams:
    epochs: int = REFIT_EPOCHS  # refit: epochs run on all of train.txt
    dev_epochs: int = DEV_EPOCHS  # dev-selected run: epochs run, the one best on dev is kept
    batch: int = 16
    lr: float = 2e-3
    lr_decay: float = 0.05  # lr / (1 + decay * epoch): steadier dev scores late in training
    hidden: int = 128
    layers: int = 1
    word_dim: int = 48
    char_dim: int = 24
    char_filters: int = 64
    dropout: float = 0.5
    word_dropout: float = 0.1  # training stems replaced by "unknown", so unseen names still get tagged
    seed: int = 0
    # Networks (seeds seed, seed + 1, …) whose scores are averaged before Viterbi.  Two: on dev
    # (trained on the first 90%) seed 0 scored 0.7694, seed 1 0.7524, the pair 0.7729; a third
    # would take the model past 12 MB and the speed under 20k tokens/s.
    members: int = 2
    threads: int = 1  # on a shared 2-core machine one thread trains faster than two


def _torch() -> Any:
    """torch, checked with onnx up front: a missing exporter must not surface after an hour of training."""
    import importlib

    for package in ("torch", "onnx"):
        try:
            importlib.import_module(package)
        except ImportError as error:
            raise ModelError(f"training the neural NER model needs {package}: pip install 'hadath[train]'") from error
    return importlib.import_module("torch")


Example = tuple[Inputs, np.ndarray]


def encode_chunks(chunks: Sequence[Chunk], encoder: Encoder) -> list[Example]:
    index = {label: i for i, label in enumerate(LABELS)}
    return [
        (encoder.encode(c.text, c.tokens, c.gazetteer), np.array([index[x] for x in c.labels], np.int64))
        for c in chunks
        if c.tokens
    ]


def fit_encoder(chunks: Sequence[Chunk], vectors: Vectors) -> Encoder:
    views = [[view(token, c.text) for token in c.tokens] for c in chunks]
    flags: set[str] = set()
    for c, vs in zip(chunks, views, strict=True):
        flags.update(flag for row in c.gazetteer.flags([v.stem for v in vs]) for flag in row)
    return Encoder.fit((v for vs in views for v in vs), flags, vectors)


def batch_tensors(torch: Any, examples: Sequence[Example]) -> tuple[list[Any], Any, Any]:
    """Padded tensors of a batch: the five inputs, the labels and the lengths."""
    inputs, lengths = pad_batch([x[0] for x in examples])
    labels = np.zeros(inputs.words.shape, np.int64)
    for i, x in enumerate(examples):
        labels[i, : lengths[i]] = x[1]
    return [torch.from_numpy(a) for a in inputs], torch.from_numpy(labels), torch.from_numpy(lengths)


def build_network(torch: Any, sizes: dict[str, int], p: NeuralParams) -> Any:
    nn = torch.nn
    cat_keys = ["kinds", "signatures", "shapes", *sorted(k for k in sizes if k.startswith("cluster")), "frequency"]
    cat_dims = {"kinds": 4, "signatures": 8, "shapes": 4, "cluster0": 8, "cluster1": 16, "cluster2": 24}

    module: Any = nn.Module

    class Net(module):  # type: ignore[misc,unused-ignore]
        def __init__(self) -> None:
            super().__init__()
            self.words = nn.Embedding(sizes["words"], p.word_dim, padding_idx=0)
            self.chars = nn.Embedding(sizes["chars"], p.char_dim, padding_idx=0)
            self.conv = nn.Conv1d(p.char_dim, p.char_filters, 3, padding=1)
            dims = [cat_dims.get(k, 4) for k in cat_keys]
            self.cats = nn.ModuleList(nn.Embedding(sizes[k], d) for k, d in zip(cat_keys, dims, strict=True))
            width = p.word_dim + sizes["vectors"] + p.char_filters + sum(dims) + sizes["flags"]
            self.drop = nn.Dropout(p.dropout)
            between = p.dropout if p.layers > 1 else 0.0
            self.lstm = nn.LSTM(width, p.hidden, p.layers, batch_first=True, bidirectional=True, dropout=between)
            self.out = nn.Linear(2 * p.hidden, len(LABELS))
            self.transitions = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))

        def embed(self, words: Any, vectors: Any, chars: Any, cats: Any, gazetteer: Any) -> Any:
            b, t, c = chars.shape
            ch = self.chars(chars.reshape(b * t, c)).transpose(1, 2)
            ch = torch.relu(self.conv(ch)).max(dim=2).values.reshape(b, t, -1)
            parts = [self.words(words), vectors, ch, gazetteer]
            parts += [emb(cats[:, :, k]) for k, emb in enumerate(self.cats)]
            return self.drop(torch.cat(parts, dim=-1))

        def forward(self, words: Any, vectors: Any, chars: Any, cats: Any, gazetteer: Any, lengths: Any) -> Any:
            x = self.embed(words, vectors, chars, cats, gazetteer)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True, total_length=x.shape[1])
            return self.out(self.drop(h))

        def nll(self, scores: Any, labels: Any, lengths: Any) -> Any:
            """Mean negative log-likelihood of the gold paths under the linear-chain CRF."""
            b, t, _ = scores.shape
            mask = torch.arange(t)[None, :] < lengths[:, None]
            rows = torch.arange(b)
            gold = self.start[labels[:, 0]] + scores[rows, 0, labels[:, 0]]
            alpha = self.start[None, :] + scores[:, 0]
            for i in range(1, t):
                step = self.transitions[labels[:, i - 1], labels[:, i]] + scores[rows, i, labels[:, i]]
                gold = gold + step * mask[:, i]
                nxt = torch.logsumexp(alpha[:, :, None] + self.transitions[None], dim=1) + scores[:, i]
                alpha = torch.where(mask[:, i, None], nxt, alpha)
            last = labels[rows, lengths - 1]
            gold = gold + self.end[last]
            return (torch.logsumexp(alpha + self.end[None, :], dim=1) - gold).mean()

    return Net()


def length_batches(data: Sequence[Example], size: int, shuffle: random.Random) -> list[list[int]]:
    """Batches of chunks of similar length (little padding), in random order."""
    keys = {i: (len(x[1]) // 8, shuffle.random()) for i, x in enumerate(data)}
    order = sorted(keys, key=keys.__getitem__)
    batches = [order[k : k + size] for k in range(0, len(order), size)]
    shuffle.shuffle(batches)
    return batches


def word_dropout(torch: Any, words: Any, rate: float, generator: Any) -> Any:
    drop = (torch.rand(words.shape, generator=generator) < rate) & (words > 1)
    return torch.where(drop, torch.ones_like(words), words)


def dev_tagger(
    torch: Any, nets: Sequence[Any], encoder: Encoder, names: list[tuple[str, str]], tmp: Path
) -> NeuralTagger:
    """The runtime tagger over torch networks (for dev scoring): their scores averaged, as exported."""

    def emit(inputs: Inputs, lengths: np.ndarray) -> Scores:
        with torch.no_grad():
            tensors = [torch.from_numpy(a) for a in inputs]
            scores = [net(*tensors, lengths=torch.from_numpy(lengths)) for net in nets]
            out: Scores = torch.stack(scores).mean(dim=0).numpy()
        return out

    write_names(tmp, names)
    return NeuralTagger(_meta(nets, encoder, {}), encoder, emit, tmp)


def _meta(nets: Sequence[Any], encoder: Encoder, extra: dict[str, Any]) -> dict[str, Any]:
    """Metadata of a model; with several networks the CRF scores are averaged like the emissions,
    so a path scores the mean of its scores under each network."""

    def mean(name: str) -> list[Any]:
        values: list[Any] = np.mean([getattr(net, name).detach().numpy() for net in nets], axis=0).round(5).tolist()
        return values

    crf = {name: mean(name) for name in ("transitions", "start", "end")}
    return {"labels": list(LABELS), "crf": crf, **extra, "encoder": encoder.spec}


def fit(
    train: Sequence[Sentence],
    dev: Sequence[Sentence] | None,
    vectors: Vectors,
    p: NeuralParams,
    work: Path,
    log: Any = None,
    extra: Callable[[int], Gazetteer] | None = None,
) -> tuple[Any, Encoder, list[dict[str, Any]]]:
    """Train on ``train`` for ``p.epochs``; with ``dev``, score each epoch and keep the best network.
    ``extra`` gives each name fold's further names (``train.fold_chunks``)."""
    torch = _torch()
    torch.set_num_threads(p.threads)
    torch.manual_seed(p.seed)
    chunks = list(fold_chunks(train, extra=extra))
    encoder = fit_encoder(chunks, vectors)
    data = encode_chunks(chunks, encoder)
    net = build_network(torch, encoder.sizes(), p)
    optimiser = torch.optim.Adam(net.parameters(), lr=p.lr)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda epoch: 1 / (1 + p.lr_decay * epoch))
    generator = torch.Generator().manual_seed(p.seed)
    shuffle = random.Random(p.seed)
    names = entity_names(train)
    history: list[dict[str, Any]] = []
    best: tuple[float, dict[str, Any]] | None = None
    for epoch in range(1, p.epochs + 1):
        started = time.perf_counter()
        net.train()
        total = 0.0
        for batch in length_batches(data, p.batch, shuffle):
            inputs, labels, lengths = batch_tensors(torch, [data[i] for i in batch])
            inputs[0] = word_dropout(torch, inputs[0], p.word_dropout, generator)
            loss = net.nll(net(*inputs, lengths=lengths), labels, lengths)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            total += float(loss.detach()) * len(batch)
        schedule.step()
        record: dict[str, Any] = {"epoch": epoch, "loss": round(total / len(data), 3)}
        net.eval()
        if dev is not None:
            report = score_sentences(dev, dev_tagger(torch, [net], encoder, names, work / "dev.names.tsv.gz"))
            record["dev"] = report["micro"]
            record["per_type"] = {k: v["f1"] for k, v in report["per_type"].items()}
            if best is None or report["micro"]["f1"] > best[0]:
                best = (report["micro"]["f1"], {k: v.clone() for k, v in net.state_dict().items()})
        record["seconds"] = round(time.perf_counter() - started, 1)
        history.append(record)
        if log is not None:
            log(record)
    if best is not None:
        net.load_state_dict(best[1])
    net.eval()
    return net, encoder, history


def _unpacked(torch: Any, net: Any) -> Any:
    """The network for export: each LSTM direction on its own, the backward one fed rows
    reversed within their lengths (``reverse``), so a padded batch scores every row
    exactly as alone; onnxruntime then needs no packed sequences."""
    nn = torch.nn
    module: Any = nn.Module
    lstm = net.lstm

    def direction(layer: int, suffix: str) -> Any:
        size = lstm.input_size if layer == 0 else 2 * lstm.hidden_size
        one = nn.LSTM(size, lstm.hidden_size, batch_first=True)
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(one, f"{name}_l0").data.copy_(getattr(lstm, f"{name}_l{layer}{suffix}").data)
        return one

    class Unpacked(module):  # type: ignore[misc,unused-ignore]
        def __init__(self) -> None:
            super().__init__()
            self.net = net
            self.forwards = nn.ModuleList(direction(k, "") for k in range(lstm.num_layers))
            self.backwards = nn.ModuleList(direction(k, "_reverse") for k in range(lstm.num_layers))

        def forward(self, words: Any, vectors: Any, chars: Any, cats: Any, gazetteer: Any, reverse: Any) -> Any:
            x = self.net.embed(words, vectors, chars, cats, gazetteer)
            for ahead, back in zip(self.forwards, self.backwards, strict=True):
                index = reverse[:, :, None].expand(-1, -1, x.shape[2])
                behind = back(torch.gather(x, 1, index))[0]
                index = reverse[:, :, None].expand(-1, -1, behind.shape[2])
                x = torch.cat([ahead(x)[0], torch.gather(behind, 1, index)], dim=2)
            return self.net.out(x)

    return Unpacked().eval()


def _mean(torch: Any, nets: Sequence[Any]) -> Any:
    """The module exported: the networks' scores averaged in one graph (one session call at run time)."""
    module: Any = torch.nn.Module
    parts = [_unpacked(torch, net) for net in nets]
    if len(parts) == 1:
        return parts[0]

    class Mean(module):  # type: ignore[misc,unused-ignore]
        def __init__(self) -> None:
            super().__init__()
            self.parts = torch.nn.ModuleList(parts)

        def forward(self, *inputs: Any) -> Any:
            return torch.stack([part(*inputs) for part in self.parts]).mean(dim=0)

    return Mean().eval()


def export(nets: Sequence[Any], encoder: Encoder, out: Path, meta: dict[str, Any]) -> None:
    """Write the networks (one, or an ensemble averaged in the graph) as ONNX and the metadata beside it."""
    torch = _torch()
    empty = encoder.encode("", [], Gazetteer())
    dummy = [torch.from_numpy(np.zeros((2, 3, *a.shape[2:]), a.dtype)) for a in empty]
    dummy.append(torch.from_numpy(reverse_index(np.array([3, 2]), 3)))
    names = [*Inputs._fields, "reverse"]
    axes = {name: {0: "chunks", 1: "tokens"} for name in [*names, "scores"]}
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        _mean(torch, nets),
        tuple(dummy),
        str(out),
        input_names=names,
        output_names=["scores"],
        dynamic_axes=axes,
        opset_version=OPSET,
        dynamo=False,
    )
    meta_path(out).write_text(json.dumps(_meta(nets, encoder, meta), ensure_ascii=False) + "\n", encoding="utf-8")


def _seeds(p: NeuralParams) -> list[int]:
    return [p.seed + k for k in range(p.members)]


def _fit_job(
    train: Sequence[Sentence], vectors_file: Path, p: NeuralParams
) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    """One network trained in a worker process: its weights as arrays, the encoder's spec, its history."""
    import tempfile

    net, encoder, history = fit(train, None, load_vectors(vectors_file), p, Path(tempfile.gettempdir()))
    return {k: v.numpy() for k, v in net.state_dict().items()}, encoder.spec, history


def fit_members(
    runs: Sequence[tuple[Sequence[Sentence], NeuralParams]], vectors_file: Path, work: Path,
    log: Any = None, jobs: int = 1,
) -> list[tuple[Any, Encoder, list[dict[str, Any]]]]:
    """``fit`` (no dev) for each (sentences, params) run, ``jobs`` at a time in worker processes.

    The table is read here afresh (a file just rebuilt in this process must not meet a
    cached copy); a worker reads it once for all its runs (``load_vectors`` caches it per
    process).  Each run seeds its own generators and trains on one thread, so a network
    is the same whether it was trained here or in a worker, alone or beside another.
    """
    table = read_table(vectors_file)
    if jobs <= 1:
        return [fit(train, None, table, p, work, log) for train, p in runs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    torch = _torch()
    results = []
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(_fit_job, train, vectors_file, p) for train, p in runs]
        for future, (_, p) in zip(futures, runs, strict=True):
            state, spec, history = future.result()
            encoder = Encoder(spec, table)
            net = build_network(torch, encoder.sizes(), p)
            net.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()})
            net.eval()
            if log is not None:
                log({"seed": p.seed, "trained": len(history), "loss": history[-1]["loss"] if history else None})
            results.append((net, encoder, history))
    return results


def train_neural(
    data_dir: Path,
    out: Path,
    vectors_file: Path,
    params: NeuralParams | None = None,
    log: Any = None,
    *,
    select_on_dev: bool = False,
    jobs: int = 1,
) -> dict[str, Any]:
    """Train the neural model and export it to ``out`` (``ner.onnx``); returns a summary.

    By default the standard refit: the settings are first trained on the first 90% of
    train.txt and scored on dev (that figure goes in the metadata), then trained again on
    all of train.txt for the same ``p.epochs`` and shipped, with no selection.  With
    ``select_on_dev`` one network (seed ``p.seed``) trained on the first 90% is shipped, at
    the epoch (of ``p.dev_epochs``) best on dev: the run that chose the settings.
    ``jobs`` networks train at once, each in its own process on one thread (same result).
    """
    import shutil
    import tempfile

    p = params or NeuralParams()
    if p.members < 1:
        raise ModelError(f"an ensemble needs at least one network, not {p.members}")
    path = data_dir / "train.txt"
    if not path.is_file():
        raise ModelError(f"no training file {path}")
    if not vectors_file.is_file():
        raise ModelError(f"no word vectors at {vectors_file}; build them with `hadath train vectors --ant PATH`")
    torch = _torch()
    started = time.perf_counter()
    sentences = read_conll(path)
    train, dev = split_dev(sentences)
    counts = {"train": len(train), "dev": len(dev)}
    with tempfile.TemporaryDirectory() as tmp:
        if select_on_dev:
            p = replace(p, members=1)  # the run that chose the settings trained one network
            net, encoder, history = fit(train, dev, read_table(vectors_file), replace(p, epochs=p.dev_epochs),
                                        Path(tmp), log)
            best = max(history, key=lambda r: r["dev"]["f1"])
            figures = {"micro": best["dev"], "per_type_f1": best["per_type"], "epoch": best["epoch"]}
            nets, training = [net], f"first 90% of train.txt, epoch {best['epoch']} of {p.dev_epochs} (best on dev)"
        else:
            # The settings trained on the first 90% and scored once on dev, then the refit.
            seeds = _seeds(p)
            runs = [(part, replace(p, seed=seed)) for part in (train, sentences) for seed in seeds]
            fitted = fit_members(runs, vectors_file, Path(tmp), log, jobs)
            trial, final = fitted[: len(seeds)], fitted[len(seeds):]
            # each part has its own encoder (its own vocabulary): dev is read with the trial's
            tagger = dev_tagger(torch, [net for net, _, _ in trial], trial[-1][1], entity_names(train),
                             Path(tmp) / "dev.names.tsv.gz")
            encoder = final[-1][1]
            report = score_sentences(dev, tagger)
            figures = {"micro": report["micro"], "per_type_f1": {k: v["f1"] for k, v in report["per_type"].items()},
                       "epoch": p.epochs}
            history = [{"seed": run.seed, **({"refit": True} if part is sentences else {}), **r}
                       for (part, run), (_, _, records) in zip(runs, fitted, strict=True) for r in records]
            nets = [net for net, _, _ in final]
            counts["final"] = len(sentences)
            networks = "" if p.members == 1 else f", {p.members} networks (seeds {', '.join(map(str, seeds))})"
            training = f"refit on all of train.txt, {p.epochs} epochs{networks}"
    meta = {
        "model": out.name,
        "kind": "neural",
        "training": training,
        "sentences": counts,
        "params": asdict(p),
        "dev": figures | {"trained_on": "first 90% of train.txt (dev is the last 10%)"},
        "history": history,
        "seconds": round(time.perf_counter() - started, 1),
    }
    export(nets, encoder, out, meta)
    if vectors_file.resolve() != vectors_path(out).resolve():
        shutil.copyfile(vectors_file, vectors_path(out))
    # All training names go in the run-time list, as for the CRF: the network learned on
    # jackknifed lists how far to trust it.
    write_names(names_path(out), entity_names(sentences))
    size = sum(f.stat().st_size for f in (out, meta_path(out), vectors_path(out)))
    return {k: v for k, v in meta.items() if k != "history"} | {"bytes": size}
