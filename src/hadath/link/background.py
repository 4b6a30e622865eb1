"""Background document frequencies: an IDF prior for stores that are still young.

IDF from the store alone is noise while the store holds a few hundred articles (every
word of the first big story looks rare, or common).  The shipped table
(``data/term_df.tsv.gz``) holds how many articles of a reference corpus used each link
term; weighing blends it in as ``PRIOR_DOCS`` imaginary articles, whose influence
fades as the store grows.  It was built by ``build_background`` from a store holding
the ANT corpus (counts of folded stems only, no text); a missing table means no prior.
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from hadath.store.episode_tables import SQLiteEpisodeTables

TABLE = "term_df.tsv.gz"
MIN_DF = 3  # rarer terms are left out: the prior treats them as unseen, which they nearly are


@dataclass(frozen=True)
class Background:
    docs: int
    df: Mapping[str, int] = field(repr=False)

    def share(self, term: str) -> float:
        """Share of the reference corpus's articles using ``term``."""
        return self.df.get(term, 0) / self.docs if self.docs else 0.0


def read_background(path: Path) -> Background:
    df: dict[str, int] = {}
    docs = 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            term, _, count = line.rstrip("\n").partition("\t")
            if term == "#docs":
                docs = int(count)
            elif term:
                df[term] = int(count)
    return Background(docs, df)


@cache
def default_background() -> Background | None:
    path = resources.files("hadath.link").joinpath("data", TABLE)
    if not path.is_file():
        return None
    return read_background(Path(str(path)))


def build_background(store: SQLiteEpisodeTables, out: Path, min_df: int = MIN_DF) -> int:
    """Write the store's link-term document frequencies as a background table; returns its size."""
    docs = store.linked_count()
    rows = store.frequent_terms(min_df)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = f"#docs\t{docs}\n" + "".join(f"{term}\t{df}\n" for term, df in rows)
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))  # mtime 0: the same store gives the same bytes
    return len(rows)
