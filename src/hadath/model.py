"""The data hadath produces, as frozen dataclasses.

Everything that points into an article is a pair of character offsets into
``Article.text``; the surface string is read back from the article, never copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DateBasis = Literal["metadata", "text", "inferred", "unknown", "published"]


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar value as precise as the evidence (YYYY-MM-DD, YYYY-MM, YYYY) or None."""

    value: str | None
    basis: DateBasis

    def to_json(self) -> dict[str, str | None]:
        return {"value": self.value, "basis": self.basis}


UNKNOWN_DATE = DateValue(None, "unknown")


@dataclass(frozen=True, slots=True)
class Article:
    """One news text with its metadata, as ingested."""

    id: str
    text: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    published: DateValue = UNKNOWN_DATE
    source: str | None = None  # file (and line) it came from, for error messages


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Piece:
    """Part of a token: a proclitic (conj, prep, article) or the stem."""

    start: int
    end: int
    role: Literal["conj", "prep", "article", "stem", "mark"]
    norm: str


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark with its normalised form and clitic pieces."""

    start: int
    end: int
    kind: Literal["word", "latin", "number", "punct", "hashtag", "symbol"]
    norm: str
    pieces: tuple[Piece, ...] = ()

    @property
    def stem(self) -> Piece | None:
        for piece in self.pieces:
            if piece.role == "stem":
                return piece
        return None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    kind: Literal["sentence", "dateline", "title"] = "sentence"


@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming an entity; ``actor`` is filled by linking."""

    start: int
    end: int
    type: Literal["PER", "ORG", "LOC", "MISC"]
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression normalised to a TIMEX3-style value."""

    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    anchor: str | None = None  # the date it was resolved against, if relative
    resolved: str | None = None  # calendar reading of an open value (XXXX-10-02 → 2016-10-02)


@dataclass(frozen=True, slots=True)
class EventMention:
    """One article's report of an action.

    ``sources``, ``targets`` and ``place`` are spans of the article (an entity mention's
    offsets, or a generic actor noun such as المتظاهرون), so that linking can resolve
    them to actor ids later.  Negated, future and hypothetical reports are kept as
    evidence but do not count as ``happened``; ``reported`` marks an action told
    through a speaker (قال ... إن), which news reports nearly always are, so it is
    recorded and does not by itself make the action unreal.
    """

    type: str
    mode: str | None
    trigger: Span
    sentence: Span
    sources: tuple[Span, ...] = ()
    targets: tuple[Span, ...] = ()
    place: Span | None = None
    date: DateValue = UNKNOWN_DATE
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    reported: bool = False
    score: float | None = None  # the learned detector's probability, where it was consulted

    @property
    def happened(self) -> bool:
        return not (self.negated or self.future or self.hypothetical)


@dataclass(frozen=True, slots=True)
class Analysis:
    """What ``analyze`` returns for one article: pure data, offsets into ``article.text``."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()
    published: DateValue = UNKNOWN_DATE
    stages: tuple[str, ...] = field(default=())
