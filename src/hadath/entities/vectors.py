"""Word vectors for the neural tagger, learned from a news corpus by our own build.

ANERcorp's 125k words name few of the people and organisations in today's news; a
vector learned from millions of unlabelled words tells the tagger that an unseen stem
keeps company with known names.  The build (``build_vectors``) runs skip-gram
word2vec (gensim, a training-time tool) over the same clitic-stripped, normalised
stems the tagger sees, keeps the most frequent ``vocab_size`` of them and ships only
the table: int8 rows with one scale each (``data/ner.vectors.npz``, a few MB).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from hadath.entities.clusters import _documents, iter_ant_texts, stem_of
from hadath.errors import ModelError

TABLE = "ner.vectors.npz"
DIMENSIONS = 64
VOCAB_SIZE = 50_000
MIN_COUNT = 5
EPOCHS = 5
WINDOW = 5
SEED = 0

Matrix = npt.NDArray[np.float32]


def default_path() -> Path:
    return Path(str(resources.files("hadath.entities").joinpath("data", TABLE)))


def _stable_hash(word: str) -> int:
    # gensim seeds each word's initial vector with hash(word); Python's str hash is
    # salted per process, which would make the build irreproducible.
    import zlib

    return zlib.crc32(word.encode("utf-8"))


def corpus_stems(ant_path: Path, limit: int | None = None) -> list[list[str]]:
    """Every article of the corpus as its list of stems (numbers fold to ``<num>``)."""
    texts = islice(iter_ant_texts(ant_path), limit)
    return [[stem_of(word) for word in words] for words in _documents(texts)]


def build_vectors(
    ant_path: Path,
    out_path: Path,
    *,
    dimensions: int = DIMENSIONS,
    vocab_size: int = VOCAB_SIZE,
    min_count: int = MIN_COUNT,
    epochs: int = EPOCHS,
    seed: int = SEED,
    limit: int | None = None,
    workers: int = 1,
) -> dict[str, Any]:
    """Train stem vectors on the corpus at ``ant_path`` and write the quantised table.

    One worker thread (the default) makes the build reproducible bit for bit; more
    are faster but gensim then interleaves updates by timing.
    """
    try:
        from gensim.models import Word2Vec
    except ImportError as error:
        raise ModelError("building word vectors needs gensim: pip install 'hadath[train]'") from error
    started = time.perf_counter()
    documents = corpus_stems(ant_path, limit)
    read = time.perf_counter()
    hashfxn: Callable[[str], int] = _stable_hash
    model = Word2Vec(
        sentences=documents,
        vector_size=dimensions,
        window=WINDOW,
        min_count=min_count,
        sg=1,
        negative=5,
        sample=1e-4,
        epochs=epochs,
        seed=seed,
        workers=workers,
        hashfxn=hashfxn,
        max_final_vocab=vocab_size,
    )
    words = list(model.wv.index_to_key[:vocab_size])
    matrix = np.stack([model.wv[word] for word in words]).astype(np.float32)
    write_table(out_path, words, matrix)
    return {
        "table": out_path.name,
        "bytes": out_path.stat().st_size,
        "words": len(words),
        "dimensions": dimensions,
        "articles": len(documents),
        "tokens": sum(len(d) for d in documents),
        "seconds": {"read": round(read - started, 1), "train": round(time.perf_counter() - read, 1)},
    }


def write_table(path: Path, words: list[str], matrix: Matrix) -> None:
    """Rows scaled to int8 (one float scale a row): a quarter of the float32 size."""
    scale = np.abs(matrix).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    quantised = np.round(matrix / scale[:, None]).astype(np.int8)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        np.savez_compressed(handle, words="\n".join(words), matrix=quantised, scale=scale.astype(np.float32))


class Vectors:
    """stem → row; row 0 is the zero vector of unknown stems."""

    def __init__(self, words: list[str], matrix: Matrix) -> None:
        self.index = {word: i + 1 for i, word in enumerate(words)}
        self.matrix = np.vstack([np.zeros((1, matrix.shape[1]), np.float32), matrix]).astype(np.float32)

    @property
    def dimensions(self) -> int:
        return int(self.matrix.shape[1])

    def ids(self, stems: list[str]) -> npt.NDArray[np.int64]:
        get = self.index.get
        return np.fromiter((get(stem, 0) for stem in stems), np.int64, len(stems))


def read_table(path: Path) -> Vectors:
    try:
        with np.load(path) as data:
            words = str(data["words"]).split("\n")
            matrix = data["matrix"].astype(np.float32) * data["scale"][:, None]
    except (OSError, KeyError, ValueError) as error:
        raise ModelError(f"cannot read word vectors {path}: {error}") from error
    return Vectors(words, matrix)


def load_vectors(path: Path | None = None) -> Vectors:
    """The vector table (default: the shipped one), read once per process.

    The NER model and the event detector ask for the same file; one cache keyed by the
    resolved path gives them one table.
    """
    return _load(path.resolve() if path is not None else _default_resolved())


@cache
def _default_resolved() -> Path:
    return default_path().resolve()


@cache
def _load(path: Path) -> Vectors:
    return read_table(path)
