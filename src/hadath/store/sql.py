"""Helpers shared by the SQLite store and its table mixins."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from hadath.errors import StoreError

SQL_VARIABLES = 500  # values per IN (...) query, well under SQLite's limit


def in_query(db: sqlite3.Connection, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Run ``sql`` (with one ``IN ({})``) over ``values`` in chunks, rows concatenated."""
    rows: list[tuple[Any, ...]] = []
    for i in range(0, len(values), SQL_VARIABLES):
        chunk = list(values[i : i + SQL_VARIABLES])
        rows.extend(db.execute(sql.format(",".join("?" * len(chunk))), chunk))
    return rows


@contextmanager
def transaction(db: sqlite3.Connection, what: str) -> Iterator[None]:
    """One write transaction: all of it or nothing; ``what`` names the work in errors."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise StoreError(f"cannot {what}: {error}") from None
    try:
        yield
        db.execute("COMMIT")
    except sqlite3.DatabaseError as error:
        db.execute("ROLLBACK")
        raise StoreError(f"cannot {what}: {error}") from None
    except BaseException:
        db.execute("ROLLBACK")
        raise


class SQLiteTables:
    """What every table mixin of the SQLite store shares: its connection, and article ids to rowids."""

    db: sqlite3.Connection

    def article_rowids(self, ids: Sequence[str]) -> dict[str, int]:
        return {i: r for i, r in in_query(self.db, "SELECT id, rowid FROM articles WHERE id IN ({})", ids)}
