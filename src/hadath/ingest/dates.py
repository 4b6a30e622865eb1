"""Publication dates from metadata and the command line."""

from __future__ import annotations

import datetime as dt
import re

from hadath.errors import ConfigError
from hadath.model import UNKNOWN_DATE, DateValue

_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_date(raw: str) -> str:
    """``raw`` as YYYY-MM-DD, YYYY-MM or YYYY; ConfigError when it is not a real date."""
    text = raw.strip()
    if not text:
        raise ConfigError("empty date")
    partial = _PARTIAL_RE.match(text)
    try:
        if partial:
            year, month, day = partial.groups()
            dt.date(int(year), int(month or 1), int(day or 1))  # validates month and day
            return text
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise ConfigError(f"not a date: {raw!r} ({error})") from None
    return moment.date().isoformat()


def published_from_metadata(raw: object) -> DateValue:
    """A metadata date, or unknown when absent; ConfigError when present but unreadable."""
    if raw is None or raw == "":
        return UNKNOWN_DATE
    if isinstance(raw, dt.datetime):
        return DateValue(raw.date().isoformat(), "metadata")
    if isinstance(raw, dt.date):
        return DateValue(raw.isoformat(), "metadata")
    if not isinstance(raw, str):
        raise ConfigError(f"published must be a string date, got {type(raw).__name__}")
    return DateValue(parse_date(raw), "metadata")
