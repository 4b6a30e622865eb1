"""The episodes linker: articles about one happening, clustered as they arrive.

Each article gets a vector (link/features.py: TF-IDF over its folded stems, plus
resolved actors, mention names and events when earlier stages provide them) and its
event days.  A batch is linked by re-clustering its *region*: the new articles, the
stored articles filed under one of their strongest terms within ``WINDOW_DAYS`` of one
of their days (an indexed lookup, never a scan), and every article of those
articles' episodes.  The region is clustered by average link on

    similarity = cosine − DAY_PENALTY × (days between the two articles' event days)

so two reports of one visit join while two visits months apart never can, and a
report a day later must say more in common to join.  The clusters then take over the
ids of the episodes they overlap most; episodes left without articles are deleted.
The cost of a batch depends on how many articles share its days and terms, not on
the size of the store.

Near-duplicates (``duplicate_of``) always join their original's episode.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from hadath.errors import StoreError
from hadath.link import features, labels, linker
from hadath.link.background import default_background
from hadath.link.cluster import average_link
from hadath.store.base import Processed, Store
from hadath.store.episode_tables import LinkedArticle, LinkInput, SQLiteEpisodeTables

WINDOW_DAYS = 3  # articles further apart than this are never compared
DAY_PENALTY = 0.1  # similarity lost per day between two articles' event days
JOIN_THRESHOLD = 0.09  # average similarity at which clusters merge (tuned on episodes_dev, 0.08-0.11)
EDGE_FLOOR = 0.03  # weaker pairs count as unrelated
SAME_REPORT = 0.8  # pairs this similar are one report told twice (or updated)
CORE_TERMS = 12  # terms of an episode's centroid kept for storylines ...
CORE_ACTORS = 3  # ... and its strongest resolved actors, whatever their rank
MAIN_ACTORS = 2  # actors named in an episode label
REBUILD_BATCH = 512

MentionRow = tuple[int, int, str, str | None]
TimexRow = tuple[int, str, str | None]


@dataclass(frozen=True, slots=True)
class LinkItem:
    """What linking needs of one article, from a fresh batch or from the store."""

    rowid: int
    id: str
    published: str | None
    duplicate_of: str | None
    title_forms: str
    body_forms: str
    text: str = ""
    mentions: tuple[MentionRow, ...] = ()
    timexes: tuple[TimexRow, ...] = ()
    events: tuple[str, ...] = ()


@dataclass
class LinkStats:
    articles: int = 0
    undated: int = 0
    regions: int = 0
    region_articles: int = 0  # articles re-clustered, summed over batches
    candidates: int = 0  # index hits, summed over articles
    episodes_written: int = 0
    episodes_deleted: int = 0
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def add(self, other: LinkStats) -> None:
        for name in ("articles", "undated", "regions", "region_articles", "candidates", "episodes_written",
                     "episodes_deleted", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "undated": self.undated, "regions": self.regions,
            "region_articles": self.region_articles, "candidates": self.candidates,
            "episodes_written": self.episodes_written, "episodes_deleted": self.episodes_deleted,
            "seconds": round(self.seconds, 2), **self.extra,
        }


def episode_store(store: Store) -> SQLiteEpisodeTables:
    if not isinstance(store, SQLiteEpisodeTables):
        raise StoreError(f"{store.location}: this store cannot hold episodes")
    return store


@linker("episodes")
def link_episodes(store: Store, batch: Sequence[Processed]) -> None:
    if not batch:
        return
    tables = episode_store(store)
    with tables.episode_transaction():
        rowids = tables.article_rowids([p.article.id for p in batch])
        items = _items_from_batch(tables, batch, rowids)
        link_items(tables, items)


def relink_episodes(store: Store, batch_size: int = REBUILD_BATCH,
                    on_batch: Callable[[LinkStats], None] | None = None) -> dict[str, Any]:
    """Forget every episode and storyline and link the stored articles again, in publication order.

    Tuning needs no re-ingest: this reads what ingest stored (the matching forms,
    mentions with their actors, timexes) and links it batch by batch, as ingest would.
    """
    from hadath.link.storylines import update_storylines

    tables = episode_store(store)
    started = time.perf_counter()
    with tables.episode_transaction():
        tables.clear_links()
    total = LinkStats()
    for inputs in tables.iter_link_inputs(batch_size):
        with tables.episode_transaction():
            stats = link_items(tables, _items_from_store(tables, inputs))
            update_storylines(tables)
        total.add(stats)
        if on_batch:
            on_batch(total)
    total.seconds = time.perf_counter() - started
    return total.to_json()


# --- inputs --------------------------------------------------------------------------


def _article_events(store: SQLiteEpisodeTables, rowids: Sequence[int]) -> dict[int, list[str]]:
    """Event ids by article rowid, when the store holds deduplicated events.

    Events are linked by another linker; a store without them links episodes on
    text, actors and dates alone.  While events weigh nothing (``EVENT_BONUS`` 0) they
    are not read at all.
    """
    lookup = getattr(store, "article_events", None)
    if not callable(lookup) or not rowids or features.EVENT_BONUS <= 0:
        return {}
    return cast(dict[int, list[str]], lookup(list(rowids), firm_only=True))


def _items_from_batch(store: SQLiteEpisodeTables, batch: Sequence[Processed], rowids: dict[str, int]) -> list[LinkItem]:
    stored = [p for p in batch if p.article.id in rowids]
    with_mentions = [rowids[p.article.id] for p in stored if p.mentions]
    # The actors linker has just resolved the batch's mentions in the store.
    mentions = store.article_mentions(with_mentions) if with_mentions else {}
    events = _article_events(store, [rowids[p.article.id] for p in stored])
    items = []
    for p in stored:
        rowid = rowids[p.article.id]
        items.append(LinkItem(
            rowid, p.article.id, p.article.published.value, p.duplicate_of, p.title_forms, p.body_forms,
            p.article.text, tuple(mentions.get(rowid, ())),
            tuple((t.start, t.type, t.resolved or t.value) for t in p.timexes),
            tuple(events.get(rowid, ())),
        ))
    return items


def _items_from_store(store: SQLiteEpisodeTables, inputs: Sequence[LinkInput]) -> list[LinkItem]:
    rowids = [i.rowid for i in inputs]
    mentions = store.article_mentions(rowids)
    timexes = store.article_timexes(rowids)
    texts = store.article_texts(list(mentions)) if mentions else {}
    events = _article_events(store, rowids)
    return [
        LinkItem(i.rowid, i.id, i.published, i.duplicate_of, i.title_forms, i.body_forms,
                 texts.get(i.rowid, ("", ""))[1], tuple(mentions.get(i.rowid, ())), tuple(timexes.get(i.rowid, ())),
                 tuple(events.get(i.rowid, ())))
        for i in inputs
    ]


# --- linking -------------------------------------------------------------------------


def link_items(store: SQLiteEpisodeTables, items: Sequence[LinkItem]) -> LinkStats:
    """Vectorise and index ``items`` (already stored articles), then re-cluster their region."""
    started = time.perf_counter()
    stats = LinkStats(articles=len(items))
    counts = {item.rowid: features.term_counts(item.title_forms, item.body_forms) for item in items}
    actors = {item.rowid: features.entity_keys(item.text, item.mentions) for item in items}
    events = {item.rowid: features.event_keys(item.events) for item in items}
    document_frequencies: Counter[str] = Counter()
    for item in items:
        if item.duplicate_of is None:  # a copy is not one more document using these words
            document_frequencies.update(counts[item.rowid].keys())
            document_frequencies.update(actors[item.rowid])  # events add a fixed bonus: no IDF
    store.add_document_frequencies(sorted(document_frequencies.items()))
    store.add_linked_count(sum(1 for item in items if item.duplicate_of is None))
    docs = store.linked_count()
    keys = {t for c in counts.values() for t in c}.union(*actors.values())
    df = store.document_frequencies(sorted(keys))
    originals = store.article_rowids(sorted({i.duplicate_of for i in items if i.duplicate_of}))
    background = default_background()

    fresh: list[tuple[LinkItem, tuple[int, ...], dict[str, float]]] = []
    rows: list[tuple[int, str, int | None, str]] = []
    terms: list[tuple[str, int, int]] = []
    for item in items:
        days = features.event_days(item.published, item.timexes)
        if not days:
            stats.undated += 1  # never placed in time, so never in an episode
            continue
        vector = features.combine(features.weigh(counts[item.rowid], df, docs, background),
                                  features.key_vector(actors[item.rowid], df, docs),
                                  sorted(events[item.rowid]))
        original = originals.get(item.duplicate_of) if item.duplicate_of else None
        rows.append((item.rowid, " ".join(map(str, days)), original, features.encode(vector)))
        terms.extend((t, d, item.rowid) for d in days for t in features.index_terms(vector))
        fresh.append((item, days, vector))
    store.add_linked_articles(rows)
    store.add_link_terms(terms)
    if fresh:
        _recluster(store, fresh, stats)
    stats.seconds = time.perf_counter() - started
    return stats


def _region(store: SQLiteEpisodeTables, fresh: Sequence[tuple[LinkItem, tuple[int, ...], dict[str, float]]],
            stats: LinkStats) -> list[LinkedArticle]:
    """The new articles, their indexed neighbours, and every article of those articles' episodes."""
    region: set[int] = set()
    keys_by_day: dict[int, set[str]] = {}
    for item, days, vector in fresh:
        region.add(item.rowid)
        for day in days:
            keys_by_day.setdefault(day, set()).update(features.index_terms(vector))
    # One lookup per day of the batch: the union of its articles' neighbours, which is
    # the region article by article lookups would give, without repeating a burst's hits.
    for day, keys in sorted(keys_by_day.items()):
        found = store.articles_with_terms(sorted(keys), day - WINDOW_DAYS, day + WINDOW_DAYS)
        stats.candidates += len(found)
        region |= found
    linked = store.linked_articles(sorted(region))
    originals = {a.original for a in linked if a.original is not None} - region
    linked += store.linked_articles(sorted(originals))
    episodes = sorted({a.episode for a in linked if a.episode is not None})
    members = store.episode_members(episodes)
    extra = {r for rows in members.values() for r in rows} - {a.rowid for a in linked}
    linked += store.linked_articles(sorted(extra))
    return sorted(linked, key=lambda a: a.rowid)


