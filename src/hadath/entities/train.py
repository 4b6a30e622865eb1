"""Training the CRF on ANERcorp-style data, reproducibly.

ANERcorp has one whitespace word a line with clitics attached ("وموسكو") and most
punctuation split off.  Training sentences are re-tokenized with hadath's own
tokenizer, so the features the CRF learns from are exactly those it sees at run
time; a word's tag goes to its first token, the rest of an entity word continue it.

Regularisation (c1, c2) is chosen on the last 10% of train.txt (``tune=True``); the
final model is then trained on all of train.txt.  test.txt is never read here.
"""

from __future__ import annotations

import json
import tempfile
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any, NamedTuple

from hadath.entities.crf import NerTagger, chunks, names_path
from hadath.entities.evaluate import Sentence, entity_spans, join_words, read_conll, score_sentences
from hadath.entities.features import chunk_features
from hadath.entities.gazetteer import Gazetteer, default_gazetteer, write_names
from hadath.errors import ModelError
from hadath.model import Token
from hadath.text.segment import tokenize

# Chosen by ``train_ner(..., tune=True)`` on the dev split (last 10% of train.txt): of
# c1 in {0, .05, .1, .2} x c2 in {.01, .05, .1} the landscape is flat (dev F1 0.726-0.740)
# once c1 > 0; c1 = 0 is clearly worse (0.71).
C1 = 0.05
C2 = 0.05
MAX_ITERATIONS = 300
DEV_FRACTION = 0.1
NAME_FOLDS = 10


@dataclass(frozen=True)
class Params:
    c1: float
    c2: float
    max_iterations: int


GRID_C1 = (0.0, 0.05, 0.1, 0.2)
GRID_C2 = (0.01, 0.05, 0.1)

Example = tuple[list[list[str]], list[str]]


class Chunk(NamedTuple):
    text: str
    tokens: Sequence[Token]
    labels: list[str]
    gazetteer: Gazetteer


def token_labels(sentence: Sentence) -> tuple[str, list[Any], list[str]]:
    """Text, runtime tokens and one label per token for a gold sentence."""
    words = [word for word, _ in sentence]
    text, starts = join_words(words)
    tokens = tokenize(text)
    labels: list[str] = []
    previous_word = -1
    for token in tokens:
        word = bisect_right(starts, token.start) - 1
        tag = sentence[word][1]
        if tag.startswith("B-") and word == previous_word:
            tag = "I-" + tag[2:]  # later tokens of a B- word ("أ" in "(أ") continue it
        labels.append(tag)
        previous_word = word
    return text, tokens, labels


def entity_names(sentences: Iterable[Sentence]) -> list[tuple[str, str]]:
    """Each gold entity string with its most frequent type, as ``T-<type>`` categories."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        words = [word for word, _ in sentence]
        for kind, first, last in sorted(entity_spans([tag for _, tag in sentence]), key=lambda s: s[1]):
            counts[" ".join(words[first : last + 1])][kind] += 1
    # Ties go to the alphabetically first type, so the table does not depend on set order.
    return [(name, f"T-{min(kinds, key=lambda k: (-kinds[k], k))}") for name, kinds in counts.items()]


def fold_chunks(
    sentences: Sequence[Sentence], folds: int = NAME_FOLDS, extra: Callable[[int], Gazetteer] | None = None
) -> Iterator[Chunk]:
    """Training chunks (chunked exactly as the runtime tagger chunks text), each with its gazetteer.

    The names of the training entities are a gazetteer at run time.  Seen from its own
    sentence that list would always be right, so each block of sentences is featurised
    with the names of the other blocks only (jackknifing): the tagger then learns how
    far the list is to be trusted on text it has not seen.  ``extra`` gives a fold's further
    names (an experiment's list, jackknifed the same way).
    """
    base = default_gazetteer()
    n = len(sentences)
    block = [i * folds // max(n, 1) for i in range(n)]
    for fold in range(folds):
        others = (s for s, b in zip(sentences, block, strict=True) if b != fold)
        gazetteer = base.merged(Gazetteer(entity_names(others)))
        if extra is not None:
            gazetteer = gazetteer.merged(extra(fold))
        for sentence, b in zip(sentences, block, strict=True):
            if b != fold:
                continue
            text, tokens, labels = token_labels(sentence)
            for start, end in chunks(text, tokens):
                yield Chunk(text, tokens[start:end], labels[start:end], gazetteer)


def examples(sentences: Sequence[Sentence], folds: int = NAME_FOLDS) -> list[Example]:
    """CRF training sequences: features and labels of every ``fold_chunks`` chunk."""
    return [(chunk_features(c.text, c.tokens, c.gazetteer), c.labels) for c in fold_chunks(sentences, folds)]


def save_model(sentences: Sequence[Sentence], out: Path, params: Params) -> None:
    """Train on ``sentences``; write the model and its names table (``names_path(out)``)."""
    _fit(examples(sentences), out, params)
    write_names(names_path(out), entity_names(sentences))


def _fit(data: list[Example], out: Path, params: Params) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in data:
        trainer.append(features, labels)
    trainer.set_params(
        {
            "c1": params.c1,
            "c2": params.c2,
            "max_iterations": params.max_iterations,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def _try(args: tuple[list[Sentence], list[Sentence], Params]) -> dict[str, Any]:
    train, dev, params = args
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dev.crfsuite"
        save_model(train, path, params)
        report = score_sentences(dev, NerTagger(path))
    return {"c1": params.c1, "c2": params.c2, **report}


def split_dev(sentences: list[Sentence], fraction: float = DEV_FRACTION) -> tuple[list[Sentence], list[Sentence]]:
    """Train and dev parts: the last ``fraction`` of the sentences is dev."""
    cut = len(sentences) - int(len(sentences) * fraction)
    return sentences[:cut], sentences[cut:]


def train_ner(
    data_dir: Path,
    out: Path,
    *,
    c1: float = C1,
    c2: float = C2,
    max_iterations: int = MAX_ITERATIONS,
    tune: bool = False,
    workers: int = 2,
) -> dict[str, Any]:
    """Train on ``data_dir/train.txt`` and write the model to ``out``; returns a summary.

    With ``tune`` the (c1, c2) grid is scored on the dev split first and the best pair
    is used; without it the pinned defaults are used, and the dev score is still
    reported.  The summary is also written next to the model (``ner.json``).
    """
    path = data_dir / "train.txt"
    if not path.is_file():
        raise ModelError(f"no training file {path}")
    started = time.perf_counter()
    sentences = read_conll(path)
    train, dev = split_dev(sentences)
    grid = list(product(GRID_C1, GRID_C2)) if tune else [(c1, c2)]
    jobs = [(train, dev, Params(a, b, max_iterations)) for a, b in grid]
    if len(jobs) > 1 and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            trials = list(pool.map(_try, jobs))
    else:
        trials = [_try(job) for job in jobs]
    best = max(trials, key=lambda trial: trial["micro"]["f1"])
    params = Params(best["c1"], best["c2"], max_iterations)
    save_model(sentences, out, params)
    summary = {
        "model": out.name,
        "bytes": out.stat().st_size,
        "sentences": {"train": len(train), "dev": len(dev), "final": len(sentences)},
        "params": {"c1": params.c1, "c2": params.c2, "max_iterations": max_iterations},
        "dev": {"micro": best["micro"], "per_type": best["per_type"]},
        "grid": [{"c1": t["c1"], "c2": t["c2"], "f1": t["micro"]["f1"]} for t in trials],
        "seconds": round(time.perf_counter() - started, 1),
    }
    out.with_suffix(".json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    return summary
