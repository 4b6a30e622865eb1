"""WARC archives: every HTML response record becomes an article (warcio)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from hadath.errors import IngestError
from hadath.ingest.html import article_from_html
from hadath.ingest.ids import hashed_id
from hadath.ingest.records import Problem, Record
from hadath.model import UNKNOWN_DATE, DateValue


def read_warc(path: Path, published: DateValue = UNKNOWN_DATE, outlet: str | None = None) -> Iterator[Record]:
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise IngestError(source, f"cannot read: {error.strerror}") from None
    with handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{source}#{url}"
                raw = record.content_stream().read()
                html = raw.decode("utf-8", errors="replace")
                try:
                    yield article_from_html(html, where, hashed_id(url), url or None, published, outlet)
                except IngestError as error:
                    yield Problem(where, error.problem)
        except ArchiveLoadFailed as error:
            yield Problem(source, f"not a readable WARC archive ({error})")
