"""Reading episodes and storylines back: the export contract and the tables the CLI shows.

Episode ids are ``ep-<n>`` and storyline ids ``sl-<n>``; both are stable while
articles are added (a re-clustered episode keeps the id of the episode it overlaps
most) and reproducible after a rebuild.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast

from rich.table import Table

from hadath.link.episodes import episode_store
from hadath.store.base import Store


def episode_id(rowid: int) -> str:
    return f"ep-{rowid}"


def storyline_id(rowid: int) -> str:
    return f"sl-{rowid}"


def _events_by_episode(store: Store) -> dict[int, list[str]]:
    """Event ids of each episode's articles, when the store holds deduplicated events.

    Events come from the events linker; the store answers ``article_events(rowids)``
    with event ids by article rowid.  Without it, episodes list no events.
    """
    lookup = getattr(store, "article_events", None)
    if not callable(lookup):
        return {}
    members = episode_store(store).episode_article_rowids()
    events = cast(dict[int, list[str]], lookup(sorted(r for rows in members.values() for r in rows)))
    found: dict[int, list[str]] = {}
    for episode, rowids in members.items():
        seen = dict.fromkeys(e for r in rowids for e in events.get(r, ()))
        if seen:
            found[episode] = list(seen)
    return found


def iter_episode_json(store: Store) -> Iterator[dict[str, Any]]:
    """``{id, label, label_lat, start, end, articles[], events[], actors[], storyline}`` per episode."""
    tables = episode_store(store)
    articles = tables.episode_article_ids()
    actors = tables.episode_actor_ids()
    events = _events_by_episode(store)
    for row in tables.iter_episodes():
        yield {
            "id": episode_id(row.rowid), "label": row.label_ar, "label_lat": row.label_lat,
            "start": row.start, "end": row.end, "articles": articles.get(row.rowid, []),
            "events": events.get(row.rowid, []), "actors": actors.get(row.rowid, []),
            "storyline": storyline_id(row.storyline) if row.storyline is not None else None,
        }


def iter_storyline_json(store: Store) -> Iterator[dict[str, Any]]:
    """``{id, label, label_lat, start, end, episodes[], articles[], actors[]}`` per storyline."""
    tables = episode_store(store)
    episodes = tables.storyline_episodes()
    articles = tables.episode_article_ids()
    actors = tables.episode_actor_ids()
    for row in tables.iter_storylines():
        members = episodes.get(row.rowid, [])
        counts: dict[str, int] = {}
        for episode in members:
            for rank, actor in enumerate(actors.get(episode, [])):
                counts[actor] = counts.get(actor, 0) + max(1, 5 - rank)  # an episode's main actors weigh more
        yield {
            "id": storyline_id(row.rowid), "label": row.label_ar, "label_lat": row.label_lat,
            "start": row.start, "end": row.end, "episodes": [episode_id(e) for e in members],
            "articles": [a for e in members for a in articles.get(e, [])],
            "actors": sorted(counts, key=lambda a: (-counts[a], a)),
        }


def article_links(store: Store) -> dict[str, tuple[str, str | None]]:
    """(episode id, storyline id) by article id, for the articles in an episode."""
    return {
        article: (episode_id(episode), storyline_id(storyline) if storyline is not None else None)
        for article, (episode, storyline) in episode_store(store).article_episodes().items()
    }


def format_episodes_table(episodes: Sequence[dict[str, Any]], latin: bool = False) -> Table:
    """Rows of ``iter_episode_json`` as a table (``hadath episodes``)."""
    table = Table(title=f"{len(episodes)} episodes")
    for name in ("id", "dates", "articles", "label"):
        table.add_column(name, justify="right" if name == "articles" else "left")
    for episode in episodes:
        dates = episode["start"] if episode["start"] == episode["end"] else f"{episode['start']} – {episode['end']}"
        table.add_row(episode["id"], dates or "", str(len(episode["articles"])),
                      episode["label_lat"] if latin else episode["label"])
    return table


def format_storylines_table(storylines: Sequence[dict[str, Any]], latin: bool = False) -> Table:
    """Rows of ``iter_storyline_json`` as a table (``hadath storylines``)."""
    table = Table(title=f"{len(storylines)} storylines")
    for name in ("id", "from", "to", "episodes", "articles", "label"):
        table.add_column(name, justify="right" if name in ("episodes", "articles") else "left")
    for storyline in storylines:
        table.add_row(storyline["id"], storyline["start"] or "", storyline["end"] or "",
                      str(len(storyline["episodes"])), str(len(storyline["articles"])),
                      storyline["label_lat"] if latin else storyline["label"])
    return table
