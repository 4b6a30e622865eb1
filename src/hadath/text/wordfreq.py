"""Counts of normalised word forms, built by ``hadath build wordfreq`` from a corpus.

The shipped table (``data/wordfreq.tsv.gz``) was produced by that command from the
ANT corpus; the clitic splitter uses it to tell ولافروف (و + لافروف) from وزير.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from hadath.text.normalise import normalise

TABLE = "wordfreq.tsv.gz"


@cache
def _table() -> dict[str, int]:
    path = resources.files("hadath.text").joinpath("data", TABLE)
    if not path.is_file():
        return {}
    counts: dict[str, int] = {}
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        for line in handle:
            word, _, count = line.rstrip("\n").partition("\t")
            counts[word] = int(count)
    return counts


def count(form: str) -> int:
    return _table().get(form, 0)


def build(texts: Iterable[str], out: Path, min_count: int = 3, limit: int = 200_000) -> int:
    """Count normalised whitespace words of ``texts`` and write the table; returns its size."""
    counter: Counter[str] = Counter()
    for text in texts:
        counter.update(w for w in normalise(text).split() if w.isalpha())
    rows = [(w, n) for w, n in counter.most_common(limit) if n >= min_count]
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as handle:
        for word, n in rows:
            handle.write(f"{word}\t{n}\n")
    return len(rows)
