"""The neural tagger at run time: onnxruntime scores, numpy Viterbi, no torch.

A model is four files side by side: the network (``ner.onnx``: token inputs →
per-label scores), its metadata (``ner.neural.json``: vocabularies, labels, the CRF
transition scores, dev figures), the ANT word vectors (``ner.vectors.npz``) and the
training-names table shared with the CRF (``ner.names.tsv.gz``).  Text is cut into
the same chunks as for the CRF; the chunks of an article go through the network
together, padded into batches (the exported BiLSTM reads each row only up to its
length, so padding never changes a score).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from hadath.entities.consistency import spread_names
from hadath.entities.crf import chunks, labels_to_mentions, names_path
from hadath.entities.gazetteer import default_gazetteer, read_names
from hadath.entities.neural_features import Encoder, Inputs, pad_batch, reverse_index
from hadath.entities.vectors import load_vectors
from hadath.errors import ModelError
from hadath.model import Mention, Token

MODEL = "ner.onnx"
BATCH = 64  # most chunks per network call: amortises the call, bounds memory
# A batch is cut where a chunk is longer than this over its shortest: every padded position
# costs as much as a real one, and one batch for all of an article's chunks doubles the work.
PAD_RATIO, PAD_SLACK = 1.25, 4
Scores = npt.NDArray[np.float32]
Lengths = npt.NDArray[np.int64]
Emit = Callable[[Inputs, Lengths], Scores]  # a padded batch and its lengths → [B, T, labels] scores


def default_model_path() -> Path:
    return Path(str(resources.files("hadath.entities").joinpath("data", MODEL)))


def meta_path(model_path: Path) -> Path:
    """``ner.onnx`` → ``ner.neural.json``."""
    return model_path.with_name(model_path.stem + ".neural.json")


def vectors_path(model_path: Path) -> Path:
    return model_path.with_name(model_path.stem + ".vectors.npz")


def viterbi(scores: Scores, transitions: Scores, start: Scores, end: Scores) -> list[int]:
    """The best label path under emission ``scores`` [T, L] and the CRF's transition scores."""
    return viterbi_batch(scores[None], np.array([scores.shape[0]]), transitions, start, end)[0]


def viterbi_batch(scores: Scores, lengths: Lengths, transitions: Scores, start: Scores, end: Scores) -> list[list[int]]:
    """Best paths of a padded batch [B, T, L] at once: one numpy step per position, not per chunk."""
    rows, width, n_labels = scores.shape
    if width == 0:
        return [[] for _ in range(rows)]
    best = start[None, :] + scores[:, 0]
    back = np.empty((width, rows, n_labels), np.int64)
    same = np.broadcast_to(np.arange(n_labels), (rows, n_labels))
    for t in range(1, width):
        total = best[:, :, None] + transitions[None]  # [row, from, to]
        back[t] = total.argmax(axis=1)
        live = (t < lengths)[:, None]
        best = np.where(live, total.max(axis=1) + scores[:, t], best)
        back[t] = np.where(live, back[t], same)  # past a row's end its path stays put
    last = (best + end[None, :]).argmax(axis=1)
    paths = [[int(label)] for label in last]
    for t in range(width - 1, 0, -1):
        pointers = back[t]
        for row, path in enumerate(paths):
            if t < lengths[row]:
                path.append(int(pointers[row, path[-1]]))
    return [path[::-1] for path in paths]


def batches(ranges: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Chunk ranges grouped by similar length (little padding), at most ``BATCH`` a group."""
    batch: list[tuple[int, int]] = []
    for a, b in sorted((r for r in ranges if r[1] > r[0]), key=lambda r: r[1] - r[0]):
        if batch and (b - a > PAD_RATIO * (batch[0][1] - batch[0][0]) + PAD_SLACK or len(batch) == BATCH):
            yield batch
            batch = []
        batch.append((a, b))
    if batch:
        yield batch


class NeuralTagger:
    """A loaded neural model; ``tag_tokens`` is the runtime path (same contract as the CRF's)."""

    def __init__(
        self, meta: dict[str, Any], encoder: Encoder, emit: Emit, names: Path | None = None, path: Path | None = None
    ) -> None:
        self.path = path
        self.meta = meta
        self.encoder = encoder
        self.emit = emit
        self.labels_ = list(meta["labels"])
        crf = meta["crf"]
        self.transitions = np.asarray(crf["transitions"], np.float32)
        self.start = np.asarray(crf["start"], np.float32)
        self.end = np.asarray(crf["end"], np.float32)
        base = default_gazetteer()
        self.gazetteer = base.merged(read_names(names)) if names is not None and names.is_file() else base

    @classmethod
    def open(cls, model_path: Path) -> NeuralTagger:
        try:
            import onnxruntime
        except ImportError as error:
            raise ModelError("the neural NER model needs onnxruntime: pip install onnxruntime") from error
        meta_file = meta_path(model_path)
        if not model_path.is_file() or not meta_file.is_file():
            raise ModelError(f"NER model {model_path} is missing; build it with `hadath train ner --kind neural`")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # batches are small; workers parallelise across articles
        options.inter_op_num_threads = 1
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            encoder = Encoder(meta["encoder"], load_vectors(vectors_path(model_path)))
            session = onnxruntime.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime's own errors (InvalidProtobuf, Fail…) subclass Exception only
            raise ModelError(f"cannot load NER model {model_path}: {error}") from error

        def emit(inputs: Inputs, lengths: Lengths) -> Scores:
            feeds = {name: getattr(inputs, name) for name in Inputs._fields}
            feeds["reverse"] = reverse_index(lengths, inputs.words.shape[1])
            out: Scores = session.run(None, feeds)[0]
            return out

        return cls(meta, encoder, emit, names_path(model_path), model_path)

    def labels(self, text: str, tokens: Sequence[Token]) -> list[str]:
        """One BIO label per token, consistent across the text (``consistency``)."""
        out = ["O"] * len(tokens)
        for batch in batches(list(chunks(text, tokens))):
            inputs, lengths = pad_batch([self.encoder.encode(text, tokens[a:b], self.gazetteer) for a, b in batch])
            paths = viterbi_batch(self.emit(inputs, lengths), lengths, self.transitions, self.start, self.end)
            for (a, b), path in zip(batch, paths, strict=True):
                out[a:b] = [self.labels_[i] for i in path]
        return spread_names(tokens, out)

    def tag_tokens(self, text: str, tokens: Sequence[Token]) -> list[Mention]:
        return labels_to_mentions(tokens, self.labels(text, tokens))


@cache
def load_neural(path: Path) -> NeuralTagger:
    return NeuralTagger.open(path)
