"""Episode and storyline tables of the SQLite store (migration 0004_episodes).

``link_df`` holds document frequencies of link terms (updated per batch, so IDF needs
no pass over the corpus); ``link_articles`` each linked article's event days, weighted
terms and episode; ``link_terms`` its strongest terms by day, the index candidates
come from.  ``episodes`` and ``storylines`` carry their labels, and ``storyline_keys``
indexes storylines by their core keys.  Every read is by an indexed key and a day
range, so linking one article costs the same however large the store is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from hadath.store.sql import SQLiteTables, in_query, transaction


@dataclass(frozen=True, slots=True)
class LinkInput:
    """What linking reads of one stored article (the rebuild path)."""

    rowid: int
    id: str
    published: str | None
    duplicate_of: str | None
    title_forms: str
    body_forms: str


@dataclass(frozen=True, slots=True)
class LinkedArticle:
    rowid: int
    days: tuple[int, ...]
    original: int | None
    vector: str
    episode: int | None


@dataclass(frozen=True, slots=True)
class EpisodeRow:
    rowid: int
    start: str | None
    end: str | None
    articles: int
    label_ar: str
    label_lat: str
    core: str
    storyline: int | None
    assigned: str


@dataclass(frozen=True, slots=True)
class StorylineRow:
    rowid: int
    start: str | None
    end: str | None
    last_day: int
    episodes: int
    label_ar: str
    label_lat: str
    profile: str


_EPISODE_COLUMNS = 'rowid, start, "end", articles, label_ar, label_lat, core, storyline, assigned'
_STORYLINE_COLUMNS = 'rowid, start, "end", last_day, episodes, label_ar, label_lat, profile'


class SQLiteEpisodeTables(SQLiteTables):
    """Methods reading and writing link terms, episodes and storylines."""

    db: sqlite3.Connection

    @contextmanager
    def episode_transaction(self) -> Iterator[None]:
        """One write transaction for a linked batch: all of it or nothing."""
        with transaction(self.db, "link episodes"):
            yield

    def _episode_in(self, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        return in_query(self.db, sql, values)

    # --- articles and document frequencies ----------------------------------------

    def linked_count(self) -> int:
        row = self.db.execute("SELECT value FROM link_meta WHERE name = 'articles'").fetchone()
        return int(row[0]) if row else 0

    def add_linked_count(self, count: int) -> None:
        self.db.execute(
            "INSERT INTO link_meta VALUES ('articles', ?) ON CONFLICT (name) DO UPDATE SET value = value + ?",
            (count, count),
        )

    def add_document_frequencies(self, counts: Iterable[tuple[str, int]]) -> None:
        self.db.executemany(
            "INSERT INTO link_df VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df", counts
        )

    def document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        return {t: n for t, n in self._episode_in("SELECT term, df FROM link_df WHERE term IN ({})", terms)}

    def frequent_terms(self, min_df: int) -> list[tuple[str, int]]:
        """(term, document frequency) of terms in at least ``min_df`` linked articles, most frequent first."""
        return list(self.db.execute("SELECT term, df FROM link_df WHERE df >= ? ORDER BY df DESC, term", (min_df,)))

    def add_linked_articles(self, rows: Iterable[tuple[int, str, int | None, str]]) -> None:
        """(article rowid, event days, original's rowid, encoded vector) of new articles."""
        self.db.executemany(
            "INSERT OR REPLACE INTO link_articles (article, days, original, vector) VALUES (?,?,?,?)", rows
        )

    def add_link_terms(self, rows: Iterable[tuple[str, int, int]]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO link_terms VALUES (?, ?, ?)", rows)

    def articles_with_terms(self, terms: Sequence[str], first_day: int, last_day: int) -> set[int]:
        """Linked articles indexed under any of ``terms`` on a day in [first_day, last_day]."""
        if not terms:
            return set()
        marks = ",".join("?" * len(terms))
        rows = self.db.execute(
            f"SELECT article FROM link_terms WHERE term IN ({marks}) AND day BETWEEN ? AND ?",
            [*terms, first_day, last_day],
        )
        return {r[0] for r in rows}

    def linked_articles(self, rowids: Sequence[int]) -> list[LinkedArticle]:
        rows = self._episode_in(
            "SELECT article, days, original, vector, episode FROM link_articles WHERE article IN ({})", rowids
        )
        return [LinkedArticle(r, tuple(int(d) for d in days.split()), o, v, e) for r, days, o, v, e in rows]

    def copies_of(self, rowids: Sequence[int]) -> set[int]:
        """Linked near-duplicates of the given originals."""
        return {r[0] for r in self._episode_in("SELECT article FROM link_articles WHERE original IN ({})", rowids)}

    def iter_link_inputs(self, batch_size: int = 1000) -> Iterator[list[LinkInput]]:
        """Every stored article in publication order (undated last), in batches."""
        cursor = self.db.execute(
            "SELECT a.rowid, a.id, a.published_value, a.duplicate_of, f.title, f.body"
            " FROM articles a JOIN articles_fts f ON f.rowid = a.rowid"
            " ORDER BY a.published_value IS NULL, a.published_value, a.rowid"
        )
        while rows := cursor.fetchmany(batch_size):
            yield [LinkInput(*row) for row in rows]

    def article_texts(self, rowids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """(title, text) by rowid."""
        rows = self._episode_in("SELECT rowid, title, text FROM articles WHERE rowid IN ({})", rowids)
        return {r: (title, text) for r, title, text in rows}

    def article_titles(self, rowids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """(id, title) by rowid."""
        rows = self._episode_in("SELECT rowid, id, title FROM articles WHERE rowid IN ({})", rowids)
        return {r: (i, t) for r, i, t in rows}

    def article_leads(self, rowids: Sequence[int], chars: int) -> dict[int, str]:
        rows = self._episode_in(f"SELECT rowid, substr(text, 1, {int(chars)}) FROM articles WHERE rowid IN ({{}})",
                                rowids)
        return {r: t for r, t in rows}

    def article_mentions(self, rowids: Sequence[int]) -> dict[int, list[tuple[int, int, str, str | None]]]:
        found: dict[int, list[tuple[int, int, str, str | None]]] = {}
        rows = self._episode_in('SELECT article, start, "end", type, actor FROM mentions WHERE article IN ({})', rowids)
        for article, start, end, kind, actor in rows:
            found.setdefault(article, []).append((start, end, kind, actor))
        return found

    def article_timexes(self, rowids: Sequence[int]) -> dict[int, list[tuple[int, str, str | None]]]:
        found: dict[int, list[tuple[int, str, str | None]]] = {}
        rows = self._episode_in(
            "SELECT article, start, type, coalesce(resolved, value) FROM timexes WHERE article IN ({})", rowids
        )
        for article, start, kind, value in rows:
            found.setdefault(article, []).append((start, kind, value))
        return found

    def main_actors(self, rowids: Sequence[int], limit: int) -> list[tuple[str, str, str | None]]:
        """(id, Arabic name, Latin name) of the actors most mentioned in the articles."""
        if not rowids or not self._has_table("actors"):
            return []
        counts: dict[str, int] = {}
        for actor, n in self._episode_in(
            "SELECT actor, count(*) FROM mentions WHERE actor IS NOT NULL AND article IN ({}) GROUP BY actor", rowids
        ):
            counts[actor] = counts.get(actor, 0) + n
        top = sorted(counts, key=lambda a: (-counts[a], a))[:limit]
        names = {i: (ar, lat) for i, ar, lat in
                 self._episode_in("SELECT id, name_ar, name_lat FROM actors WHERE id IN ({})", top)}
        return [(a, *names[a]) for a in top if a in names]

    def actor_names(self, ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
        """(Arabic, Latin) names by actor id."""
        if not ids or not self._has_table("actors"):
            return {}
        return {i: (ar, lat) for i, ar, lat in
                self._episode_in("SELECT id, name_ar, name_lat FROM actors WHERE id IN ({})", ids)}

    def _has_table(self, name: str) -> bool:
        row = self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row is not None

    # --- episodes ------------------------------------------------------------------

    def new_episode(self, last_day: str | None) -> int:
        cursor = self.db.execute('INSERT INTO episodes (start, "end") VALUES (?, ?)', (last_day, last_day))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def episode_members(self, episodes: Sequence[int]) -> dict[int, list[int]]:
        members: dict[int, list[int]] = {}
        for article, episode in self._episode_in(
            "SELECT article, episode FROM link_articles WHERE episode IN ({})", episodes
        ):
            members.setdefault(episode, []).append(article)
        return members

    def set_episode(self, rowid: int, start: str | None, end: str | None, articles: int, label_ar: str,
                    label_lat: str, core: str) -> None:
        self.db.execute(
            'UPDATE episodes SET start = ?, "end" = ?, articles = ?, label_ar = ?, label_lat = ?, core = ?,'
            " dirty = 1 WHERE rowid = ?",
            (start, end, articles, label_ar, label_lat, core, rowid),
        )

    def set_article_episodes(self, pairs: Iterable[tuple[int, int]]) -> None:
        """(episode, article) memberships."""
        self.db.executemany("UPDATE link_articles SET episode = ? WHERE article = ?", pairs)

    def episodes_by_rowid(self, rowids: Sequence[int]) -> list[EpisodeRow]:
        rows = self._episode_in(f"SELECT {_EPISODE_COLUMNS} FROM episodes WHERE rowid IN ({{}})", rowids)
        return [EpisodeRow(*row) for row in rows]

    def delete_episodes(self, rowids: Sequence[int]) -> None:
        self._episode_in("DELETE FROM episodes WHERE rowid IN ({})", rowids)

    def dirty_episodes(self) -> list[EpisodeRow]:
        rows = self.db.execute(f"SELECT {_EPISODE_COLUMNS} FROM episodes WHERE dirty = 1 ORDER BY start, rowid")
        return [EpisodeRow(*row) for row in rows]

    def assign_storyline(self, episode: int, storyline: int, assigned: str) -> None:
        self.db.execute(
            "UPDATE episodes SET storyline = ?, assigned = ?, dirty = 0 WHERE rowid = ?",
            (storyline, assigned, episode),
        )

    def assign_storyline_none(self, episode: int) -> None:
        self.db.execute("UPDATE episodes SET storyline = NULL, assigned = '' WHERE rowid = ?", (episode,))

    def iter_episodes(self) -> Iterator[EpisodeRow]:
        for row in self.db.execute(f"SELECT {_EPISODE_COLUMNS} FROM episodes ORDER BY start, rowid").fetchall():
            yield EpisodeRow(*row)

    def episode_article_ids(self) -> dict[int, list[str]]:
        """Article ids of every episode, in publication order."""
        found: dict[int, list[str]] = {}
        rows = self.db.execute(
            "SELECT l.episode, a.id FROM link_articles l JOIN articles a ON a.rowid = l.article"
            " WHERE l.episode IS NOT NULL ORDER BY a.published_value, a.rowid"
        )
        for episode, article in rows:
            found.setdefault(episode, []).append(article)
        return found

    def episode_article_rowids(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for article, episode in self.db.execute(
            "SELECT article, episode FROM link_articles WHERE episode IS NOT NULL ORDER BY article"
        ):
            found.setdefault(episode, []).append(article)
        return found

    def article_episodes(self) -> dict[str, tuple[int, int | None]]:
        """(episode, storyline) rowids by article id."""
        rows = self.db.execute(
            "SELECT a.id, e.rowid, e.storyline FROM link_articles l JOIN articles a ON a.rowid = l.article"
            " JOIN episodes e ON e.rowid = l.episode"
        )
        return {i: (e, s) for i, e, s in rows}

    def episode_actor_ids(self) -> dict[int, list[str]]:
        """Resolved actors of every episode, most mentioned first."""
        found: dict[int, list[str]] = {}
        rows = self.db.execute(
            "SELECT l.episode, m.actor, count(*) AS n FROM link_articles l JOIN mentions m ON m.article = l.article"
            " WHERE l.episode IS NOT NULL AND m.actor IS NOT NULL GROUP BY l.episode, m.actor"
            " ORDER BY l.episode, n DESC, m.actor"
        )
        for episode, actor, _ in rows:
            found.setdefault(episode, []).append(actor)
        return found

    # --- storylines ----------------------------------------------------------------

    def new_storyline(self, last_day: int) -> int:
        cursor = self.db.execute("INSERT INTO storylines (last_day) VALUES (?)", (last_day,))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def storylines_by_rowid(self, rowids: Sequence[int]) -> list[StorylineRow]:
        rows = self._episode_in(f"SELECT {_STORYLINE_COLUMNS} FROM storylines WHERE rowid IN ({{}})", rowids)
        return [StorylineRow(*row) for row in rows]

    def storylines_with_keys(self, keys: Sequence[str], per_key: int) -> dict[int, int]:
        """Storylines filed under any of ``keys`` (the ``per_key`` most recently active for each),
        with how many of the keys each is filed under."""
        found: dict[int, int] = {}
        for key in keys:
            rows = self.db.execute(
                "SELECT storyline FROM storyline_keys WHERE key = ? ORDER BY last_day DESC LIMIT ?", (key, per_key)
            )
            for (storyline,) in rows:
                found[storyline] = found.get(storyline, 0) + 1
        return found

    def set_storyline(self, row: StorylineRow, keys: Sequence[str]) -> None:
        self.db.execute(
            'UPDATE storylines SET start = ?, "end" = ?, last_day = ?, episodes = ?, label_ar = ?, label_lat = ?,'
            " profile = ? WHERE rowid = ?",
            (row.start, row.end, row.last_day, row.episodes, row.label_ar, row.label_lat, row.profile, row.rowid),
        )
        self.db.execute("DELETE FROM storyline_keys WHERE storyline = ?", (row.rowid,))
        self.db.executemany("INSERT INTO storyline_keys VALUES (?, ?, ?)", [(k, row.rowid, row.last_day) for k in keys])

    def delete_storyline(self, rowid: int) -> None:
        self.db.execute("DELETE FROM storyline_keys WHERE storyline = ?", (rowid,))
        self.db.execute("DELETE FROM storylines WHERE rowid = ?", (rowid,))

    def storyline_spans(self, rowids: Sequence[int]) -> dict[int, tuple[str | None, str | None, int]]:
        """(first start, last end, episodes) of each storyline, from its episodes."""
        rows = self._episode_in(
            'SELECT storyline, min(start), max("end"), count(*) FROM episodes WHERE storyline IN ({})'
            " GROUP BY storyline", rowids
        )
        return {s: (a, b, n) for s, a, b, n in rows}

    def iter_storylines(self) -> Iterator[StorylineRow]:
        for row in self.db.execute(f"SELECT {_STORYLINE_COLUMNS} FROM storylines ORDER BY start, rowid").fetchall():
            yield StorylineRow(*row)

    def storyline_episodes(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        rows = self.db.execute(
            "SELECT storyline, rowid FROM episodes WHERE storyline IS NOT NULL ORDER BY start, rowid"
        )
        for storyline, episode in rows:
            found.setdefault(storyline, []).append(episode)
        return found

    # --- rebuilding ----------------------------------------------------------------

    def clear_links(self) -> None:
        """Forget every episode, storyline and link term (inside the caller's transaction)."""
        for table in ("link_terms", "link_articles", "episodes", "storyline_keys", "storylines", "link_df",
                      "link_meta"):
            self.db.execute(f"DELETE FROM {table}")
        # A rebuild numbers episodes and storylines from 1 again, so ids are reproducible.
        self.db.execute("DELETE FROM sqlite_sequence WHERE name IN ('episodes', 'storylines')")