def _recluster(store: SQLiteEpisodeTables, fresh: Sequence[tuple[LinkItem, tuple[int, ...], dict[str, float]]],
               stats: LinkStats) -> None:
    region = _region(store, fresh, stats)
    stats.regions += 1
    stats.region_articles += len(region)
    vectors = [features.decode(a.vector) for a in region]
    edges = similarity_edges(vectors, [a.days for a in region])
    index = {a.rowid: i for i, a in enumerate(region)}
    groups = [[index[a.original], i] for i, a in enumerate(region) if a.original is not None and a.original in index]
    # Near-identical reports are one report: grouping them first keeps a burst of copies
    # from making the clustering quadratic in the burst.
    groups.extend([i, j] for (i, j), score in edges.items() if score >= SAME_REPORT)
    labels_of = average_link(len(region), edges, JOIN_THRESHOLD, groups)
    clusters: dict[int, list[int]] = {}
    for i, label in enumerate(labels_of):
        clusters.setdefault(label, []).append(i)
    _write_clusters(store, region, vectors, list(clusters.values()), stats)


def similarity_edges(
    vectors: Sequence[dict[str, float]], days: Sequence[Sequence[int]]
) -> dict[tuple[int, int], float]:
    """(i, j) → cosine − DAY_PENALTY × day distance, for pairs within ``WINDOW_DAYS`` above the floor."""
    import numpy as np
    from scipy import sparse  # scikit-learn's own dependency; sparse products keep a region fast

    vocabulary: dict[str, int] = {}
    rows, cols, data = [], [], []
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            data.append(weight)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(vectors), max(len(vocabulary), 1)))
    product = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    first = np.array([d[0] for d in days], dtype=np.int64)
    keep = product.data > EDGE_FLOOR
    left, right, cosines = product.row[keep], product.col[keep], product.data[keep]
    distance = np.abs(first[left] - first[right])
    several = np.array([len(d) > 1 for d in days], dtype=bool)
    edges: dict[tuple[int, int], float] = {}
    for i, j, cos, apart, other in zip(left.tolist(), right.tolist(), cosines.tolist(), distance.tolist(),
                                       (several[left] | several[right]).tolist(), strict=True):
        if other:  # an article also dated by a timex: the nearest pair of days counts
            apart = features.day_distance(days[i], days[j])
        score = cos - DAY_PENALTY * apart
        if apart <= WINDOW_DAYS and score > EDGE_FLOOR:
            edges[(i, j)] = score
    return edges


