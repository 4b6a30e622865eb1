"""The output contract (DESIGN.md): one JSON object a line per file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hadath.actors.query import iter_actor_json
from hadath.link.event_query import EventFilter, iter_event_json
from hadath.link.query import article_links, iter_episode_json, iter_storyline_json
from hadath.model import Article, EventMention, Mention, Timex
from hadath.store import Store

EXPORT_FILES = (
    "articles.jsonl", "actors.jsonl", "mentions.jsonl", "timexes.jsonl",
    "events.jsonl", "episodes.jsonl", "storylines.jsonl",
)


def mention_json(article: Article, mention: Mention) -> dict[str, Any]:
    return {
        "article": article.id, "start": mention.start, "end": mention.end,
        "text": article.text[mention.start : mention.end], "type": mention.type, "actor": mention.actor,
    }


def timex_json(article: Article, timex: Timex) -> dict[str, Any]:
    return {
        "article": article.id, "start": timex.start, "end": timex.end,
        "text": article.text[timex.start : timex.end], "type": timex.type,
        "value": timex.value, "resolved": timex.resolved, "anchor": timex.anchor,
    }


def event_mention_json(article: Article, event: EventMention) -> dict[str, Any]:
    def span(value: Any) -> dict[str, Any]:  # a Span: offsets plus the text they cover
        return {"start": value.start, "end": value.end, "text": article.text[value.start : value.end]}

    return {
        "type": event.type, "mode": event.mode, "date": event.date.to_json(),
        "sources": [span(s) for s in event.sources], "targets": [span(t) for t in event.targets],
        "place": span(event.place) if event.place is not None else None,
        "trigger": span(event.trigger), "sentence": span(event.sentence),
        "negated": event.negated, "future": event.future, "hypothetical": event.hypothetical,
        "reported": event.reported, "happened": event.happened, "score": event.score,
    }


def export(store: Store, out: Path) -> dict[str, int]:
    """Write every contract file under ``out``; returns lines written per file."""
    out.mkdir(parents=True, exist_ok=True)
    written = dict.fromkeys(EXPORT_FILES, 0)
    handles = {name: (out / name).open("w", encoding="utf-8") for name in EXPORT_FILES}
    try:
        def emit(name: str, obj: dict[str, Any]) -> None:
            handles[name].write(json.dumps(obj, ensure_ascii=False) + "\n")
            written[name] += 1

        links = article_links(store)
        for stored in store.iter_articles():
            article = stored.article
            episode, storyline = links.get(article.id, (None, None))
            emit("articles.jsonl", {
                "id": article.id, "url": article.url, "outlet": article.outlet, "title": article.title,
                "published": article.published.to_json(), "duplicate_of": stored.duplicate_of,
                "episode": episode, "storyline": storyline,
            })
            for mention in stored.mentions:
                emit("mentions.jsonl", mention_json(article, mention))
            for timex in stored.timexes:
                emit("timexes.jsonl", timex_json(article, timex))
        for actor in iter_actor_json(store):  # type: ignore[arg-type]
            emit("actors.jsonl", actor)
        for event in iter_event_json(store, EventFilter(include_unhappened=True)):
            emit("events.jsonl", event)
        for episode_row in iter_episode_json(store):
            emit("episodes.jsonl", episode_row)
        for storyline_row in iter_storyline_json(store):
            emit("storylines.jsonl", storyline_row)
    finally:
        for handle in handles.values():
            handle.close()
    return written
