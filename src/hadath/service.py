"""What the CLI, the API and the web pages call: one facade over ingest, store and export."""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hadath.errors import HadathError
from hadath.ingest import dedup
from hadath.ingest.files import iter_records
from hadath.ingest.prepare import prepare
from hadath.ingest.records import Problem
from hadath.link import link_batch
from hadath.model import UNKNOWN_DATE, Analysis, Article, DateValue
from hadath.pipeline import analyze
from hadath.store import Processed, SearchHit, Store, StoredArticle, open_store
from hadath.text.segment import match_forms
from hadath.workers import LocalPool

DEFAULT_DB = "hadath.db"
BATCH_SIZE = 256


@dataclass
class IngestReport:
    ingested: int = 0
    unchanged: int = 0  # already in the store (same id)
    duplicates: int = 0  # exact duplicates of a stored article, skipped
    near_duplicates: int = 0  # stored and marked duplicate_of
    failed: list[Problem] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.ingested + self.unchanged + self.duplicates + len(self.failed)

    def to_json(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested, "unchanged": self.unchanged, "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates, "failed": [str(p) for p in self.failed],
        }


def safe_prepare(article: Article, stages: Sequence[str] | None = None) -> Processed | Problem:
    """``prepare`` that turns a failure on one article into a Problem naming it."""
    try:
        return prepare(article, stages)
    except HadathError as error:
        return Problem(article.source or article.id, f"article {article.id}: {error}")
    except Exception as error:  # a bug on one article must not stop the batch; it is reported
        return Problem(article.source or article.id, f"article {article.id}: analysis failed ({error!r})")


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    *,
    published: DateValue = UNKNOWN_DATE,
    outlet: str | None = None,
    workers: int | None = None,
    stages: Sequence[str] | None = None,
    batch_size: int = BATCH_SIZE,
    on_batch: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read, analyse and store every article under ``paths``; one transaction per batch.

    Idempotent: articles already stored (by id) are skipped, so a re-run after a crash
    finishes the job and leaves the store as an uninterrupted run would.
    """
    report = IngestReport()
    records = iter_records(paths, published=published, outlet=outlet)
    work = functools.partial(safe_prepare, stages=stages)
    with open_store(db) as store, LocalPool(work, workers) as pool:
        for chunk in _batched(records, batch_size):
            articles = _new_articles(store, chunk, report)
            results = pool.map(articles)
            batch = _deduplicate(store, results, report)
            store.write_batch(batch)
            link_batch(store, batch)
            report.ingested += len(batch)
            if on_batch:
                on_batch(report)
    return report


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _new_articles(store: Store, chunk: list[Article | Problem], report: IngestReport) -> list[Article]:
    articles: list[Article] = []
    for record in chunk:
        if isinstance(record, Problem):
            report.failed.append(record)
        else:
            articles.append(record)
    known = store.known_ids([a.id for a in articles])
    fresh: list[Article] = []
    for article in articles:
        if article.id in known:
            report.unchanged += 1
        else:
            known.add(article.id)
            fresh.append(article)
    return fresh


def _deduplicate(store: Store, results: list[Processed | Problem], report: IngestReport) -> list[Processed]:
    processed = [r for r in results if isinstance(r, Processed)]
    report.failed.extend(r for r in results if isinstance(r, Problem))
    stored_hashes = store.ids_by_hash([p.content_hash for p in processed])
    batch: list[Processed] = []
    pending_hashes: set[str] = set()
    pending_bands: dict[str, list[tuple[str, bytes]]] = {}
    for item in processed:
        if item.content_hash in stored_hashes or item.content_hash in pending_hashes:
            report.duplicates += 1
            continue
        candidates = store.band_candidates(item.bands)
        for band in item.bands:
            candidates.extend(pending_bands.get(band, ()))
        original = _near_original(item, candidates)
        if original:
            report.near_duplicates += 1
            item = Processed(**{**_fields(item), "duplicate_of": original})
        else:
            for band in item.bands:
                pending_bands.setdefault(band, []).append((item.article.id, item.signature))
        pending_hashes.add(item.content_hash)
        batch.append(item)
    return batch


def _near_original(item: Processed, candidates: list[tuple[str, bytes]]) -> str | None:
    """The earliest-ingested original the item nearly duplicates, if any."""
    signature = dedup.from_bytes(item.signature)
    best: tuple[float, str] | None = None
    for candidate_id, blob in candidates:
        score = dedup.similarity(signature, dedup.from_bytes(blob))
        if score >= dedup.THRESHOLD and (best is None or score > best[0]):
            best = (score, candidate_id)
    return best[1] if best else None


def _fields(item: Processed) -> dict[str, Any]:
    return {name: getattr(item, name) for name in item.__slots__}


# --- reading -------------------------------------------------------------------


def search(query: str, db: str | Path = DEFAULT_DB, limit: int = 20) -> list[SearchHit]:
    """Articles matching ``query`` whatever its alef forms, clitics or diacritics."""
    stripped = query.strip()
    phrase = len(stripped) > 1 and stripped[0] == stripped[-1] == '"'
    forms = match_forms(stripped.strip('"'))
    with open_store(db, readonly=True) as store:
        return store.search(forms, phrase, limit)


def show(article_id: str, db: str | Path = DEFAULT_DB) -> StoredArticle | None:
    with open_store(db, readonly=True) as store:
        return store.get(article_id)


def counts(db: str | Path = DEFAULT_DB) -> dict[str, Any]:
    with open_store(db, readonly=True) as store:
        return store.counts()


def analyze_articles(articles: Iterable[Article], stages: Sequence[str] | None = None) -> Iterator[Analysis]:
    for article in articles:
        yield analyze(article, stages)


def analysis_json(analysis: Analysis) -> dict[str, Any]:
    from hadath.export import event_mention_json, mention_json, timex_json

    article = analysis.article
    return {
        "id": article.id,
        "published": analysis.published.to_json(),
        "mentions": [mention_json(article, m) for m in analysis.mentions],
        "timexes": [timex_json(article, t) for t in analysis.timexes],
        "event_mentions": [event_mention_json(article, e) for e in analysis.event_mentions],
    }


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)
