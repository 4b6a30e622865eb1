"""Stores behind one interface; ``open_store`` picks the implementation from the location."""

from __future__ import annotations

from pathlib import Path

from hadath.errors import StoreError
from hadath.store.base import Processed, SearchHit, Store, StoredArticle


def open_store(location: str | Path, readonly: bool = False) -> Store:
    """SQLite for a path (the default); PostgreSQL for a ``postgresql://`` URL."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError(f"{text}: the PostgreSQL store is not available in this version")
    from hadath.store.sqlite import SQLiteStore

    return SQLiteStore(text, readonly=readonly)


__all__ = ["Processed", "SearchHit", "Store", "StoredArticle", "open_store"]
