"""One exception tree for hadath.

    HadathError            anything hadath raises on purpose
    ├── IngestError        an input could not be read as articles (names the file)
    ├── ModelError         a model or lexicon is missing, corrupt or cannot be trained
    ├── StoreError         the store cannot be opened, migrated or written
    └── ConfigError        a bad option, setting or command-line value

Callers catch ``HadathError`` to report any expected failure; anything else is a bug.
"""

from __future__ import annotations


class HadathError(Exception):
    """Base of every error hadath raises on purpose."""


class IngestError(HadathError):
    """An input (file, line, record) could not be turned into an article."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class ModelError(HadathError):
    """A model or lexicon could not be loaded or built."""


class StoreError(HadathError):
    """The store could not be opened, migrated or written."""


class ConfigError(HadathError):
    """A setting or command-line value is invalid."""
