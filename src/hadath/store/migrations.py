"""Named schema migrations, applied in order inside a transaction and recorded.

A migration is never edited once released: a change is a new migration at the end.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


SQLITE_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_articles",
        """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT,
            outlet TEXT,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            published_value TEXT,
            published_basis TEXT NOT NULL,
            source TEXT,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT,
            signature BLOB,
            stages TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX articles_content_hash ON articles(content_hash);
        CREATE INDEX articles_published ON articles(published_value);
        CREATE TABLE article_bands (
            band TEXT NOT NULL,
            article INTEGER NOT NULL REFERENCES articles(rowid)
        );
        CREATE INDEX article_bands_band ON article_bands(band);
        CREATE TABLE sentences (
            article INTEGER NOT NULL REFERENCES articles(rowid),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL
        );
        CREATE INDEX sentences_article ON sentences(article);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, tokenize = 'unicode61 remove_diacritics 0'
        );
        """,
    ),
    Migration(
        "0002_mentions_timexes",
        """
        CREATE TABLE mentions (
            article INTEGER NOT NULL REFERENCES articles(rowid),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            type TEXT NOT NULL,
            actor TEXT
        );
        CREATE INDEX mentions_article ON mentions(article);
        CREATE INDEX mentions_actor ON mentions(actor);
        CREATE TABLE timexes (
            article INTEGER NOT NULL REFERENCES articles(rowid),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            type TEXT NOT NULL,
            value TEXT,
            anchor TEXT
        );
        CREATE INDEX timexes_article ON timexes(article);
        """,
    ),
    Migration(
        "0003_actors",
        """
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            name_ar TEXT NOT NULL,
            name_lat TEXT,
            country TEXT,
            sector TEXT,
            origin TEXT NOT NULL,
            mentions INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX actors_mentions ON actors(mentions);
        CREATE TABLE actor_aliases (
            actor TEXT NOT NULL REFERENCES actors(id),
            alias TEXT NOT NULL,
            form TEXT NOT NULL,
            count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (actor, alias)
        );
        CREATE INDEX actor_aliases_form ON actor_aliases(form);
        CREATE TABLE actor_keys (
            key TEXT NOT NULL,
            actor TEXT NOT NULL REFERENCES actors(id),
            PRIMARY KEY (key, actor)
        ) WITHOUT ROWID;
        CREATE TABLE actor_latin (
            key TEXT NOT NULL,
            actor TEXT NOT NULL REFERENCES actors(id),
            PRIMARY KEY (key, actor)
        ) WITHOUT ROWID;
        CREATE TABLE actor_roles (
            actor TEXT NOT NULL REFERENCES actors(id),
            title TEXT NOT NULL,
            title_lat TEXT,
            org TEXT NOT NULL DEFAULT '',
            country TEXT,
            sector TEXT,
            date TEXT NOT NULL DEFAULT '',
            article INTEGER NOT NULL REFERENCES articles(rowid),
            PRIMARY KEY (actor, title, org, date)
        );
        """,
    ),
    Migration(
        "0004_episodes",
        """
        CREATE TABLE link_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE link_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE storylines (
            rowid INTEGER PRIMARY KEY AUTOINCREMENT,
            start TEXT,
            "end" TEXT,
            last_day INTEGER NOT NULL,
            episodes INTEGER NOT NULL DEFAULT 0,
            label_ar TEXT NOT NULL DEFAULT '',
            label_lat TEXT NOT NULL DEFAULT '',
            profile TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE storyline_keys (
            key TEXT NOT NULL,
            storyline INTEGER NOT NULL REFERENCES storylines(rowid),
            last_day INTEGER NOT NULL,
            PRIMARY KEY (key, storyline)
        ) WITHOUT ROWID;
        CREATE INDEX storyline_keys_recent ON storyline_keys(key, last_day);
        CREATE INDEX storyline_keys_storyline ON storyline_keys(storyline);
        CREATE TABLE episodes (
            rowid INTEGER PRIMARY KEY AUTOINCREMENT,
            start TEXT,
            "end" TEXT,
            articles INTEGER NOT NULL DEFAULT 0,
            label_ar TEXT NOT NULL DEFAULT '',
            label_lat TEXT NOT NULL DEFAULT '',
            core TEXT NOT NULL DEFAULT '',
            storyline INTEGER REFERENCES storylines(rowid),
            assigned TEXT NOT NULL DEFAULT '',
            dirty INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX episodes_storyline ON episodes(storyline);
        CREATE INDEX episodes_dirty ON episodes(dirty);
        CREATE TABLE link_articles (
            article INTEGER PRIMARY KEY REFERENCES articles(rowid),
            days TEXT NOT NULL,
            original INTEGER,
            vector TEXT NOT NULL,
            episode INTEGER REFERENCES episodes(rowid)
        );
        CREATE INDEX link_articles_episode ON link_articles(episode);
        CREATE INDEX link_articles_original ON link_articles(original);
        CREATE TABLE link_terms (
            term TEXT NOT NULL,
            day INTEGER NOT NULL,
            article INTEGER NOT NULL REFERENCES articles(rowid),
            PRIMARY KEY (term, day, article)
        ) WITHOUT ROWID;
        """,
    ),
    Migration(
        "0005_timex_resolved",
        """
        ALTER TABLE timexes ADD COLUMN resolved TEXT;
        """,
    ),
    Migration(
        "0006_events",
        """
        CREATE TABLE events (
            rowid INTEGER PRIMARY KEY AUTOINCREMENT,
            type TEXT NOT NULL,
            mode TEXT,
            happened INTEGER NOT NULL,
            date_value TEXT,
            date_basis TEXT NOT NULL,
            sources TEXT NOT NULL DEFAULT '',
            targets TEXT NOT NULL DEFAULT '',
            place TEXT,
            mentions INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX events_date ON events(date_value);
        CREATE TABLE event_mentions (
            rowid INTEGER PRIMARY KEY,
            article INTEGER NOT NULL REFERENCES articles(rowid),
            type TEXT NOT NULL,
            mode TEXT,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            sources TEXT NOT NULL DEFAULT '',
            targets TEXT NOT NULL DEFAULT '',
            place TEXT,
            date_value TEXT,
            date_basis TEXT NOT NULL,
            flags TEXT NOT NULL DEFAULT '',
            score REAL,
            event INTEGER REFERENCES events(rowid)
        );
        CREATE INDEX event_mentions_article ON event_mentions(article);
        CREATE INDEX event_mentions_event ON event_mentions(event);
        CREATE TABLE event_index (
            block TEXT NOT NULL,
            key TEXT NOT NULL,
            event INTEGER NOT NULL REFERENCES events(rowid),
            PRIMARY KEY (block, key, event)
        ) WITHOUT ROWID;
        CREATE TABLE event_actors (
            actor TEXT NOT NULL,
            event INTEGER NOT NULL REFERENCES events(rowid),
            role TEXT NOT NULL,
            PRIMARY KEY (actor, event, role)
        ) WITHOUT ROWID;
        CREATE INDEX event_actors_event ON event_actors(event);
        """,
    ),
)
