"""The output contract (DESIGN.md): one JSON object a line per file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
        "value": timex.value, "anchor": timex.anchor,
    }


def event_mention_json(article: Article, event: EventMention) -> dict[str, Any]:
    return {
        "type": event.type, "mode": event.mode, "date": event.date.to_json(),
        "sources": list(event.sources), "targets": list(event.targets), "place": event.place,
        "trigger": {"start": event.trigger.start, "end": event.trigger.end,
                    "text": event.trigger.of(article.text)},
        "sentence": {"start": event.sentence.start, "end": event.sentence.end,
                     "text": event.sentence.of(article.text)},
        "negated": event.negated, "hypothetical": event.hypothetical,
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

        for stored in store.iter_articles():
            article = stored.article
            emit("articles.jsonl", {
                "id": article.id, "url": article.url, "outlet": article.outlet, "title": article.title,
                "published": article.published.to_json(), "duplicate_of": stored.duplicate_of,
                "episode": None, "storyline": None,
            })
            for mention in stored.mentions:
                emit("mentions.jsonl", mention_json(article, mention))
            for timex in stored.timexes:
                emit("timexes.jsonl", timex_json(article, timex))
    finally:
        for handle in handles.values():
            handle.close()
    return written
