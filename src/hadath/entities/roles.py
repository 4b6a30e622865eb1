"""Roles of people from the titles written next to their names.

"وزير الدفاع الروسي سيرغي شويغو": the words before a PER mention, read backwards until
a verb, a particle, punctuation or another mention, hold a title from the lexicon
(``actors/data/titles.yaml``, longest phrase first) followed by what qualifies it: a
nationality (الروسي → RU), an organisation (باسم الكرملين) or a posting (في ليبيا).  The
same phrase after the name, set off by a comma ("شويغو، وزير الدفاع الروسي،") counts
too.  The role is dated by the article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from hadath.errors import ModelError
from hadath.model import Mention, Token
from hadath.text.normalise import normalise
from hadath.text.segment import tokenize

WINDOW = 160  # characters read on either side of a name
MAX_PHRASE = 12  # words in a title phrase with its qualifier
_GENERIC_SECTORS = frozenset({"government", "other", "legislature"})


@dataclass(frozen=True, slots=True)
class Role:
    """A title held by a person, as one article states it."""

    title: str  # as written ("وزير الدفاع")
    title_lat: str | None
    org: str | None  # the organisation or posting part as written ("باسم الكرملين", "في ليبيا")
    country: str | None  # ISO code from a nationality or a country named in the phrase
    sector: str | None
    date: str | None  # the article's date: when the role was held
    start: int  # the whole phrase in the article
    end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "title_lat": self.title_lat,
            "org": self.org,
            "country": self.country,
            "sector": self.sector,
            "date": self.date,
        }


@dataclass(frozen=True)
class TitleLexicon:
    titles: dict[tuple[str, ...], tuple[str, str]]  # words → (Latin, sector)
    longest: int
    nationalities: dict[tuple[str, ...], str | None]
    org_sectors: dict[str, str]
    stops: frozenset[str]


def _form(word: str) -> str:
    return normalise(word)


@cache
def title_lexicon() -> TitleLexicon:
    path = resources.files("hadath.actors").joinpath("data", "titles.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        titles = {tuple(_form(w) for w in ar.split()): (lat, sector) for ar, lat, sector in data["titles"]}
        nationalities: dict[tuple[str, ...], str | None] = {}
        for adjective, code in data["nationalities"].items():
            for form in _adjective_forms(adjective):
                nationalities[tuple(_form(w) for w in form.split())] = code
        org_sectors = {_form(k): v for k, v in data["org_sectors"].items()}
        stops = frozenset(_form(w) for w in data["stops"])
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as error:
        raise ModelError(f"title lexicon titles.yaml is unreadable: {error}") from None
    return TitleLexicon(titles, max(len(k) for k in titles), nationalities, org_sectors, stops)


def _adjective_forms(adjective: str) -> list[str]:
    """الروسي → الروسي, الروسية, روسي, روسية (each word of the adjective inflected alike)."""
    words = adjective.split()
    forms = []
    for feminine in (False, True):
        for article in (True, False):
            out = []
            for w in words:
                w = w + "ة" if feminine else w
                out.append(w if article else w.removeprefix("ال"))
            forms.append(" ".join(out))
    return forms


# --- words around a name ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    form: str  # normalised, leading conjunction dropped
    conj: bool  # the word began with و/ف: a coordination, nothing before it belongs


def _words(tokens: Sequence[Token], offset: int) -> list[_Word | None]:
    """Words of ``tokens``; None marks punctuation and other breaks."""
    out: list[_Word | None] = []
    for token in tokens:
        if token.kind != "word":
            out.append(None)
            continue
        pieces = token.pieces
        conj = bool(pieces) and pieces[0].role == "conj"
        form = "".join(p.norm for p in pieces if p.role != "conj") if pieces else token.norm
        out.append(_Word(offset + token.start, offset + token.end, form, conj))
    return out


def find_roles(text: str, mentions: Sequence[Mention], date: str | None = None) -> dict[int, list[Role]]:
    """Roles stated next to each PER mention, keyed by the mention's index."""
    spans = sorted((m.start, m.end) for m in mentions)
    roles: dict[int, list[Role]] = {}
    for index, mention in enumerate(mentions):
        if mention.type != "PER":
            continue
        before = max([e for s, e in spans if e <= mention.start], default=0)
        after = min([s for s, e in spans if s >= mention.end], default=len(text))
        found = role_before(text, mention, before, date)
        appositive = role_after(text, mention, after, date)
        if appositive:
            found.append(appositive)
        if found:
            roles[index] = found
    return roles


