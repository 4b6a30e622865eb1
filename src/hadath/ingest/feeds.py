"""RSS and Atom feeds carrying full article content (feedparser)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import lxml.html

from hadath.errors import IngestError
from hadath.ingest.ids import hashed_id
from hadath.ingest.records import Problem, Record
from hadath.ingest.sniff import read_text
from hadath.model import UNKNOWN_DATE, Article, DateValue


def looks_like_feed(head: str) -> bool:
    lowered = head[:2000].lower()
    return "<rss" in lowered or "<feed" in lowered or "<rdf:rdf" in lowered


def html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fromstring(f"<div>{fragment}</div>")
    blocks = [" ".join(node.text_content().split()) for node in root.iter("p", "li", "h2", "h3", "blockquote")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _entry_date(entry: Any, fallback: DateValue) -> DateValue:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return DateValue(dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat(), "metadata")
    return fallback


def read_feed(path: Path, published: DateValue = UNKNOWN_DATE, outlet: str | None = None) -> Iterator[Record]:
    source = str(path)
    parsed = feedparser.parse(read_text(path))
    if parsed.bozo and not parsed.entries:
        raise IngestError(source, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
    feed_title = parsed.feed.get("title") or outlet
    for index, entry in enumerate(parsed.entries, start=1):
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else entry.get("summary", "")
        text = html_to_text(body or "")
        if not text:
            yield Problem(source, f"entry {index} has no content")
            continue
        entry_id = entry.get("id") or entry.get("link") or hashed_id(entry.get("title", ""), text)
        yield Article(
            id=str(entry_id),
            text=text,
            title=entry.get("title", ""),
            url=entry.get("link"),
            outlet=outlet or feed_title,
            published=_entry_date(entry, published),
            source=f"{source}#{index}",
        )
