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
)
