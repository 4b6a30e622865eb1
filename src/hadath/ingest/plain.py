"""Plain-text articles: a short first line followed by a blank line is the title."""

from __future__ import annotations

import re
from pathlib import Path

from hadath.errors import IngestError
from hadath.ingest.sniff import read_text, stem
from hadath.model import UNKNOWN_DATE, Article, DateValue

TITLE_MAX = 200  # characters; a longer first line is body text
_TITLE_RE = re.compile(rf"\A[ \t]*([^\n]{{1,{TITLE_MAX}}}?)[ \t]*\r?\n[ \t]*\r?\n")


def split_title(text: str) -> tuple[str, str]:
    match = _TITLE_RE.match(text)
    if not match:
        return "", text
    return match.group(1), text[match.end():]


def read_txt(path: Path, published: DateValue = UNKNOWN_DATE, outlet: str | None = None) -> Article:
    title, body = split_title(read_text(path))
    if not body.strip():
        raise IngestError(str(path), "no article text (only whitespace or a title)")
    return Article(id=stem(path), text=body, title=title, outlet=outlet, published=published, source=str(path))
