"""Actor tables of the SQLite store (filled by the actors work; mixed into SQLiteStore)."""

from __future__ import annotations


class SQLiteActorTables:
    """Methods reading and writing actors, aliases and mention→actor links."""
