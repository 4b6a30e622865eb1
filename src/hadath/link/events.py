"""The events linker: event mentions of many articles become deduplicated events.

Runs after the actors linker, so the source, target and place spans of each new event
mention are resolved to actor ids through the entity mentions they cover.  Each
mention then joins a stored event of the same type with compatible date, shared
actors and no clashing place (``events.dedup.compatible``), or starts one; every
mention is kept as evidence and the event takes its best-dated mention's date.

Candidates come only from the ``event_index`` (type × actor blocks, calendar keys),
capped, so the cost per mention does not grow with the corpus.  Mentions that did
not happen (negated, future, hypothetical) are grouped apart from those that did: a
planned visit and the visit are two records, and only the second is counted.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hadath.errors import StoreError
from hadath.events.dedup import (
    DedupItem,
    EventGroup,
    compatible,
    date_rank,
    dates_compatible,
    index_keys,
    lookup_keys,
)
from hadath.link import linker
from hadath.model import Span
from hadath.store.base import Processed, Store
from hadath.store.event_tables import EventRow, SQLiteEventTables, StoredEventMention

PER_KEY = 20  # newest events read per (type × actor, calendar key): enough for a day, bounded for a month
REBUILD_ARTICLES = 512  # articles linked per transaction by a rebuild, as ingest batches them


@dataclass
class EventLinkStats:
    articles: int = 0
    mentions: int = 0
    events_created: int = 0
    merged: int = 0  # mentions that joined an existing event
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"articles": self.articles, "mentions": self.mentions, "events_created": self.events_created,
                "merged": self.merged, "seconds": round(self.seconds, 2), **self.extra}


def event_store(store: Store) -> SQLiteEventTables:
    if not isinstance(store, SQLiteEventTables):
        raise StoreError(f"{store.location}: this store cannot hold events")
    return store


@linker("events")
def link_events(store: Store, batch: Sequence[Processed]) -> None:
    if not any(item.event_mentions for item in batch):
        return
    tables = event_store(store)
    ids = [item.article.id for item in batch if item.event_mentions]
    with tables.event_transaction():
        link_articles(tables, list(tables.article_rowids(ids).values()))


def link_articles(tables: SQLiteEventTables, article_rowids: Sequence[int]) -> EventLinkStats:
    """Link the not yet linked event mentions of these (stored) articles, inside the caller's transaction."""
    stats = EventLinkStats()
    pending = tables.unlinked_event_mentions(article_rowids)
    if not pending:
        return stats
    resolved = tables.resolved_mentions(sorted({m.article for m in pending}))
    items = [(stored, dedup_item(stored, resolved.get(stored.article, ()))) for stored in pending]
    # Mentions naming actors seed events, best-dated first; the bare ones ("the visit") follow.
    items.sort(key=lambda pair: (bool(pair[1].actors), date_rank(pair[1].date)), reverse=True)
    links = []
    in_article: dict[tuple[str, str, bool], list[int]] = {}
    for stored, item in items:
        local = in_article.setdefault((item.article, item.mention.type, item.mention.happened), [])
        event, merged = _place(tables, item, local)
        if event not in local:
            local.append(event)
        links.append((event, stored.rowid))
        stats.mentions += 1
        stats.merged += merged
        stats.events_created += not merged
    tables.set_mention_events(links)
    return stats


def relink_events(store: Store, on_batch: Callable[[EventLinkStats], None] | None = None) -> dict[str, Any]:
    """Forget every event and link all stored event mentions again, in store order, as ingest would."""
    tables = event_store(store)
    started = time.perf_counter()
    total = EventLinkStats()
    with tables.event_transaction():
        tables.forget_events()
    rowids = [r[0] for r in tables.db.execute("SELECT rowid FROM articles ORDER BY rowid")]
    for i in range(0, len(rowids), REBUILD_ARTICLES):
        with tables.event_transaction():
            stats = link_articles(tables, rowids[i : i + REBUILD_ARTICLES])
        total.articles += len(rowids[i : i + REBUILD_ARTICLES])
        total.mentions += stats.mentions
        total.merged += stats.merged
        total.events_created += stats.events_created
        if on_batch:
            on_batch(total)
    total.seconds = time.perf_counter() - started
    return total.to_json()