def _write_clusters(store: SQLiteEpisodeTables, region: Sequence[LinkedArticle],
                    vectors: Sequence[dict[str, float]], clusters: list[list[int]], stats: LinkStats) -> None:
    """Give each cluster the id of the old episode it overlaps most; write the changed ones."""
    from hadath.link.storylines import detach_episode

    overlaps: list[tuple[int, int, int]] = []  # (-overlap, cluster, old episode)
    for c, members in enumerate(clusters):
        olds = Counter(e for i in members if (e := region[i].episode) is not None)
        overlaps.extend((-n, c, episode) for episode, n in olds.items())
    owner: dict[int, int] = {}
    taken: set[int] = set()
    for _, c, episode in sorted(overlaps):
        if c not in owner and episode not in taken:
            owner[c] = episode
            taken.add(episode)
    old_members: dict[int, set[int]] = {}
    for a in region:
        if a.episode is not None:
            old_members.setdefault(a.episode, set()).add(a.rowid)
    gone = sorted(set(old_members) - taken)
    for c, members in enumerate(clusters):
        rowids = {region[i].rowid for i in members}
        kept = owner.get(c)
        if kept is not None and old_members.get(kept) == rowids:
            continue  # unchanged: keeps its label and storyline
        episode = kept if kept is not None else store.new_episode(None)
        _write_episode(store, episode, [region[i] for i in members], [vectors[i] for i in members])
        stats.episodes_written += 1
    if gone:
        for row in store.episodes_by_rowid(gone):
            detach_episode(store, row)
        store.delete_episodes(gone)
        stats.episodes_deleted += len(gone)


