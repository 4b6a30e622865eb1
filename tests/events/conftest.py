from __future__ import annotations

from collections.abc import Sequence

import pytest

from hadath.events.extract import extract_article
from hadath.events.lexicon import Lexicon, load_lexicon
from hadath.model import UNKNOWN_DATE, DateValue, EventMention, Mention, Timex
from hadath.text.segment import split_sentences, tokenize


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


def mentions(text: str, names: Sequence[tuple[str, str]]) -> list[Mention]:
    """Mentions at the first occurrence of each (surface, type), as a tagger would give."""
    out = []
    for surface, kind in names:
        at = text.find(surface)
        assert at >= 0, surface
        out.append(Mention(at, at + len(surface), kind))  # type: ignore[arg-type]
    return sorted(out, key=lambda m: m.start)


def events(
    text: str,
    names: Sequence[tuple[str, str]] = (),
    *,
    timexes: Sequence[Timex] = (),
    published: DateValue = UNKNOWN_DATE,
) -> list[EventMention]:
    """Event mentions of ``text`` by the lexicon and rules alone (no learned detector)."""
    return extract_article(text, split_sentences(text), tokenize(text), mentions(text, names), timexes, published)


def texts(text: str, spans: Sequence[object]) -> list[str]:
    return [text[s.start : s.end] for s in spans]  # type: ignore[attr-defined]
