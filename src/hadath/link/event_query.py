"""Reading events back: the ``events.jsonl`` contract, ``hadath events`` and ``hadath timeline``.

Event ids are ``ev-<n>``.  Each event lists every mention that reports it, as
evidence: the article, the trigger's offsets and text, and the sentence it stands in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from rich.table import Table

from hadath.actors.query import find_actors
from hadath.errors import HadathError
from hadath.link.events import event_store
from hadath.store.actor_tables import SQLiteActorTables
from hadath.store.base import Store
from hadath.store.event_tables import EventRow, StoredEventMention

EVIDENCE_BEFORE, EVIDENCE_AFTER = 30, 70  # characters of the sentence shown around the trigger in a table
_DATE_RE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
ACTORS_PER_QUERY = 5  # actors a name may stand for (شويغو: the person; موسكو: the city and its government)


@dataclass(frozen=True, slots=True)
class EventFilter:
    types: tuple[str, ...] = ()
    actor: str | None = None  # a name in Arabic or Latin script, or an actor id
    since: str | None = None  # YYYY[-MM[-DD]]
    until: str | None = None
    include_unhappened: bool = False  # negated, future, hypothetical reports too


def event_id(rowid: int) -> str:
    return f"ev-{rowid}"


def actor_ids(store: Store, name: str) -> list[str]:
    """Actor ids a query names: an exact id, else the cross-script name lookup (``hadath actors``)."""
    if not isinstance(store, SQLiteActorTables):
        raise HadathError(f"{store.location}: this store holds no actors")
    if store.actor_exists(name):
        return [name]
    found = [row["id"] for row in find_actors(store, name, ACTORS_PER_QUERY) if row.get("mentions")]
    if not found:
        raise HadathError(f"no actor in the store matches {name!r} (see 'hadath actors {name}')")
    return found


def iter_event_json(store: Store, where: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
    """``{id, type, mode, date, sources[], targets[], place, articles[], mentions[], happened}`` per event."""
    tables = event_store(store)
    actors = actor_ids(store, where.actor) if where.actor else []
    for bound in (where.since, where.until):
        if bound is not None and not _DATE_RE.fullmatch(bound):
            raise HadathError(f"{bound!r}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    rows = tables.find_events(where.types, actors, where.since, where.until, not where.include_unhappened)
    for chunk in _chunks(rows, 500):
        evidence = tables.event_evidence([r.rowid for r in chunk])
        for row in chunk:
            yield event_json(row, evidence.get(row.rowid, []))


def event_json(row: EventRow, evidence: Sequence[tuple[str, StoredEventMention, str]]) -> dict[str, Any]:
    mentions = []
    for article, stored, text in evidence:
        m = stored.mention
        mentions.append({
            "article": article, "start": m.trigger.start, "end": m.trigger.end, "trigger": m.trigger.of(text),
            "sentence": m.sentence.of(text).strip(), "date": m.date.to_json(),
            "sources": [s.of(text) for s in m.sources], "targets": [t.of(text) for t in m.targets],
            "negated": m.negated, "future": m.future, "hypothetical": m.hypothetical, "reported": m.reported,
        })
    return {
        "id": event_id(row.rowid), "type": row.type, "mode": row.mode, "date": row.date.to_json(),
        "sources": list(row.sources), "targets": list(row.targets), "place": row.place,
        "articles": list(dict.fromkeys(m["article"] for m in mentions)), "mentions": mentions,
        "happened": row.happened,
    }


def actor_names(store: Store, rows: Sequence[dict[str, Any]], latin: bool) -> dict[str, str]:
    """Display names of the actors these events name (Latin or Arabic script)."""
    if not isinstance(store, SQLiteActorTables):
        return {}
    ids = sorted({a for r in rows for a in [*r["sources"], *r["targets"], *([r["place"]] if r["place"] else [])]})
    names = {}
    for chunk in _chunks(ids, 500):
        for actor in store.actors_by_ids(chunk):
            names[actor.id] = (actor.name_lat or actor.name_ar) if latin else actor.name_ar
    return names


def format_events_table(rows: Sequence[dict[str, Any]], names: dict[str, str], title: str = "") -> Table:
    """Rows of ``iter_event_json`` as a table: one event a row, its first report as evidence."""
    table = Table(title=title or f"{len(rows)} events")
    for column in ("id", "date", "type", "source", "target", "place", "reports", "evidence"):
        table.add_column(column, justify="right" if column == "reports" else "left",
                         overflow="fold", min_width=30 if column == "evidence" else None)
    for row in rows:
        kind = row["type"] + (f" ({row['mode']})" if row["mode"] else "") + ("" if row["happened"] else " ✗")
        date = row["date"]["value"] or "undated"
        if row["date"]["basis"] == "published":
            date += "*"  # only the publication date dates it
        evidence = _around_trigger(row["mentions"][0]) if row["mentions"] else ""
        table.add_row(
            row["id"], date, kind, _names(row["sources"], names), _names(row["targets"], names),
            names.get(row["place"], row["place"] or ""),
            f"{len(row['mentions'])}/{len(row['articles'])}", evidence,
        )
    table.caption = "reports: mentions/articles · * dated by publication only · ✗ not happened (negated, future…)"
    return table


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """One event flattened for CSV: lists joined with ';', the first report's sentence as evidence."""
    return {
        "id": row["id"], "type": row["type"], "mode": row["mode"] or "", "date": row["date"]["value"] or "",
        "date_basis": row["date"]["basis"], "sources": ";".join(row["sources"]), "targets": ";".join(row["targets"]),
        "place": row["place"] or "", "happened": int(row["happened"]), "mentions": len(row["mentions"]),
        "articles": ";".join(row["articles"]),
        "evidence": row["mentions"][0]["sentence"] if row["mentions"] else "",
    }


def _names(ids: Sequence[str], names: dict[str, str]) -> str:
    return "; ".join(names.get(i, i) for i in ids)


def _around_trigger(mention: dict[str, Any]) -> str:
    """The part of the evidence sentence around its trigger, elided at both ends when long."""
    sentence, trigger = str(mention["sentence"]), str(mention["trigger"])
    at = max(sentence.find(trigger), 0)
    start, end = max(0, at - EVIDENCE_BEFORE), min(len(sentence), at + len(trigger) + EVIDENCE_AFTER)
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def _chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]