def role_before(text: str, mention: Mention, lower: int = 0, date: str | None = None) -> list[Role]:
    """Title phrases right before ``mention`` (not reaching left of ``lower``).

    Of several titles the one nearest the name is read (in "خليفة حفتر وزير الدفاع
    الروسي سيرغي شويغو" the rank of the first name is not the second's); a bare rank
    right before the name ("المتحدث باسم الجيش الليبي اللواء أحمد المسماري") keeps the
    title before it as well.
    """
    lexicon = title_lexicon()
    start = max(lower, mention.start - WINDOW)
    words = _words(tokenize(text[start : mention.start]), start)
    phrase: list[_Word] = []
    for word in reversed(words):
        if word is None or word.form in lexicon.stops or len(phrase) >= MAX_PHRASE:
            break
        phrase.insert(0, word)
        if word.conj:
            break
    starts: list[int] = []
    i = 0
    while i < len(phrase):
        size = _title_size([w.form for w in phrase[i:]], lexicon)
        if size:
            starts.append(i)
            i += size
        else:
            i += 1
    if not starts:
        return []
    roles = [_read(text, phrase[starts[-1] :], date, lexicon)]
    last = roles[0]
    if len(starts) > 1 and last is not None and last.org is None and last.country is None:
        between = phrase[starts[-2] : starts[-1]]
        qualifier = between[_title_size([w.form for w in between], lexicon) :]
        if not any(_is_given_name(w.form) for w in qualifier):
            roles.insert(0, _read(text, between, date, lexicon))
    return [r for r in roles if r is not None]


def _title_size(forms: Sequence[str], lexicon: TitleLexicon) -> int:
    for size in range(min(lexicon.longest, len(forms)), 0, -1):
        if tuple(forms[:size]) in lexicon.titles:
            return size
    return 0


def _is_given_name(form: str) -> bool:
    from hadath.actors.names import parse_name  # names know the given-name lexicon

    name = parse_name(form)
    return bool(name) and (name.core[0].given or name.core[0].norm in _foreign_given())


@cache
def _foreign_given() -> frozenset[str]:
    from hadath.actors.lexicon import given_names

    return frozenset(_form(g.arabic) for g in given_names() if g.origin == "fo")


def role_after(text: str, mention: Mention, upper: int | None = None, date: str | None = None) -> Role | None:
    """An appositive title after ``mention``: "شويغو، وزير الدفاع الروسي،"."""
    lexicon = title_lexicon()
    end = min(upper if upper is not None else len(text), mention.end + WINDOW)
    tokens = tokenize(text[mention.end : end])
    if not tokens or tokens[0].norm != ",":
        return None
    phrase: list[_Word] = []
    for word in _words(tokens[1:], mention.end):
        if word is None or word.form in lexicon.stops or len(phrase) >= MAX_PHRASE or (phrase and word.conj):
            break
        phrase.append(word)
    return _read(text, phrase, date, lexicon)


def _read(text: str, words: Sequence[_Word], date: str | None, lexicon: TitleLexicon) -> Role | None:
    """A role when ``words`` open with a title; the rest qualifies it."""
    size = _title_size([w.form for w in words], lexicon)
    if not size:
        return None
    latin, sector = lexicon.titles[tuple(w.form for w in words[:size])]
    country, org_words = _country(list(words[size:]), lexicon)
    org = text[org_words[0].start : org_words[-1].end] if org_words else None
    if sector in _GENERIC_SECTORS:
        sector = next((lexicon.org_sectors[w.form] for w in org_words if w.form in lexicon.org_sectors), sector)
    return Role(
        title=text[words[0].start : words[size - 1].end],
        title_lat=latin,
        org=org,
        country=country,
        sector=sector,
        date=date,
        start=words[0].start,
        end=words[-1].end,
    )


def _country(words: list[_Word], lexicon: TitleLexicon) -> tuple[str | None, list[_Word]]:
    """The nationality among ``words`` (taken out) and the words left for the organisation."""
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            key = tuple(w.form for w in words[i : i + size])
            if key in lexicon.nationalities:
                left = words[:i] + words[i + size :]
                # A nationality closing the phrase is not part of the organisation.
                return lexicon.nationalities[key], left
    return _named_country(words), words


def _named_country(words: Sequence[_Word]) -> str | None:
    from hadath.actors.registry import default_registry  # the registry knows countries by name

    registry = default_registry()
    for word in words:
        form = word.form.removeprefix("ل") if word.form.startswith("ل") and len(word.form) > 4 else word.form
        for actor in registry.candidates(form, "LOC"):
            if actor.type == "LOC" and actor.sector == "state" and actor.country:
                return actor.country
    return None
