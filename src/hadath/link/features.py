"""What episode linking compares: weighted terms of an article and its event days.

Terms are the matching forms (normalised, clitic-split stems, DESIGN.md) folded once
more, so that the spellings one foreign word gets in the press share a term: بوتين and
بوتن, أمريكي and أميركي, شويغو and شويجو.  Resolved actors and mention names ("@per/…",
"@name") and events ("!event-id"), when earlier stages provide them, are parts of the
vector with their own share of the cosine (``combine``), so linking degrades to text
alone when they are missing.

A vector is TF-IDF over title (counted several times), lead and body, cut to its
strongest terms and L2-normalised; IDF comes from document frequencies the store keeps
up to date per batch.  Event days are the publication day plus, when a timex in the
lead names an earlier day, that day: a report of an old event can then join it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from hadath.link.background import Background
from hadath.text.normalise import normalise

TITLE_WEIGHT = 3  # a title word counts as much as three body occurrences
LEAD_TOKENS = 60  # the lead (first words of the body) is counted twice
ACTOR_SHARE = 0.05  # weight of shared actors and names beside the text (tuned on episodes_dev)
# Similarity a shared event adds to a pair, on top of their cosine (not a share of the
# unit vector: most events are one article's own, and a share only dilutes the text).
# Measured on episodes_dev, whole ANT, all stages, relinked: F1 0.902 with no bonus,
# 0.900 at 0.03, 0.896 at 0.1, 0.887 at 0.2 (firm events only: happened, with source,
# target and a date read in the text).  With today's argument extraction a shared event
# joins more wrong pairs than right ones, so it is off; the path stays for better events.
EVENT_BONUS = 0.0
VECTOR_TERMS = 40  # terms kept per article: its strongest carry the event
MAX_DF_SHARE = 0.2  # terms in more than this share of articles are stop words here ...
MIN_DOCS_FOR_STOPWORDS = 2000  # ... once there are enough articles for one story not to be a fifth of them
# IDF counts imaginary articles besides the store's: a young store (or one flooded by
# a single story) then does not call the story's own words stop words.  With a
# background table (link/background.py) they use words as its corpus does; without
# one, they use none of them and words weigh almost evenly.
PRIOR_DOCS = 5000
PRIOR_DOCS_WITHOUT_BACKGROUND = 1000
INDEX_TERMS = 12  # strongest terms an article is indexed (and looked up) under
LEAD_CHARS = 200  # a timex this early in the text dates the reported event
MAX_LOOKBACK_DAYS = 31  # an earlier event day named in the lead, at most this far back
MIN_LOOKBACK_DAYS = 2  # "yesterday" stays with today's coverage of the same story
SECONDARY_DAY_COST = 1

# Transliteration classes (DESIGN.md): one letter for g (غ ج ق ك), v (ڤ ف), t (ط ت), s (ث س).
_FOLD = str.maketrans({"غ": "ك", "ج": "ك", "ق": "ك", "گ": "ك", "ڤ": "ف", "ط": "ت", "ث": "س",
                       "ؤ": "و", "ئ": "ي", "ء": None})
_ARABIC_ONLY = frozenset("حعصضظذ")  # letters a transliteration never uses
_LONG_VOWELS = frozenset("اوي")
_DOUBLES_RE = re.compile(r"(.)\1+")
_ARABIC_RE = re.compile(r"^[\u0621-\u064a]+$")


@lru_cache(maxsize=300_000)
def term_key(form: str) -> str:
    """The link term of one matching form.

    Words with a letter no transliteration uses keep their form; others fold the
    transliteration classes, collapse doubled letters and drop inner long vowels when
    three letters remain, the same classes actor names use (DESIGN.md).
    """
    if not _ARABIC_RE.match(form) or any(c in _ARABIC_ONLY for c in form):
        return form
    folded = _DOUBLES_RE.sub(r"\1", form.translate(_FOLD))
    if not folded:
        return form
    skeleton = folded[0] + "".join(c for c in folded[1:] if c not in _LONG_VOWELS)
    return skeleton if len(skeleton) >= 3 else folded


def _terms(forms: str) -> list[str]:
    return [term_key(f) for f in forms.split() if len(f) > 1]


def term_counts(title_forms: str, body_forms: str) -> Counter[str]:
    """Weighted occurrences of the link terms of one article."""
    body = _terms(body_forms)
    counts = Counter(body)
    counts.update(body[:LEAD_TOKENS])
    for term in _terms(title_forms):
        counts[term] += TITLE_WEIGHT
    return counts


def entity_keys(text: str, mentions: Iterable[tuple[int, int, str, str | None]]) -> set[str]:
    """"@actor-id" of resolved mentions, "@name" (its folded words) of the others."""
    keys: set[str] = set()
    for start, end, _kind, actor in mentions:
        if actor:
            keys.add("@" + actor)
        else:
            words = [term_key(w) for w in normalise(text[start:end]).split() if len(w) > 1]
            if words:
                keys.add("@" + "_".join(words))
    return keys


def is_actor_key(key: str) -> bool:
    """"@<actor id>" (ids are ASCII: khalifa-haftar, per/…), not "@<folded Arabic name>"."""
    return key.startswith("@") and key[1:].isascii()


def event_keys(events: Iterable[str]) -> set[str]:
    return {"!" + e for e in events}


def key_vector(keys: Iterable[str], df: Mapping[str, int], docs: int) -> dict[str, float]:
    """IDF of each key (an actor, a name, an event), L2-normalised: a rare one shared says more."""
    total = max(docs, 0) + PRIOR_DOCS_WITHOUT_BACKGROUND
    weights = {k: math.log(total / max(df.get(k, 0), 1)) for k in keys}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {k: w / norm for k, w in weights.items() if w > 0}


def combine(text: Mapping[str, float], actors: Mapping[str, float], events: Iterable[str]) -> dict[str, float]:
    """The article's vector: text and actors as one unit vector, events on top of it.

    Dot products weigh the text and actor cosines by their shares; an actor-less article
    leaves the share to the text, so a text-only store links as before.  Actors are a
    minority voice: the articles of one long story share them, and it is the text that
    tells its happenings apart.  Each event adds ``EVENT_BONUS`` to the similarity of two
    articles reporting it (the events linker deduplicated them into one action), and
    nothing to any other pair, since a key no other article has takes nothing from them.
    """
    share = ACTOR_SHARE if actors else 0.0
    vector = {t: w * math.sqrt(1 - share) for t, w in text.items()}
    vector.update({k: w * math.sqrt(share) for k, w in actors.items()})
    if EVENT_BONUS > 0:
        vector.update(dict.fromkeys(events, math.sqrt(EVENT_BONUS)))
    return vector


def weigh(
    counts: Mapping[str, int], df: Mapping[str, int], docs: int, background: Background | None = None
) -> dict[str, float]:
    """TF-IDF of the strongest ``VECTOR_TERMS`` terms, L2-normalised.

    ``df`` and ``docs`` are the store's document frequencies and article count; the
    prior adds imaginary articles, distributed as in ``background`` when there is one.
    """
    prior = PRIOR_DOCS if background else PRIOR_DOCS_WITHOUT_BACKGROUND
    total = max(docs, 0) + prior
    stop_words = background is not None or docs >= MIN_DOCS_FOR_STOPWORDS
    weights: list[tuple[float, str]] = []
    for term, count in counts.items():
        frequency = max(df.get(term, 0) + (prior * background.share(term) if background else 0.0), 1.0)
        if stop_words and frequency > MAX_DF_SHARE * total:
            continue
        weights.append(((1 + math.log(count)) * math.log(total / frequency), term))
    weights.sort(key=lambda p: (-p[0], p[1]))
    top = weights[:VECTOR_TERMS]
    norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
    return {term: w / norm for w, term in top}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def index_terms(vector: Mapping[str, float]) -> list[str]:
    """The terms an article is filed (and looked up) under: its strongest ones, and its events."""
    terms = sorted((t for t in vector if not t.startswith("!")), key=lambda t: (-vector[t], t))[:INDEX_TERMS]
    return terms + sorted(t for t in vector if t.startswith("!"))


def encode(vector: Mapping[str, float]) -> str:
    return " ".join(f"{t}:{w:.4f}" for t, w in sorted(vector.items(), key=lambda p: (-p[1], p[0])))


def decode(text: str) -> dict[str, float]:
    vector: dict[str, float] = {}
    for item in text.split():
        term, _, weight = item.rpartition(":")
        vector[term] = float(weight)
    return vector


# --- days ------------------------------------------------------------------------


def day_number(value: str | None) -> int | None:
    """Proleptic ordinal of a YYYY-MM-DD value; None for coarser or missing values."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def day_text(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def event_days(published: str | None, timexes: Sequence[tuple[int, str, str | None]]) -> tuple[int, ...]:
    """Publication day, then earlier days a timex in the lead names (start, type, value).

    An article without a publication day is dated by its first day-precise timex, or
    not at all: dates are never invented (DESIGN.md).
    """
    day = day_number(published)
    named = sorted((start, d) for start, kind, value in timexes
                   if kind == "DATE" and value and len(value) == 10 and (d := day_number(value)) is not None)
    if day is None:
        return (named[0][1],) if named else ()
    earlier = {d for start, d in named
               if start < LEAD_CHARS and day - MAX_LOOKBACK_DAYS <= d <= day - MIN_LOOKBACK_DAYS}
    return (day, *sorted(earlier))


def day_distance(a: Sequence[int], b: Sequence[int]) -> int:
    """Days between two articles' event days (publication day first, as ``event_days`` gives them).

    A day a lead names counts one day further than it is: it places the article near
    that happening, but less surely than its own date does.
    """
    nearest = abs(a[0] - b[0])
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if i or j:
                nearest = min(nearest, abs(x - y) + SECONDARY_DAY_COST)
    return nearest
