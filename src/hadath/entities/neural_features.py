"""Token inputs of the neural tagger: integer ids and flags, as numpy arrays.

The network sees, for every token of a chunk: a trainable embedding of its stem (if
the stem was frequent in training), the frozen ANT vector of the stem, the stem's
characters (for names never seen anywhere), a few categorical facts (token kind,
proclitic signature, Latin shape, the three word-cluster ids, a corpus-frequency
bucket) and the gazetteer's B-/I- flags.  All of it is the same normalised,
clitic-split view the CRF uses (``features.info_of``), so both taggers read text the
same way.  Only the vocabularies (``Encoder.to_json``) travel with the model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from hadath.entities import clusters
from hadath.entities.features import _frequency_bucket, _shape
from hadath.entities.gazetteer import Gazetteer
from hadath.entities.vectors import Vectors
from hadath.model import Token

CHARS = 16  # characters kept of a stem: the first and last eight of longer ones
KINDS = ("word", "latin", "number", "punct", "hashtag", "symbol")
PAD, UNK = 0, 1
MIN_WORD_COUNT = 2
MIN_CHAR_COUNT = 2
FREQUENCY_BUCKETS = 18
_CACHE_LIMIT = 400_000

Ids = npt.NDArray[np.int64]


class TokenView(NamedTuple):
    kind: str
    stem: str
    signature: str
    shape: str


class Inputs(NamedTuple):
    """Network inputs of one chunk, or of a batch of chunks padded at the end (batch axis first)."""

    words: Ids  # [1, T]
    vectors: npt.NDArray[np.float32]  # [1, T, D]
    chars: Ids  # [1, T, CHARS]
    cats: Ids  # [1, T, 7]
    gazetteer: npt.NDArray[np.float32]  # [1, T, G]


def view(token: Token, text: str) -> TokenView:
    piece = token.stem
    stem = piece.norm if piece is not None and piece.norm else token.norm
    if token.kind == "number":
        stem = "<num>"
    signature = "+".join(p.role for p in token.pieces if p.role not in ("stem", "mark"))
    shape = _shape(text[token.start : token.end]) if token.kind == "latin" else ""
    return TokenView(token.kind, stem, signature, shape)


def _clip(stem: str) -> str:
    half = CHARS // 2
    return stem if len(stem) <= CHARS else stem[:half] + stem[-half:]


def _index(items: Iterable[str]) -> dict[str, int]:
    return {item: i + 2 for i, item in enumerate(items)}  # 0 pad, 1 unknown


class Encoder:
    """Vocabularies and the token → ids mapping (cached: words repeat)."""

    def __init__(self, spec: dict[str, Any], vectors: Vectors) -> None:
        self.spec = spec
        self.words = _index(spec["words"])
        self.chars = _index(spec["chars"])
        self.signatures = _index(spec["signatures"])
        self.shapes = _index(spec["shapes"])
        self.flags = {flag: i for i, flag in enumerate(spec["flags"])}
        self.vectors = vectors
        self._levels = clusters.levels()
        self._cache: dict[TokenView, tuple[int, int, tuple[int, ...], tuple[int, ...]]] = {}

    @classmethod
    def fit(cls, views: Iterable[TokenView], flags: Iterable[str], vectors: Vectors) -> Encoder:
        """Vocabularies from the training tokens; rare stems and characters stay unknown."""
        words: Counter[str] = Counter()
        chars: Counter[str] = Counter()
        signatures: set[str] = set()
        shapes: set[str] = set()
        for v in views:
            words[v.stem] += 1
            chars.update(_clip(v.stem))
            signatures.add(v.signature)
            shapes.add(v.shape)
        spec = {
            "words": sorted(w for w, n in words.items() if n >= MIN_WORD_COUNT),
            "chars": sorted(c for c, n in chars.items() if n >= MIN_CHAR_COUNT),
            "signatures": sorted(signatures),
            "shapes": sorted(shapes),
            "flags": sorted(set(flags)),
        }
        return cls(spec, vectors)

    def sizes(self) -> dict[str, int]:
        """Embedding table sizes the network needs (ids are < size)."""
        granularities = list(clusters.GRANULARITIES)[: self._levels] or [0]
        return {
            "words": len(self.words) + 2,
            "chars": len(self.chars) + 2,
            "kinds": len(KINDS) + 2,
            "signatures": len(self.signatures) + 2,
            "shapes": len(self.shapes) + 2,
            **{f"cluster{level}": g + 2 for level, g in enumerate(granularities)},
            "frequency": FREQUENCY_BUCKETS + 2,
            "flags": len(self.flags),
            "vectors": self.vectors.dimensions,
        }

    def _token(self, v: TokenView) -> tuple[int, int, tuple[int, ...], tuple[int, ...]]:
        found = self._cache.get(v)
        if found is not None:
            return found
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        chars = [self.chars.get(c, UNK) for c in _clip(v.stem)]
        ids = clusters.lookup(v.stem)
        cluster_ids = [i + 2 for i in ids] if ids else [UNK] * self._levels
        frequency = int(_frequency_bucket(clusters.stem_count(v.stem))) + 2 if v.kind == "word" else UNK
        cats = (
            KINDS.index(v.kind) + 2 if v.kind in KINDS else UNK,
            self.signatures.get(v.signature, UNK),
            self.shapes.get(v.shape, UNK),
            *cluster_ids,
            frequency,
        )
        found = (
            self.words.get(v.stem, UNK),
            int(self.vectors.ids([v.stem])[0]),
            tuple(chars + [PAD] * (CHARS - len(chars))),
            cats,
        )
        self._cache[v] = found
        return found

    def encode(self, text: str, tokens: Sequence[Token], gazetteer: Gazetteer) -> Inputs:
        views = [view(token, text) for token in tokens]
        rows = [self._token(v) for v in views]
        n = len(rows)
        gaz = np.zeros((1, n, max(len(self.flags), 1)), np.float32)
        for i, found in enumerate(gazetteer.flags([v.stem for v in views])):
            for flag in found:
                k = self.flags.get(flag)
                if k is not None:
                    gaz[0, i, k] = 1.0
        vector_ids = np.fromiter((r[1] for r in rows), np.int64, n)
        return Inputs(
            words=np.fromiter((r[0] for r in rows), np.int64, n).reshape(1, n),
            vectors=self.vectors.matrix[vector_ids].reshape(1, n, self.vectors.dimensions),
            chars=np.array([r[2] for r in rows], np.int64).reshape(1, n, CHARS),
            cats=np.array([r[3] for r in rows], np.int64).reshape(1, n, 4 + self._levels),
            gazetteer=gaz,
        )


def pad_batch(parts: Sequence[Inputs]) -> tuple[Inputs, npt.NDArray[np.int64]]:
    """Chunks stacked into one batch, padded with zeros at the end, and their lengths."""
    lengths = np.array([x.words.shape[1] for x in parts], np.int64)
    width = int(lengths.max()) if len(parts) else 0
    fields = []
    for k in range(len(Inputs._fields)):
        first = parts[0][k]
        padded = np.zeros((len(parts), width, *first.shape[2:]), first.dtype)
        for i, x in enumerate(parts):
            padded[i, : lengths[i]] = x[k][0]
        fields.append(padded)
    return Inputs(*fields), lengths


def reverse_index(lengths: npt.NDArray[np.int64], width: int) -> Ids:
    """Per row, the positions that reverse its first ``length`` items and leave the padding in place."""
    positions = np.arange(width)[None, :]
    flipped = lengths[:, None] - 1 - positions
    return np.where(flipped >= 0, flipped, positions).astype(np.int64)
