"""Expanding paths into articles: files, folders (recursive) and globs, by format."""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from hadath.errors import IngestError
from hadath.ingest.feeds import looks_like_feed, read_feed
from hadath.ingest.html import read_html
from hadath.ingest.jsonl import read_json, read_jsonl
from hadath.ingest.plain import read_txt
from hadath.ingest.records import Problem, Record
from hadath.ingest.sniff import SNIFF_BYTES, base_suffix, open_binary
from hadath.ingest.warc import read_warc
from hadath.model import UNKNOWN_DATE, DateValue

Reader = Callable[[Path, DateValue, str | None], Iterable[Record] | Record]

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
}
SUPPORTED = ", ".join(sorted(READERS))


def expand(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Files named by ``paths`` (folders walked, globs expanded), in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.exists():
            yield path
        elif glob.has_magic(str(raw)):
            matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True))
            if not matches:
                yield Problem(str(raw), "pattern matched no files")
            for match in matches:
                yield from expand([match]) if match.is_dir() else iter([match])
        else:
            yield Problem(str(raw), "no such file or folder")


def read_file(path: Path, published: DateValue = UNKNOWN_DATE, outlet: str | None = None) -> Iterator[Record]:
    """Articles of one file, or Problems naming it; never raises for bad content."""
    suffix = base_suffix(path)
    reader = READERS.get(suffix)
    if reader is None:
        yield Problem(str(path), f"unknown extension {suffix or '(none)'!r}; supported: {SUPPORTED}")
        return
    try:
        if suffix == ".xml" and not _sniff_feed(path):
            yield Problem(str(path), "XML file is not an RSS or Atom feed")
            return
        result = reader(path, published, outlet)
        if isinstance(result, (Problem,)) or not isinstance(result, Iterable):
            yield result
        else:
            yield from result
    except IngestError as error:
        yield Problem(error.source, error.problem, error.line)
    except (OSError, EOFError) as error:  # truncated gzip, I/O failure
        yield Problem(str(path), f"cannot read: {error}")


def _sniff_feed(path: Path) -> bool:
    with open_binary(path) as handle:
        head = handle.read(SNIFF_BYTES)
    return looks_like_feed(head.decode("utf-8", "replace"))


def iter_records(
    paths: Iterable[str | Path], published: DateValue = UNKNOWN_DATE, outlet: str | None = None,
) -> Iterator[Record]:
    """Every article (or problem) found under ``paths``."""
    for item in expand(paths):
        if isinstance(item, Problem):
            yield item
        else:
            yield from read_file(item, published, outlet)
