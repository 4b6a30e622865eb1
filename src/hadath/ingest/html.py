"""HTML pages: main text, title and published date via trafilatura."""

from __future__ import annotations

from pathlib import Path

import trafilatura

from hadath.errors import ConfigError, IngestError
from hadath.ingest.dates import published_from_metadata
from hadath.ingest.sniff import read_text, stem
from hadath.model import UNKNOWN_DATE, Article, DateValue

MIN_BODY_WORDS = 5


def article_from_html(
    html: str, source: str, article_id: str, url: str | None = None,
    published: DateValue = UNKNOWN_DATE, outlet: str | None = None,
) -> Article:
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=True,
        # Only dates the page states in its markup: a date guessed from the body text
        # would be presented as metadata, and dates are never invented.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text.split()) < MIN_BODY_WORDS:
        # trafilatura falls back to menus and footers when a page has no body
        raise IngestError(source, "no article text found in the HTML")
    date = published
    raw_date = getattr(document, "date", None)
    if raw_date:
        try:
            date = published_from_metadata(raw_date)
        except ConfigError:
            date = published  # an unreadable page date is not a reason to drop the article
    return Article(
        id=article_id,
        text=text,
        title=(getattr(document, "title", None) or "").strip(),
        url=url or getattr(document, "url", None),
        outlet=outlet or getattr(document, "sitename", None),
        published=date,
        source=source,
    )


def read_html(path: Path, published: DateValue = UNKNOWN_DATE, outlet: str | None = None) -> Article:
    return article_from_html(read_text(path), str(path), stem(path), None, published, outlet)
