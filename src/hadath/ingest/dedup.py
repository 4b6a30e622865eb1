"""Near-duplicate detection: MinHash over word shingles of the matching form, banded LSH.

Own MinHash (numpy, crc32 shingle hashes, fixed seed) rather than datasketch: the
signature must be identical in every worker process and across runs so that a
resumed ingest marks the same duplicates, and it must be cheap to store and band.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: candidates from about 0.5 Jaccard, verified below
ROWS = NUM_PERM // BANDS
SHINGLE = 4  # words
THRESHOLD = 0.8  # estimated Jaccard at which an article is a near-duplicate
_PRIME = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)

_rng = np.random.default_rng(20240607)
_A = _rng.integers(1, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)


def shingles(words: Sequence[str]) -> set[str]:
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(words: Sequence[str]) -> np.ndarray:
    """MinHash signature (uint32[NUM_PERM]) of the word shingles."""
    grams = shingles(words)
    if not grams:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    hashes = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))
    # (a*x + b) mod p, with x < 2^32 and a < 2^61: split a to stay inside uint64.
    a_hi, a_lo = _A >> np.uint64(32), _A & _MASK32
    x = hashes[:, None]
    product = ((a_hi * x % _PRIME) * np.uint64(1 << 32) % _PRIME + a_lo * x + _B) % _PRIME
    result: np.ndarray = (product.min(axis=0) & _MASK32).astype(np.uint32)
    return result


def bands(sig: np.ndarray) -> list[str]:
    """Band keys: a candidate pair shares at least one."""
    return [f"{b}:{zlib.crc32(sig[b * ROWS : (b + 1) * ROWS].tobytes()):08x}" for b in range(BANDS)]


def similarity(left: np.ndarray, right: np.ndarray) -> float:
    return float(np.mean(left == right))


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)
