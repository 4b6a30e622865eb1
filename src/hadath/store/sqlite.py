"""The embedded default store: one SQLite file, WAL, FTS5 over the matching form."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from hadath.errors import StoreError
from hadath.model import Article, DateValue, Mention, Sentence, Timex
from hadath.store.actor_tables import SQLiteActorTables
from hadath.store.base import Processed, SearchHit, Store, StoredArticle
from hadath.store.episode_tables import SQLiteEpisodeTables
from hadath.store.event_tables import INSERT_EVENT_MENTION, SQLiteEventTables, event_mention_row
from hadath.store.migrations import SQLITE_MIGRATIONS
from hadath.store.sql import in_query

BUSY_TIMEOUT_MS = 5000
SNIPPET_CHARS = 240


class SQLiteStore(SQLiteActorTables, SQLiteEventTables, SQLiteEpisodeTables, Store):
    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.location = str(path)
        self.path = Path(path)
        self.readonly = readonly
        if readonly and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run 'hadath ingest' first)")
        if not readonly:
            self._check_writable()
        try:
            if readonly:
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            else:
                self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self.db.execute("PRAGMA foreign_keys = ON")
                self._migrate()
            else:
                self._check_schema()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {_explain(error)}") from None

    # --- opening ---------------------------------------------------------------

    def _check_writable(self) -> None:
        target = self.path if self.path.exists() else self.path.parent.resolve()
        if not target.exists():
            raise StoreError(f"{self.path}: folder {target} does not exist")
        if not os.access(target, os.W_OK):
            raise StoreError(f"{self.path}: store is read-only (no write permission)")

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = set(self.applied_migrations())
        for migration in SQLITE_MIGRATIONS:
            if migration.name in done:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if self.db.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)).fetchone():
                    self.db.execute("ROLLBACK")  # another process applied it meanwhile
                    continue
                for statement in _statements(migration.sql):
                    self.db.execute(statement)
                self.db.execute(
                    "INSERT INTO migrations VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", (migration.name,)
                )
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def _check_schema(self) -> None:
        try:
            names = self.applied_migrations()
        except sqlite3.DatabaseError:
            raise StoreError(f"{self.path}: not a hadath store") from None
        missing = [m.name for m in SQLITE_MIGRATIONS if m.name not in names]
        if missing:
            raise StoreError(f"{self.path}: store needs migrations {missing}; open it once for writing")

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    def close(self) -> None:
        self.db.close()

    # --- ingest ----------------------------------------------------------------

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        return {row[0] for row in self._in_query("SELECT id FROM articles WHERE id IN ({})", ids)}

    def ids_by_hash(self, hashes: Sequence[str]) -> dict[str, str]:
        rows = self._in_query("SELECT content_hash, id FROM articles WHERE content_hash IN ({})", hashes)
        return {h: i for h, i in rows}

    def band_candidates(self, bands: Sequence[str]) -> list[tuple[str, bytes]]:
        rows = self._in_query(
            "SELECT DISTINCT a.id, a.signature FROM article_bands b JOIN articles a ON a.rowid = b.article"
            " WHERE b.band IN ({})",
            bands,
        )
        return [(i, s) for i, s in rows]

    def _in_query(self, sql: str, values: Sequence[str]) -> list[tuple[Any, ...]]:
        return in_query(self.db, sql, values)

    def write_batch(self, batch: Sequence[Processed]) -> None:
        if not batch:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: {_explain(error)}") from None
        try:
            for item in batch:
                self._write_one(item)
            self.db.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            self.db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: {_explain(error)}") from None
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _write_one(self, item: Processed) -> None:
        a = item.article
        cursor = self.db.execute(
            "INSERT INTO articles (id, url, outlet, title, text, published_value, published_basis, source,"
            " content_hash, duplicate_of, signature, stages) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (a.id, a.url, a.outlet, a.title, a.text, a.published.value, a.published.basis, a.source,
             item.content_hash, item.duplicate_of, item.signature, ",".join(item.stages)),
        )
        rowid = int(cursor.lastrowid or 0)
        if item.duplicate_of is None:
            # Only originals are candidates: banding every copy would make a burst of
            # near-identical articles quadratic.
            self.db.executemany("INSERT INTO article_bands VALUES (?, ?)", [(b, rowid) for b in item.bands])
        self.db.executemany(
            'INSERT INTO sentences (article, start, "end", kind) VALUES (?,?,?,?)',
            [(rowid, s.start, s.end, s.kind) for s in item.sentences],
        )
        self.db.executemany(
            'INSERT INTO mentions (article, start, "end", type, actor) VALUES (?,?,?,?,?)',
            [(rowid, m.start, m.end, m.type, m.actor) for m in item.mentions],
        )
        self.db.executemany(
            'INSERT INTO timexes (article, start, "end", type, value, anchor, resolved) VALUES (?,?,?,?,?,?,?)',
            [(rowid, t.start, t.end, t.type, t.value, t.anchor, t.resolved) for t in item.timexes],
        )
        self.db.executemany(INSERT_EVENT_MENTION, [event_mention_row(rowid, e) for e in item.event_mentions])
        self.db.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
            (rowid, item.title_forms, item.body_forms),
        )

    # --- reading ---------------------------------------------------------------

    def search(self, forms: Sequence[str], phrase: bool, limit: int) -> list[SearchHit]:
        if not forms:
            return []
        quoted = ['"' + f.replace('"', '""') + '"' for f in forms]
        query = '"' + " ".join(f.replace('"', '""') for f in forms) + '"' if phrase else " AND ".join(quoted)
        rows = self.db.execute(
            "SELECT a.rowid, a.id, a.title, a.outlet, a.published_value, a.text FROM articles_fts f"
            " JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        ).fetchall()
        hits = []
        for rowid, article_id, title, outlet, published, text in rows:
            start, end = self._snippet(rowid, text, forms)
            hits.append(SearchHit(article_id, title, outlet, published, start, end, text))
        return hits

    def _snippet(self, rowid: int, text: str, forms: Sequence[str]) -> tuple[int, int]:
        """The sentence holding the first match, cut to a readable length."""
        from hadath.text.segment import first_match  # local: the store needs no text code at import

        position = first_match(text, set(forms))
        if position is None:
            return 0, min(len(text), SNIPPET_CHARS)
        row = self.db.execute(
            'SELECT start, "end" FROM sentences WHERE article = ? AND start <= ? ORDER BY start DESC LIMIT 1',
            (rowid, position),
        ).fetchone()
        start, end = row if row and row[1] > position else (max(0, position - 60), len(text))
        if end - start > SNIPPET_CHARS:
            start = max(start, position - SNIPPET_CHARS // 3)
            end = min(end, start + SNIPPET_CHARS)
        return start, end

    def get(self, article_id: str) -> StoredArticle | None:
        row = self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._stored(row) if row else None

    def iter_articles(self) -> Iterator[StoredArticle]:
        for row in self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY rowid").fetchall():
            yield self._stored(row)

    def _stored(self, row: tuple[Any, ...]) -> StoredArticle:
        rowid, article_id, url, outlet, title, text, value, basis, source, duplicate_of = row
        article = Article(article_id, text, title, url, outlet, DateValue(value, basis), source)
        sentences = tuple(
            Sentence(s, e, k) for s, e, k in
            self.db.execute('SELECT start, "end", kind FROM sentences WHERE article = ? ORDER BY start', (rowid,))
        )
        mentions = tuple(
            Mention(s, e, t, a) for s, e, t, a in
            self.db.execute('SELECT start, "end", type, actor FROM mentions WHERE article = ? ORDER BY start', (rowid,))
        )
        timexes = tuple(
            Timex(s, e, t, v, a, r) for s, e, t, v, a, r in self.db.execute(
                'SELECT start, "end", type, value, anchor, resolved FROM timexes WHERE article = ? ORDER BY start',
                (rowid,))
        )
        events = tuple(m.mention for m in self.article_event_mentions(rowid))
        return StoredArticle(article, duplicate_of, sentences, mentions, timexes, events)

    def counts(self) -> dict[str, Any]:
        one = self.db.execute
        return {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "near_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "sentences": one("SELECT count(*) FROM sentences").fetchone()[0],
            "mentions": one("SELECT count(*) FROM mentions").fetchone()[0],
            "timexes": one("SELECT count(*) FROM timexes").fetchone()[0],
            "event_mentions": one("SELECT count(*) FROM event_mentions").fetchone()[0],
            "events": one("SELECT count(*) FROM events").fetchone()[0],
        }


_ARTICLE_COLUMNS = "rowid, id, url, outlet, title, text, published_value, published_basis, source, duplicate_of"


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]


def _explain(error: sqlite3.Error) -> str:
    message = str(error)
    if "locked" in message or "busy" in message:
        return "store is locked by another process (try again when it finishes)"
    if "readonly" in message or "read-only" in message:
        return "store is read-only"
    if "not a database" in message or "malformed" in message:
        return f"not a hadath store or corrupt ({message})"
    return message
