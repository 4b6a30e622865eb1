"""Cost of actor linking per article as the store grows (it must stay flat).

Ingests ANT articles batch by batch into a fresh store, with person names found by the
evaluation's tagger stand-in (hadath.actors.evaluate.context_names), and prints the
linking time per article for each batch.  Usage:

    python benchmarks/actors_link.py [ARTICLES] [BATCH]
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

from hadath.actors.evaluate import DEFAULT_CORPUS, context_names
from hadath.ingest import dedup
from hadath.ingest.ids import content_hash
from hadath.link.actors import link_actors
from hadath.model import Article, DateValue
from hadath.store.base import Processed
from hadath.store.sqlite import SQLiteStore
from hadath.text.segment import match_forms


def processed(record: dict[str, str]) -> Processed:
    text = record["text"]
    forms = match_forms(text)
    signature = dedup.signature(forms)
    article = Article(record["id"], text, published=DateValue(record["published"][:10], "metadata"))
    return Processed(article, content_hash(text), dedup.to_bytes(signature), tuple(dedup.bands(signature)), "",
                     " ".join(forms), mentions=tuple(context_names(text)))


def main(limit: int = 3000, size: int = 250) -> None:
    records = []
    with gzip.open(DEFAULT_CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["category"] in ("middleEast", "internationalNews"):
                records.append(record)
            if len(records) >= limit:
                break
    print("| batch | articles stored | mentions in batch | actors | link ms/article |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        store = SQLiteStore(Path(folder) / "bench.db")
        for number, start in enumerate(range(0, len(records), size), 1):
            batch = [processed(r) for r in records[start : start + size]]
            store.write_batch(batch)
            began = time.perf_counter()
            link_actors(store, batch)
            elapsed = time.perf_counter() - began
            actors = store.db.execute("SELECT count(*) FROM actors").fetchone()[0]
            mentions = sum(len(p.mentions) for p in batch)
            print(f"| {number} | {start + len(batch)} | {mentions} | {actors} | {1000 * elapsed / len(batch):.2f} |")
        store.close()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
