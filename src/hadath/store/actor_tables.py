"""Actor tables of the SQLite store (migration 0003_actors); mixed into SQLiteStore.

``actors`` holds one row per actor (registry actors are copied in when first
mentioned); ``actor_aliases`` the surface forms seen; ``actor_keys`` the variant keys
the linker blocks on (names.py); ``actor_latin`` Latin names for cross-script queries;
``actor_roles`` the titles articles give them.  Every lookup is by an indexed key, so
linking one article costs the same however large the store is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from hadath.store.sql import SQLiteTables, in_query, transaction


@dataclass(frozen=True, slots=True)
class ActorRow:
    id: str
    type: str
    name_ar: str
    name_lat: str | None
    country: str | None
    sector: str | None
    origin: str  # "registry" or "discovered"
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class RoleRow:
    title: str
    title_lat: str | None
    org: str | None
    country: str | None
    sector: str | None
    date: str | None
    article: str  # article id


class SQLiteActorTables(SQLiteTables):
    """Methods reading and writing actors, aliases and mention→actor links."""

    db: sqlite3.Connection

    # --- transactions ----------------------------------------------------------

    @contextmanager
    def actor_transaction(self) -> Iterator[None]:
        """One write transaction for a linked batch: all of it or nothing."""
        with transaction(self.db, "link actors"):
            yield

    # --- writing ---------------------------------------------------------------

    def actor_exists(self, actor_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone() is not None

    def insert_actor(self, row: ActorRow) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO actors (id, type, name_ar, name_lat, country, sector, origin, mentions)"
            " VALUES (?,?,?,?,?,?,?,0)",
            (row.id, row.type, row.name_ar, row.name_lat, row.country, row.sector, row.origin),
        )

    def update_actor_names(self, actor_id: str, name_ar: str, name_lat: str | None) -> None:
        self.db.execute("UPDATE actors SET name_ar = ?, name_lat = ? WHERE id = ?", (name_ar, name_lat, actor_id))

    def fill_actor_profile(self, actor_id: str, country: str | None, sector: str | None) -> None:
        """Set country and sector where they are still unknown (roles type an actor)."""
        self.db.execute(
            "UPDATE actors SET country = coalesce(country, ?), sector = coalesce(sector, ?) WHERE id = ?",
            (country, sector, actor_id),
        )

    def add_mention_count(self, actor_id: str, count: int) -> None:
        self.db.execute("UPDATE actors SET mentions = mentions + ? WHERE id = ?", (count, actor_id))

    def add_aliases(self, actor_id: str, aliases: Iterable[tuple[str, str, int]]) -> None:
        """(alias as written, its matching form, mentions) of one actor."""
        self.db.executemany(
            "INSERT INTO actor_aliases (actor, alias, form, count) VALUES (?,?,?,?)"
            " ON CONFLICT (actor, alias) DO UPDATE SET count = count + excluded.count",
            [(actor_id, alias, form, count) for alias, form, count in aliases],
        )

    def add_keys(self, actor_id: str, keys: Iterable[str]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO actor_keys VALUES (?, ?)", [(k, actor_id) for k in keys])

    def add_latin(self, actor_id: str, keys: Iterable[str]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO actor_latin VALUES (?, ?)", [(k, actor_id) for k in keys])

    def add_roles(self, actor_id: str, roles: Iterable[RoleRow], article_rowid: int) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO actor_roles (actor, title, title_lat, org, country, sector, date, article)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(actor_id, r.title, r.title_lat, r.org or "", r.country, r.sector, r.date or "", article_rowid)
             for r in roles],
        )

    def set_mention_actors(self, article_rowid: int, links: Iterable[tuple[int, int, str]]) -> None:
        """Point the mentions at (start, end) of one article to their actor."""
        self.db.executemany(
            'UPDATE mentions SET actor = ? WHERE article = ? AND start = ? AND "end" = ?',
            [(actor, article_rowid, start, end) for start, end, actor in links],
        )

    # --- reading ---------------------------------------------------------------

    def actors_by_keys(self, keys: Sequence[str], origin: str | None = None, limit: int = 200) -> list[ActorRow]:
        """Actors filed under any of ``keys`` (most mentioned first, at most ``limit``)."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        sql = (f"SELECT DISTINCT {_ACTOR_COLUMNS} FROM actor_keys k JOIN actors a ON a.id = k.actor"
               f" WHERE k.key IN ({marks})")
        args: list[Any] = list(keys)
        if origin:
            sql += " AND a.origin = ?"
            args.append(origin)
        sql += " ORDER BY a.mentions DESC LIMIT ?"
        args.append(limit)
        return [ActorRow(*row) for row in self.db.execute(sql, args)]

    def actors_by_latin(self, key: str, limit: int = 50) -> list[ActorRow]:
        rows = self.db.execute(
            f"SELECT {_ACTOR_COLUMNS} FROM actor_latin l JOIN actors a ON a.id = l.actor WHERE l.key = ?"
            " ORDER BY a.mentions DESC LIMIT ?", (key, limit))
        return [ActorRow(*row) for row in rows]

    def actors_by_ids(self, ids: Sequence[str]) -> list[ActorRow]:
        rows = self._actor_in(f"SELECT {_ACTOR_COLUMNS} FROM actors a WHERE a.id IN ({{}})", ids)
        order = {i: n for n, i in enumerate(ids)}
        return sorted((ActorRow(*r) for r in rows), key=lambda a: order[a.id])

    def top_actors(self, limit: int) -> list[ActorRow]:
        rows = self.db.execute(f"SELECT {_ACTOR_COLUMNS} FROM actors a ORDER BY a.mentions DESC, a.id LIMIT ?",
                               (limit,))
        return [ActorRow(*row) for row in rows]

    def actors_with_alias_form(self, form: str, limit: int = 50) -> list[ActorRow]:
        rows = self.db.execute(
            f"SELECT DISTINCT {_ACTOR_COLUMNS} FROM actor_aliases s JOIN actors a ON a.id = s.actor"
            " WHERE s.form = ? ORDER BY a.mentions DESC LIMIT ?", (form, limit))
        return [ActorRow(*row) for row in rows]

    def actor_aliases(self, ids: Sequence[str]) -> dict[str, list[str]]:
        """Aliases of each actor, most used first."""
        out: dict[str, list[str]] = {i: [] for i in ids}
        rows = self._actor_in("SELECT actor, alias FROM actor_aliases WHERE actor IN ({}) ORDER BY count DESC", ids)
        for actor, alias in rows:
            out[actor].append(alias)
        return out

    def actor_roles(self, actor_id: str) -> list[RoleRow]:
        rows = self.db.execute(
            "SELECT r.title, r.title_lat, r.org, r.country, r.sector, r.date, a.id FROM actor_roles r"
            " JOIN articles a ON a.rowid = r.article WHERE r.actor = ? ORDER BY r.date, r.title", (actor_id,))
        return [RoleRow(t, tl, o or None, c, s, d or None, a) for t, tl, o, c, s, d, a in rows]

    def actor_articles(self, actor_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT DISTINCT a.id FROM mentions m JOIN articles a ON a.rowid = m.article"
            " WHERE m.actor = ? ORDER BY a.rowid", (actor_id,))
        return [row[0] for row in rows]

    def iter_actors(self) -> Iterator[ActorRow]:
        """Every actor with at least one mention, most mentioned first."""
        rows = self.db.execute(
            f"SELECT {_ACTOR_COLUMNS} FROM actors a WHERE a.mentions > 0 ORDER BY a.mentions DESC, a.id").fetchall()
        for row in rows:
            yield ActorRow(*row)

    def _actor_in(self, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        return in_query(self.db, sql, values)


_ACTOR_COLUMNS = "a.id, a.type, a.name_ar, a.name_lat, a.country, a.sector, a.origin, a.mentions"