def centroid(vectors: Iterable[dict[str, float]]) -> dict[str, float]:
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    norm = sum(w * w for w in total.values()) ** 0.5 or 1.0
    return {t: w / norm for t, w in total.items()}


def _write_episode(store: SQLiteEpisodeTables, episode: int, members: Sequence[LinkedArticle],
                   vectors: Sequence[dict[str, float]]) -> None:
    middle = sorted(a.days[0] for a in members)[len(members) // 2]
    # Each article's event day nearest the episode's middle: a late report of the
    # happening does not stretch its span.
    days = [min(a.days, key=lambda d: (abs(d - middle), d)) for a in members]
    start, end = features.day_text(min(days)), features.day_text(max(days))
    center = centroid(vectors)
    central = max(range(len(members)), key=lambda i: (features.cosine(vectors[i], center), -members[i].rowid))
    rowid = members[central].rowid
    title = store.article_titles([rowid]).get(rowid, ("", ""))[1]
    lead = "" if title.strip() else store.article_leads([rowid], 400).get(rowid, "")
    actors = [(ar, lat) for _, ar, lat in store.main_actors([a.rowid for a in members], MAIN_ACTORS)]
    label_ar, label_lat = labels.episode_labels(title, lead, actors, start, end)
    # Events are one happening's own: they tie reports into an episode, never episodes into a storyline.
    ranked = sorted(((k, w) for k, w in center.items() if not k.startswith("!")), key=lambda p: (-p[1], p[0]))
    # The main resolved actors always belong to the core: storylines are chained by them.
    core = dict(ranked[:CORE_TERMS] + [p for p in ranked if features.is_actor_key(p[0])][:CORE_ACTORS])
    store.set_episode(episode, start, end, len(members), label_ar, label_lat, features.encode(core))
    store.set_article_episodes((episode, a.rowid) for a in members)