def dedup_item(stored: StoredEventMention, resolved: Sequence[tuple[int, int, str]]) -> DedupItem:
    """The mention with its spans resolved to actor ids (the entity mentions each span covers)."""
    mention = stored.mention

    def actors(spans: Sequence[Span]) -> frozenset[str]:
        return frozenset(actor for span in spans for start, end, actor in resolved
                         if start < span.end and span.start < end)

    sources = actors(mention.sources)
    targets = actors(mention.targets) - sources  # X met X: one actor, not a meeting with oneself
    places = actors([mention.place]) if mention.place is not None else frozenset()
    place = min(places) if places else None
    return DedupItem(str(stored.article), mention, sources, targets, place, mention.date)


def _block(item: DedupItem, actor: str) -> str:
    # Reports of what did not happen are grouped apart: "~" marks their blocks.
    return f"{item.mention.type}{'' if item.mention.happened else '~'}|{actor}"


def _place(tables: SQLiteEventTables, item: DedupItem, local: Sequence[int]) -> tuple[int, bool]:
    """The event ``item`` joins (or a new one), and whether it joined an existing event.

    ``local`` holds the events this article's mentions of the same type already went
    to: a mention naming no actor ("the talks", "the visit") is the article's own
    report of one of them when the dates agree, and of nothing else.
    """
    if item.date.value is not None and not item.actors:
        for row in tables.events_by_rowids(local).values():
            if dates_compatible(row.date.value, item.date.value) and not (item.place and row.place != item.place):
                _join(tables, row, _group(row), item)
                return row.rowid, True
    if item.date.value is not None and item.actors:
        blocks = [_block(item, actor) for actor in sorted(item.actors)]
        keys = [f"{kind}:{value}" for kind, value in lookup_keys(item.date.value)]
        candidates = tables.events_by_rowids(tables.events_in_blocks(blocks, keys, PER_KEY))
        ranked = sorted(candidates.values(), key=lambda row: (-len(item.actors & _actors(row)), row.rowid))
        for row in ranked:
            group = _group(row)
            if row.happened == item.mention.happened and compatible(group, item):
                _join(tables, row, group, item)
                return row.rowid, True
    group = EventGroup(item.mention.type, item.date)
    group.add(item)
    row = _row(0, group, item.mention.mode, item.mention.happened, 1)
    event = tables.insert_event(row)
    _file(tables, event, group, item, group.actors)
    return event, False


def _join(tables: SQLiteEventTables, row: EventRow, group: EventGroup, item: DedupItem) -> None:
    before_date, before_actors = group.date.value, set(group.actors)
    group.add(item)
    tables.update_event(_row(row.rowid, group, row.mode or item.mention.mode, row.happened, row.mentions + 1))
    redated = group.date.value != before_date
    _file(tables, row.rowid, group, item, group.actors if redated else group.actors - before_actors)


def _file(tables: SQLiteEventTables, event: int, group: EventGroup, item: DedupItem, actors: set[str]) -> None:
    """Index the event under ``actors`` at its date, and record who took part."""
    if group.date.value is not None and actors:
        tables.index_event(event, [_block(item, a) for a in sorted(actors)],
                           [f"{kind}:{value}" for kind, value in index_keys(group.date.value)])
    roles = [(a, "source") for a in sorted(group.sources)] + [(a, "target") for a in sorted(group.targets)]
    if group.place:
        roles.append((group.place, "place"))
    tables.set_event_actors(event, roles)


def _actors(row: EventRow) -> set[str]:
    return set(row.sources) | set(row.targets)


def _group(row: EventRow) -> EventGroup:
    return EventGroup(row.type, row.date, [], set(row.sources), set(row.targets), row.place)


def _row(rowid: int, group: EventGroup, mode: str | None, happened: bool, mentions: int) -> EventRow:
    return EventRow(rowid, group.type, mode, happened, group.date, tuple(sorted(group.sources)),
                    tuple(sorted(group.targets)), group.place, mentions)
