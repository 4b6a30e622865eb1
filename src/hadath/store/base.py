"""The store interface: SQLite (default) and PostgreSQL implement it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from hadath.model import Article, EventMention, Mention, Sentence, Timex


@dataclass(frozen=True, slots=True)
class Processed:
    """One analysed article ready to be written: everything a worker computed."""

    article: Article
    content_hash: str
    signature: bytes
    bands: tuple[str, ...]
    title_forms: str
    body_forms: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    stages: tuple[str, ...] = ()
    duplicate_of: str | None = None
    event_mentions: tuple[EventMention, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredArticle:
    article: Article
    duplicate_of: str | None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str
    outlet: str | None
    published: str | None
    snippet_start: int
    snippet_end: int
    text: str = field(repr=False)

    @property
    def snippet(self) -> str:
        return self.text[self.snippet_start : self.snippet_end]


class Store(ABC):
    """Everything the rest of hadath may ask of a store."""

    location: str

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def applied_migrations(self) -> list[str]: ...

    @abstractmethod
    def known_ids(self, ids: Sequence[str]) -> set[str]: ...

    @abstractmethod
    def ids_by_hash(self, hashes: Sequence[str]) -> dict[str, str]: ...

    @abstractmethod
    def band_candidates(self, bands: Sequence[str]) -> list[tuple[str, bytes]]:
        """(article id, signature) of stored articles sharing any of ``bands``."""

    @abstractmethod
    def write_batch(self, batch: Sequence[Processed]) -> None:
        """Write all of ``batch`` in one transaction, or nothing."""

    @abstractmethod
    def search(self, forms: Sequence[str], phrase: bool, limit: int) -> list[SearchHit]: ...

    @abstractmethod
    def get(self, article_id: str) -> StoredArticle | None: ...

    @abstractmethod
    def iter_articles(self) -> Iterator[StoredArticle]: ...

    @abstractmethod
    def counts(self) -> dict[str, Any]: ...
