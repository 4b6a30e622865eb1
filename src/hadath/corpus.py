"""Streaming texts from a JSONL(.gz) corpus for building tables and benchmarks."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from hadath.errors import IngestError


def iter_objects(path: Path, limit: int | None = None) -> Iterator[dict[str, object]]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if limit is not None and number > limit:
                    return
                if line.strip():
                    yield json.loads(line)
    except FileNotFoundError:
        raise IngestError(str(path), "no such file") from None


def iter_texts(path: Path, limit: int | None = None) -> Iterator[str]:
    for obj in iter_objects(path, limit):
        yield f"{obj.get('title') or ''}\n{obj.get('text') or obj.get('abstract') or ''}"
