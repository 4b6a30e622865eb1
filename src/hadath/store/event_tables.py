"""Event tables of the SQLite store (migration 0006_events); mixed into SQLiteStore.

``event_mentions`` holds each article's reports of actions as analysis found them
(spans, date, flags), written with the article; ``events`` the deduplicated actions
the events linker makes of them, each mention pointing to its event.  ``event_index``
files an event under (type, actor) blocks and calendar keys, the only way the linker
finds candidates, so linking costs the same however large the store is;
``event_actors`` answers "events of this actor" for the CLI and export.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from hadath.model import DateValue, EventMention, Span
from hadath.store.sql import SQLiteTables, in_query, transaction

FLAGS = ("negated", "future", "hypothetical", "reported")


@dataclass(frozen=True, slots=True)
class StoredEventMention:
    """One event mention as stored, with its article and the event it was linked to."""

    rowid: int
    article: int  # article rowid
    mention: EventMention
    event: int | None


@dataclass(frozen=True, slots=True)
class EventRow:
    rowid: int
    type: str
    mode: str | None
    happened: bool
    date: DateValue
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    place: str | None
    mentions: int


def encode_spans(spans: Iterable[Span]) -> str:
    return " ".join(f"{s.start}:{s.end}" for s in spans)


def decode_spans(raw: str | None) -> tuple[Span, ...]:
    if not raw:
        return ()
    return tuple(Span(int(a), int(b)) for a, b in (part.split(":") for part in raw.split()))


def event_mention_row(article: int, event: EventMention) -> tuple[Any, ...]:
    """The ``event_mentions`` columns (article … score) of one analysed mention."""
    flags = ",".join(f for f in FLAGS if getattr(event, f))
    place = encode_spans([event.place]) if event.place is not None else None
    return (article, event.type, event.mode, event.trigger.start, event.trigger.end, event.sentence.start,
            event.sentence.end, encode_spans(event.sources), encode_spans(event.targets), place,
            event.date.value, event.date.basis, flags, event.score)


INSERT_EVENT_MENTION = (
    "INSERT INTO event_mentions (article, type, mode, trigger_start, trigger_end, sentence_start, sentence_end,"
    " sources, targets, place, date_value, date_basis, flags, score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_MENTION_COLUMNS = ("rowid, article, type, mode, trigger_start, trigger_end, sentence_start, sentence_end, sources,"
                    " targets, place, date_value, date_basis, flags, score, event")
_EVENT_COLUMNS = "rowid, type, mode, happened, date_value, date_basis, sources, targets, place, mentions"


def _mention(row: tuple[Any, ...]) -> StoredEventMention:
    (rowid, article, kind, mode, t0, t1, s0, s1, sources, targets, place, value, basis, flags, score, event) = row
    places = decode_spans(place)
    marks = set(flags.split(",")) if flags else set()
    mention = EventMention(
        kind, mode, Span(t0, t1), Span(s0, s1), decode_spans(sources), decode_spans(targets),
        places[0] if places else None, DateValue(value, basis), negated="negated" in marks,
        future="future" in marks, hypothetical="hypothetical" in marks, reported="reported" in marks, score=score,
    )
    return StoredEventMention(rowid, article, mention, event)


def _event(row: tuple[Any, ...]) -> EventRow:
    rowid, kind, mode, happened, value, basis, sources, targets, place, mentions = row
    return EventRow(rowid, kind, mode, bool(happened), DateValue(value, basis), tuple(sources.split()),
                    tuple(targets.split()), place, mentions)


class SQLiteEventTables(SQLiteTables):
    """Methods reading and writing event mentions, events and their index."""

    db: sqlite3.Connection

    @contextmanager
    def event_transaction(self) -> Iterator[None]:
        """One write transaction for a linked batch: all of it or nothing."""
        with transaction(self.db, "link events"):
            yield

    # --- the linker's reads and writes ------------------------------------------

    def unlinked_event_mentions(self, article_rowids: Sequence[int]) -> list[StoredEventMention]:
        rows = in_query(self.db, f"SELECT {_MENTION_COLUMNS} FROM event_mentions"
                                 " WHERE event IS NULL AND article IN ({}) ORDER BY rowid", article_rowids)
        return [_mention(r) for r in rows]

    def resolved_mentions(self, article_rowids: Sequence[int]) -> dict[int, list[tuple[int, int, str]]]:
        """(start, end, actor id) of each article's entity mentions that linking resolved."""
        rows = in_query(self.db, 'SELECT article, start, "end", actor FROM mentions'
                                 " WHERE actor IS NOT NULL AND article IN ({})", article_rowids)
        found: dict[int, list[tuple[int, int, str]]] = {}
        for article, start, end, actor in rows:
            found.setdefault(article, []).append((start, end, actor))
        return found

    def events_in_blocks(self, blocks: Sequence[str], keys: Sequence[str], per_key: int) -> list[int]:
        """Event rowids filed under ``blocks`` × ``keys``: the ``per_key`` newest of each pair.

        One indexed range read (newest first) per pair, so the cost stays the same when a
        busy actor (a country, a capital) has thousands of events filed under one month.
        """
        found: dict[int, None] = {}
        for block in blocks:
            for key in keys:
                rows = self.db.execute("SELECT event FROM event_index WHERE block = ? AND key = ?"
                                       " ORDER BY event DESC LIMIT ?", (block, key, per_key))
                found.update((r[0], None) for r in rows)
        return list(found)

    def events_by_rowids(self, rowids: Sequence[int]) -> dict[int, EventRow]:
        rows = in_query(self.db, f"SELECT {_EVENT_COLUMNS} FROM events WHERE rowid IN ({{}})", rowids)
        return {r[0]: _event(r) for r in rows}

    def insert_event(self, row: EventRow) -> int:
        cursor = self.db.execute(
            "INSERT INTO events (type, mode, happened, date_value, date_basis, sources, targets, place, mentions)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (row.type, row.mode, int(row.happened), row.date.value, row.date.basis, " ".join(row.sources),
             " ".join(row.targets), row.place, row.mentions),
        )
        return int(cursor.lastrowid or 0)

    def update_event(self, row: EventRow) -> None:
        self.db.execute(
            "UPDATE events SET mode = ?, date_value = ?, date_basis = ?, sources = ?, targets = ?, place = ?,"
            " mentions = ? WHERE rowid = ?",
            (row.mode, row.date.value, row.date.basis, " ".join(row.sources), " ".join(row.targets), row.place,
             row.mentions, row.rowid),
        )

    def index_event(self, event: int, blocks: Iterable[str], keys: Iterable[str]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO event_index VALUES (?,?,?)",
                            [(b, k, event) for b in blocks for k in keys])

    def set_event_actors(self, event: int, roles: Iterable[tuple[str, str]]) -> None:
        """(actor id, role) of an event: its rows are replaced."""
        self.db.execute("DELETE FROM event_actors WHERE event = ?", (event,))
        self.db.executemany("INSERT OR IGNORE INTO event_actors VALUES (?,?,?)",
                            [(actor, event, role) for actor, role in roles])

    def set_mention_events(self, links: Iterable[tuple[int, int]]) -> None:
        """(event, event-mention rowid) pairs."""
        self.db.executemany("UPDATE event_mentions SET event = ? WHERE rowid = ?", list(links))

    def forget_events(self) -> None:
        """Unlink every mention and drop every event (inside the caller's transaction)."""
        for statement in ("UPDATE event_mentions SET event = NULL", "DELETE FROM event_actors",
                          "DELETE FROM event_index", "DELETE FROM events"):
            self.db.execute(statement)

    # --- reading back ---------------------------------------------------------------

    def article_events(self, article_rowids: Sequence[int], firm_only: bool = False) -> dict[int, list[str]]:
        """Event ids (``ev-<n>``) by article rowid, each once, in the order first reported.

        ``firm_only`` keeps the events that happened, have a source and a target, and a
        date read in the text: the ones episode linking may trust.
        """
        firm = (" AND event IN (SELECT rowid FROM events WHERE happened = 1 AND sources != '' AND targets != ''"
                " AND date_basis = 'text')") if firm_only else ""
        rows = in_query(self.db, "SELECT article, event FROM event_mentions WHERE event IS NOT NULL"
                                 f" AND article IN ({{}}){firm} ORDER BY rowid", article_rowids)
        found: dict[int, dict[str, None]] = {}
        for article, event in rows:
            found.setdefault(article, {})[f"ev-{event}"] = None
        return {a: list(e) for a, e in found.items()}

    def article_event_mentions(self, article_rowid: int) -> list[StoredEventMention]:
        rows = self.db.execute(f"SELECT {_MENTION_COLUMNS} FROM event_mentions WHERE article = ? ORDER BY rowid",
                               (article_rowid,))
        return [_mention(r) for r in rows]

    def find_events(self, types: Sequence[str] = (), actors: Sequence[str] = (), since: str | None = None,
                    until: str | None = None, happened_only: bool = True) -> list[EventRow]:
        """Events matching every filter given; a date range keeps events whose date overlaps it."""
        where: list[str] = []
        args: list[str] = []
        if types:
            where.append(f"type IN ({','.join('?' * len(types))})")
            args.extend(types)
        if actors:
            where.append(f"rowid IN (SELECT event FROM event_actors WHERE actor IN ({','.join('?' * len(actors))}))")
            args.extend(actors)
        if since:  # the event's last possible day is on or after ``since``
            where.append("date_value IS NOT NULL AND date_value || '-99' >= ?")
            args.append(since)
        if until:  # ... and its first possible day on or before ``until``
            where.append("date_value IS NOT NULL AND substr(date_value || '-00-00', 1, 10) <= ?")
            args.append(until)
        if happened_only:
            where.append("happened = 1")
        sql = f"SELECT {_EVENT_COLUMNS} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date_value IS NULL, date_value, rowid"
        return [_event(r) for r in self.db.execute(sql, args)]

    def event_evidence(self, events: Sequence[int]) -> dict[int, list[tuple[str, StoredEventMention, str]]]:
        """(article id, mention, article text) of each event's mentions, in the order reported."""
        rows = in_query(self.db, f"SELECT a.id, a.text, {', '.join('m.' + c for c in _MENTION_COLUMNS.split(', '))}"
                                 " FROM event_mentions m JOIN articles a ON a.rowid = m.article"
                                 " WHERE m.event IN ({}) ORDER BY m.rowid", events)
        found: dict[int, list[tuple[str, StoredEventMention, str]]] = {}
        for article_id, text, *rest in rows:
            mention = _mention(tuple(rest))
            found.setdefault(mention.event or 0, []).append((article_id, mention, text))
        return found

    def event_count(self) -> tuple[int, int]:
        """(event mentions, events)."""
        mentions = self.db.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
        events = self.db.execute("SELECT count(*) FROM events").fetchone()[0]
        return int(mentions), int(events)
