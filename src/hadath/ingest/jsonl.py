"""JSON and JSON Lines articles, streamed line by line.

Fields: id, url, title, text, published, outlet; ``source`` is accepted for outlet
and ``abstract`` (as in the ANT corpus) fills an empty text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hadath.errors import ConfigError, IngestError
from hadath.ingest.dates import published_from_metadata
from hadath.ingest.ids import hashed_id
from hadath.ingest.records import Problem, Record
from hadath.ingest.sniff import decode, read_text, stem, text_lines
from hadath.model import UNKNOWN_DATE, Article, DateValue


def article_from_object(
    obj: Any, source: str, line: int | None, fallback_id: str | None,
    published: DateValue = UNKNOWN_DATE, outlet: str | None = None,
) -> Article:
    if not isinstance(obj, dict):
        raise IngestError(source, f"expected a JSON object, got {type(obj).__name__}", line)
    text = obj.get("text") or obj.get("abstract") or ""
    if not isinstance(text, str) or not text.strip():
        raise IngestError(source, "record has no text", line)
    title = obj.get("title") or ""
    try:
        date = published_from_metadata(obj.get("published")) if obj.get("published") else published
    except ConfigError as error:
        raise IngestError(source, f"bad published date: {error}", line) from None
    raw_id = obj.get("id")
    article_id = str(raw_id) if raw_id not in (None, "") else fallback_id or hashed_id(title, text)
    return Article(
        id=article_id,
        text=text,
        title=str(title),
        url=obj.get("url") or None,
        outlet=obj.get("outlet") or obj.get("source") or outlet,
        published=date,
        source=f"{source}:{line}" if line is not None else source,
    )


def read_jsonl(path: Path, published: DateValue = UNKNOWN_DATE, outlet: str | None = None) -> Iterator[Record]:
    """One article per line; a broken line becomes a Problem and the rest go on."""
    source = str(path)
    with text_lines(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(decode(path, raw, number))
                yield article_from_object(obj, source, number, None, published, outlet)
            except json.JSONDecodeError as error:
                yield Problem(source, f"invalid JSON ({error.msg} at column {error.colno})", number)
            except IngestError as error:
                yield Problem(source, error.problem, number)


def read_json(path: Path, published: DateValue = UNKNOWN_DATE, outlet: str | None = None) -> Iterator[Record]:
    """A JSON file holding one article object or a list of them."""
    source = str(path)
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        yield Problem(source, f"invalid JSON ({error.msg} at line {error.lineno}, column {error.colno})")
        return
    if isinstance(data, list):
        for index, obj in enumerate(data, start=1):
            try:
                yield article_from_object(obj, source, None, None, published, outlet)
            except IngestError as error:
                yield Problem(source, f"item {index}: {error.problem}")
        return
    yield article_from_object(data, source, None, stem(path), published, outlet)
