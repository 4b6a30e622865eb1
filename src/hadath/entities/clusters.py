"""Word clusters learned from a news corpus, used as NER features.

Names are rare words; a CRF trained on 125k words of ANERcorp has seen few of them.
Clusters carry what the unlabelled corpus knows about a word's company: stems that
occur after "الرئيس" or before "قال" fall together whatever their spelling.

The build (``build_clusters``) counts directed co-occurrences of clitic-stripped,
normalised stems with their neighbouring words (±2), reweights them by positive PMI,
reduces them with truncated SVD and cuts the embedding with k-means at several
granularities.  Only the resulting table word → cluster ids ships (``data/clusters.tsv.gz``).
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from hadath.errors import ModelError
from hadath.text import clitics, wordfreq
from hadath.text.normalise import normalise

TABLE = "clusters.tsv.gz"
GRANULARITIES = (64, 256, 1024)
VOCAB_SIZE = 100_000
CONTEXT_SIZE = 10_000
MIN_COUNT = 5
DIMENSIONS = 128
SEED = 0

# Words of the normalised text: Arabic letters, Latin words, digit runs.
_WORD_RE = re.compile(r"[\u0621-\u064a]+|[a-z]+|[0-9]+")
_NUMBER = "<num>"


@cache
def stem_of(word: str) -> str:
    """The clitic-stripped stem of a normalised Arabic word (the word itself otherwise)."""
    if not word or not ("\u0621" <= word[0] <= "\u064a"):
        return _NUMBER if word.isdigit() else word
    roles = clitics.split(word)
    used = sum(length for role, length in roles if role != "stem")
    return word[used:] or word


@cache
def _stem_counts() -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    # wordfreq has no public iterator yet; its table is a plain dict of normalised words.
    for word, n in wordfreq._table().items():
        counts[stem_of(word)] += n
    return dict(counts)


def stem_count(stem: str) -> int:
    """Corpus count of a stem, summed over its clitic variants in the word-frequency table."""
    return _stem_counts().get(stem, 0)


def clitic_signature(word: str) -> str:
    """Which proclitics a normalised word carries, e.g. 'conj+prep+article' or ''."""
    if not word or not ("\u0621" <= word[0] <= "\u064a"):
        return ""
    return "+".join(role for role, _ in clitics.split(word) if role != "stem")


# --- the shipped table ---------------------------------------------------------


def default_path() -> Path:
    return Path(str(resources.files("hadath.entities").joinpath("data", TABLE)))


@cache
def table() -> dict[str, tuple[int, ...]]:
    """word → cluster id at each granularity; empty if the table was never built."""
    path = default_path()
    if not path.is_file():
        return {}
    return read_table(path)


def read_table(path: Path) -> dict[str, tuple[int, ...]]:
    rows: dict[str, tuple[int, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            word, *ids = line.rstrip("\n").split("\t")
            rows[word] = tuple(int(i) for i in ids)
    return rows


def lookup(stem: str) -> tuple[int, ...] | None:
    return table().get(stem)


@cache
def levels() -> int:
    """How many granularities the shipped table has (0 if there is none)."""
    return len(next(iter(table().values()), ()))


# --- building ------------------------------------------------------------------


def iter_ant_texts(ant_path: Path) -> Iterator[str]:
    """Title and body of every article of a JSONL(.gz) corpus with ``title``/``text`` fields."""
    opener = gzip.open if ant_path.suffix == ".gz" else open
    try:
        with opener(ant_path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    yield f"{record.get('title') or ''}\n{record.get('text') or ''}"
    except (OSError, json.JSONDecodeError) as error:
        raise ModelError(f"cannot read corpus {ant_path}: {error}") from error


def _documents(texts: Iterable[str]) -> Iterator[list[str]]:
    for text in texts:
        yield _WORD_RE.findall(normalise(text))


def build_clusters(
    ant_path: Path,
    out_path: Path,
    *,
    vocab_size: int = VOCAB_SIZE,
    context_size: int = CONTEXT_SIZE,
    dimensions: int = DIMENSIONS,
    granularities: tuple[int, ...] = GRANULARITIES,
    seed: int = SEED,
    limit: int | None = None,
    min_count: int = MIN_COUNT,
) -> dict[str, object]:
    """Learn word clusters from the corpus at ``ant_path`` and write the table to ``out_path``.

    Deterministic for a given corpus and parameters.  ``limit`` caps the number of
    articles (for tests).  Returns a summary (vocabulary size, timings).
    """
    from sklearn.cluster import MiniBatchKMeans

    started = time.perf_counter()
    vocab, embedding = embed(
        ant_path,
        vocab_size=vocab_size,
        context_size=context_size,
        dimensions=dimensions,
        seed=seed,
        limit=limit,
        min_count=min_count,
    )
    embedded = time.perf_counter()
    labels = []
    for k in granularities:
        kmeans = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3, max_iter=200)
        labels.append(kmeans.fit_predict(embedding))
    clustered = time.perf_counter()

    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("wb") as file, gzip.GzipFile("", "wb", 9, file, mtime=0) as raw:
        raw.write(f"# word\t{chr(9).join(f'k{k}' for k in granularities)}\n".encode())
        for i, word in enumerate(vocab):
            ids = "\t".join(str(int(column[i])) for column in labels)
            raw.write(f"{word}\t{ids}\n".encode())
    table.cache_clear()
    return {
        "corpus": str(ant_path),
        "vocabulary": len(vocab),
        "granularities": list(granularities),
        "seconds": {"embed": round(embedded - started, 1), "kmeans": round(clustered - embedded, 1)},
        "bytes": out_path.stat().st_size,
    }


def embed(
    ant_path: Path,
    *,
    vocab_size: int = VOCAB_SIZE,
    context_size: int = CONTEXT_SIZE,
    dimensions: int = DIMENSIONS,
    seed: int = SEED,
    limit: int | None = None,
    min_count: int = MIN_COUNT,
) -> tuple[list[str], npt.NDArray[np.float64]]:
    """Stems of the corpus (most frequent first) and their unit-length PPMI-SVD vectors."""
    from scipy import sparse
    from sklearn.utils.extmath import randomized_svd

    docs = []
    for i, words in enumerate(_documents(iter_ant_texts(ant_path))):
        if limit is not None and i >= limit:
            break
        docs.append(words)
    if not docs:
        raise ModelError(f"no articles in {ant_path}")

    # Targets are stems; contexts are whole neighbouring words (their clitics are signal),
    # plus the target's own proclitics (a name rarely takes ال; a place often takes ب/في).
    word_counts: Counter[str] = Counter()
    for words in docs:
        word_counts.update(words)
    stem_counts: Counter[str] = Counter()
    for word, n in word_counts.items():
        stem_counts[stem_of(word)] += n
    vocab = [w for w, n in stem_counts.most_common(vocab_size) if n >= min_count]
    contexts = [w for w, _ in word_counts.most_common(context_size)]
    signatures = sorted({clitic_signature(w) for w in word_counts})
    target_id = {w: i for i, w in enumerate(vocab)}
    context_id = {w: i for i, w in enumerate(contexts)}
    signature_col = {s: 2 * len(contexts) + i for i, s in enumerate(signatures)}
    shape = (len(vocab), 2 * len(contexts) + len(signatures))

    matrix = sparse.csr_matrix(shape, dtype=np.float32)
    for batch_start in range(0, len(docs), 2000):
        batch = docs[batch_start : batch_start + 2000]
        matrix = matrix + _batch_counts(batch, target_id, context_id, signature_col, shape)
    ppmi = _ppmi(matrix)
    u, sigma, _ = randomized_svd(ppmi, n_components=dimensions, n_iter=5, random_state=seed)
    embedding: npt.NDArray[np.float64] = u * np.sqrt(sigma)
    embedding /= np.maximum(np.linalg.norm(embedding, axis=1, keepdims=True), 1e-9)
    return vocab, embedding


def _batch_counts(
    docs: list[list[str]],
    target_id: dict[str, int],
    context_id: dict[str, int],
    signature_col: dict[str, int],
    shape: tuple[int, int],
) -> object:
    """Weighted co-occurrence counts of one batch of documents as a sparse matrix."""
    n_contexts = len(context_id)
    t_ids: list[int] = []
    c_ids: list[int] = []
    sig_cols: list[int] = []
    for words in docs:
        t_ids.extend(target_id.get(stem_of(w), -1) for w in words)
        c_ids.extend(context_id.get(w, -1) for w in words)
        sig_cols.extend(signature_col[clitic_signature(w)] for w in words)
        t_ids.extend((-1, -1))  # two blanks: no window crosses an article boundary
        c_ids.extend((-1, -1))
        sig_cols.extend((0, 0))
    t = np.asarray(t_ids, dtype=np.int64)
    c = np.asarray(c_ids, dtype=np.int64)
    s = np.asarray(sig_cols, dtype=np.int64)
    ok = t >= 0
    rows = [t[ok]]
    cols = [s[ok]]
    vals = [np.ones(int(ok.sum()), dtype=np.float32)]
    for distance, weight in ((1, 1.0), (2, 0.5)):
        # Left and right contexts are separate columns: "قال X" is not "X قال".
        for targets, contexts, column_offset in (
            (t[:-distance], c[distance:], n_contexts),  # context to the right
            (t[distance:], c[:-distance], 0),  # context to the left
        ):
            ok = (targets >= 0) & (contexts >= 0)
            rows.append(targets[ok])
            cols.append(column_offset + contexts[ok])
            vals.append(np.full(int(ok.sum()), weight, dtype=np.float32))
    return _coo(rows, cols, vals, shape)


def _coo(
    rows: list[npt.NDArray[np.int64]],
    cols: list[npt.NDArray[np.int64]],
    vals: list[npt.NDArray[np.float32]],
    shape: tuple[int, int],
) -> object:
    from scipy import sparse

    if not rows:
        return sparse.csr_matrix(shape, dtype=np.float32)
    return sparse.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=shape).tocsr()


def _ppmi(matrix: object, alpha: float = 0.75) -> object:
    """Positive PMI with context-distribution smoothing (Levy, Goldberg & Dagan 2015)."""
    from scipy import sparse

    counts = sparse.csr_matrix(matrix, dtype=np.float64)
    total = counts.sum()
    row_sums = np.asarray(counts.sum(axis=1)).ravel()
    col_sums = np.power(np.asarray(counts.sum(axis=0)).ravel(), alpha)
    col_probs = col_sums / col_sums.sum()
    coo = counts.tocoo()
    pmi = np.log((coo.data / total) / ((row_sums[coo.row] / total) * col_probs[coo.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])), shape=counts.shape)
