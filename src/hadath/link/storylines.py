"""The storylines linker: episodes chained over months by their core actors and topic.

An episode's *core* is the strongest terms of its centroid (resolved actors among
them when the actors linker ran).  A storyline keeps a *profile*, the sum of its
episodes' cores cut to its strongest keys, and is indexed under its top keys.  An
episode the episodes linker created or changed (marked dirty) leaves its old
storyline and joins one whose strongest keys include at least ``SHARED_KEYS`` of its
own (the most similar such storyline), or starts one: sharing a few top keys (حفتر,
موسكو, ليبيا) is what "the same long-running topic" means here, where a cosine over
all keys would let each episode's own details drown it.  Candidates come from the
key index, the most recently active storylines per key, so the cost does not grow
with the store; there is no time window, since a storyline is meant to span years
("Haftar and Russia", 2016–2023).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence

from hadath.link import features, labels, linker
from hadath.link.features import term_key
from hadath.store.base import Processed, Store
from hadath.store.episode_tables import EpisodeRow, SQLiteEpisodeTables, StorylineRow
from hadath.text.normalise import normalise

LOOKUP_KEYS = 6  # an episode's strongest keys, which it looks storylines up by ...
INDEX_KEYS = 8  # ... and a storyline's, which it is filed under;
SHARED_KEYS = 2  # an episode joins a storyline sharing this many of them (the most similar one)
PER_KEY = 25  # most recently active storylines read per key
PROFILE_KEYS = 40
LABEL_NAMES = 2


@linker("storylines")
def link_storylines(store: Store, batch: Sequence[Processed]) -> None:
    if not batch or not isinstance(store, SQLiteEpisodeTables):
        return  # the episodes linker has already said this store cannot hold episodes
    with store.episode_transaction():
        update_storylines(store)


def update_storylines(store: SQLiteEpisodeTables) -> int:
    """Place every dirty episode in a storyline; returns how many were placed."""
    dirty = store.dirty_episodes()
    for episode in dirty:
        if episode.storyline is not None:
            detach_episode(store, episode)
        _place(store, episode)
    return len(dirty)


def _profile(text: str) -> tuple[dict[str, float], dict[str, str]]:
    if not text:
        return {}, {}
    data = json.loads(text)
    return dict(data["weights"]), dict(data["names"])


def _dump(weights: Mapping[str, float], names: Mapping[str, str]) -> str:
    top = dict(sorted(weights.items(), key=lambda p: (-p[1], p[0]))[:PROFILE_KEYS])
    return json.dumps({"weights": {k: round(w, 4) for k, w in top.items()},
                       "names": {k: v for k, v in names.items() if k in top}}, ensure_ascii=False)


def _top(weights: Mapping[str, float], count: int) -> list[str]:
    return sorted(weights, key=lambda k: (-weights[k], k))[:count]



def detach_episode(store: SQLiteEpisodeTables, episode: EpisodeRow) -> None:
    """Take ``episode`` (about to change or be deleted) out of its storyline."""
    if episode.storyline is None:
        return
    store.assign_storyline_none(episode.rowid)
    found = store.storylines_by_rowid([episode.storyline])
    if not found:
        return
    row = found[0]
    if row.episodes <= 1:
        store.delete_storyline(row.rowid)
        return
    weights, names = _profile(row.profile)
    for key, weight in features.decode(episode.assigned).items():
        left = weights.get(key, 0.0) - weight
        if left > 1e-6:
            weights[key] = left
        else:
            weights.pop(key, None)
    # The span is kept: shrinking it would mean reading every episode of a long storyline.
    _save(store, StorylineRow(row.rowid, row.start, row.end, row.last_day, row.episodes - 1, row.label_ar,
                              row.label_lat, _dump(weights, names)), weights, names)


def _place(store: SQLiteEpisodeTables, episode: EpisodeRow) -> None:
    core = features.decode(episode.core)
    day = features.day_number(episode.end) or 0
    # A storyline is filed under its INDEX_KEYS strongest keys, so the lookups count the keys shared.
    hits = store.storylines_with_keys(_top(core, LOOKUP_KEYS), PER_KEY)
    best: tuple[int, float, StorylineRow] | None = None
    for row in store.storylines_by_rowid(sorted(s for s, n in hits.items() if n >= SHARED_KEYS)):
        weights, _ = _profile(row.profile)
        norm = sum(w * w for w in weights.values()) ** 0.5 or 1.0
        score = (hits[row.rowid], features.cosine(core, weights) / norm)
        if best is None or score > best[:2]:
            best = (*score, row)
    if best is None:
        row = StorylineRow(store.new_storyline(day), episode.start, episode.end, day, 0, "", "", "")
    else:
        row = best[2]
    weights, names = _profile(row.profile)
    total = Counter(weights)
    total.update(core)
    written = labels.display_forms(episode.label_ar)
    for key in core:
        if key not in names and (name := _display(store, key, written)):
            names[key] = name
    start = min(filter(None, (row.start, episode.start)), default=None)
    end = max(filter(None, (row.end, episode.end)), default=None)
    updated = StorylineRow(row.rowid, start, end, max(row.last_day, day), row.episodes + 1, row.label_ar,
                           row.label_lat, "")
    _save(store, updated, dict(total), names)
    store.assign_storyline(episode.rowid, row.rowid, episode.core)


def _display(store: SQLiteEpisodeTables, key: str, written: Mapping[str, str]) -> str | None:
    """An actor's names, or the word as the episode's headline writes it ("Arabic|Latin")."""
    if features.is_actor_key(key):
        found = store.actor_names([key[1:]])
        if key[1:] in found:
            arabic, latin = found[key[1:]]
            return f"{arabic}|{latin or ''}"
        return None
    if key.startswith(("@", "!")):
        return None
    form = written.get(key)
    return f"{form}|" if form else None


def _save(
    store: SQLiteEpisodeTables, row: StorylineRow, weights: Mapping[str, float], names: Mapping[str, str]
) -> None:
    chosen: list[str] = []
    seen: set[str] = set()
    top = _top(weights, PROFILE_KEYS)
    # Actors name a storyline best (and read in either script), registry actors first; words fill in after.
    for key in sorted(top, key=lambda k: (not features.is_actor_key(k), "/" in k)):
        if key not in names:
            continue
        # One name once: الغوطة the place and غوطة the word, or بوتين beside فلاديمير بوتين.
        words = {term_key(w.removeprefix("ال")) for w in normalise(names[key].split("|", 1)[0]).split()}
        if any(w.startswith(o) or o.startswith(w) for w in words for o in seen):
            continue  # إسرائيل and إسرائيلية: one name too
        chosen.append(key)
        seen |= words
    shown = [names[k] for k in chosen[:LABEL_NAMES]]
    pairs = [(n.split("|", 1)[0], n.split("|", 1)[1] or None) for n in shown]
    label_ar, label_lat = labels.storyline_labels(pairs, row.start, row.end)
    final = StorylineRow(row.rowid, row.start, row.end, row.last_day, row.episodes, label_ar, label_lat,
                         _dump(weights, names))
    store.set_storyline(final, _top(weights, INDEX_KEYS))
