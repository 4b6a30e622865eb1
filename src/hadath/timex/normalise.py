"""Pure calendar helpers for resolving temporal expressions: no parsing, no state.

Values follow TIMEX3: ``2016-11-29``, ``2016-11``, ``2016``, ``2016-W48``,
``XXXX-11-12`` (year not known), intervals as ISO ``start/end``, durations ``P6M``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Literal

from hijridate import Gregorian, Hijri

Direction = Literal["past", "next", "this", "past_or_on", "future_or_on"]
UNIT_ORDER = ("E", "Y", "M", "W", "D", "H", "N")  # TIMEX duration order, largest first
# A yearless date with no tense is read in the year that puts it nearest the anchor,
# but only when that is unambiguous: within about three months either side.
NEAREST_WINDOW_DAYS = 92
NEAREST_WINDOW_MONTHS = 3


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= year <= 9999 and 1 <= day <= calendar.monthrange(year, month)[1]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def shift(day: dt.date, unit: str, count: int) -> dt.date:
    """``day`` moved by ``count`` units (D, W, M, Y, E)."""
    if unit == "D":
        return day + dt.timedelta(days=count)
    if unit == "W":
        return day + dt.timedelta(weeks=count)
    if unit == "M":
        return add_months(day, count)
    if unit == "Y":
        return add_years(day, count)
    if unit == "E":
        return add_years(day, 10 * count)
    return day  # hours and minutes do not move a date by a whole day


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weekday_near(anchor: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The ``weekday`` before/after/around ``anchor``, as ``direction`` says."""
    delta = (anchor.weekday() - weekday) % 7
    if direction == "past":
        return anchor - dt.timedelta(days=delta or 7)
    if direction == "past_or_on":
        return anchor - dt.timedelta(days=delta)
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "future_or_on":
        return anchor + dt.timedelta(days=ahead)
    return monday_of(anchor) + dt.timedelta(days=weekday)  # "this": the same ISO week


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The ``nth`` ``weekday`` of a month (الأحد الأول), or None if it has fewer."""
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return day if day.month == month else None


def weekday_with_day(anchor: dt.date, weekday: int, day: int, within: int = 183) -> dt.date | None:
    """The date nearest ``anchor`` that falls on ``weekday`` and day-of-month ``day``."""
    best: dt.date | None = None
    for months in range(-7, 8):
        month_start = add_months(anchor.replace(day=1), months)
        if not valid_day(month_start.year, month_start.month, day):
            continue
        candidate = month_start.replace(day=day)
        if candidate.weekday() != weekday or abs((candidate - anchor).days) > within:
            continue
        if best is None or abs((candidate - anchor).days) < abs((best - anchor).days):
            best = candidate
    return best


def year_for_day(anchor: dt.date, month: int, day: int, direction: Direction | None) -> int | None:
    """The year that puts day/month where ``direction`` says relative to ``anchor``."""
    candidates = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if valid_day(y, month, day)]
    dates = [dt.date(y, month, day) for y in candidates]
    chosen: list[dt.date]
    if direction == "this":
        return anchor.year if valid_day(anchor.year, month, day) else None
    if direction == "past":
        chosen = [d for d in dates if d < anchor][-1:]
    elif direction == "past_or_on":
        chosen = [d for d in dates if d <= anchor][-1:]
    elif direction == "next":
        chosen = [d for d in dates if d > anchor][:1]
    elif direction == "future_or_on":
        chosen = [d for d in dates if d >= anchor][:1]
    else:
        chosen = [d for d in dates if abs((d - anchor).days) <= NEAREST_WINDOW_DAYS][:1]
    return chosen[0].year if chosen else None


def year_for_month(anchor: dt.date, month: int, direction: Direction | None) -> int | None:
    """The year of a month named without one (يونيو الماضي), relative to ``anchor``."""
    here = anchor.year * 12 + anchor.month - 1
    indexes = [y * 12 + month - 1 for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction == "this":
        return anchor.year
    if direction == "past":
        chosen = [i for i in indexes if i < here][-1:]
    elif direction == "past_or_on":
        chosen = [i for i in indexes if i <= here][-1:]
    elif direction == "next":
        chosen = [i for i in indexes if i > here][:1]
    elif direction == "future_or_on":
        chosen = [i for i in indexes if i >= here][:1]
    else:
        chosen = [i for i in indexes if abs(i - here) <= NEAREST_WINDOW_MONTHS][:1]
    return chosen[0] // 12 if chosen else None


def day_value(day: dt.date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def partial_value(year: int | None, month: int | None, day: int | None) -> str:
    """TIMEX value with X for what is unknown: XXXX-11-12, XXXX-XX-27, XXXX-11."""
    y = f"{year:04d}" if year is not None else "XXXX"
    if month is None:
        return f"{y}-XX-{day:02d}" if day is not None else y
    return f"{y}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def interval(start: str, end: str) -> str:
    return f"{start}/{end}"


def _number(count: float) -> str:
    return str(int(count)) if count == int(count) else f"{count:g}"


def duration_value(parts: Iterable[tuple[str, float | None]]) -> str:
    """P3D, P1Y1M21D, PT1.5H, P20Y (two decades), PXD when the count is vague."""
    totals: dict[str, float | None] = {}
    for unit, count in parts:
        code, factor = ("Y", 10) if unit == "E" else (unit, 1)
        if count is None or totals.get(code, 0.0) is None:
            totals[code] = None
        else:
            totals[code] = (totals.get(code) or 0.0) + count * factor
    date_part = "".join(
        ("X" if totals[u] is None else _number(totals[u] or 0.0)) + u for u in ("Y", "M", "W", "D") if u in totals
    )
    time_part = "".join(
        ("X" if totals[u] is None else _number(totals[u] or 0.0)) + {"H": "H", "N": "M"}[u]
        for u in ("H", "N")
        if u in totals
    )
    return "P" + date_part + ("T" + time_part if time_part else "")


# --- Hijri -------------------------------------------------------------------


def hijri_day(year: int, month: int, day: int) -> dt.date | None:
    """Gregorian date of a Hijri date (Umm al-Qura), or None if it does not exist."""
    try:
        return _g(Hijri(year, month, day))
    except (ValueError, OverflowError):
        return None


def _g(day: Hijri) -> dt.date:
    year, month, d = day.to_gregorian().datetuple()
    return dt.date(year, month, d)


def hijri_month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    try:
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
    except (ValueError, OverflowError):
        return None
    return _g(first), _g(last)


def hijri_year_span(year: int) -> tuple[dt.date, dt.date] | None:
    first = hijri_month_span(year, 1)
    last = hijri_month_span(year, 12)
    return (first[0], last[1]) if first and last else None


def to_hijri(day: dt.date) -> tuple[int, int, int] | None:
    try:
        year, month, d = Gregorian(day.year, day.month, day.day).to_hijri().datetuple()
    except (ValueError, OverflowError):
        return None
    return year, month, d


def hijri_year_for_month(anchor: dt.date, month: int, direction: Direction | None) -> int | None:
    """Hijri year of a Hijri month named without one (رمضان الماضي), relative to ``anchor``."""
    here = to_hijri(anchor)
    if here is None:
        return None
    spans = [(y, hijri_month_span(y, month)) for y in (here[0] - 1, here[0], here[0] + 1)]
    known = [(y, span) for y, span in spans if span is not None]
    if direction == "this":
        return here[0]
    if direction in ("past", "past_or_on"):
        chosen = [y for y, (first, last) in known if (last < anchor if direction == "past" else first <= anchor)][-1:]
    elif direction in ("next", "future_or_on"):
        chosen = [y for y, (first, last) in known if (first > anchor if direction == "next" else last >= anchor)][:1]
    else:
        chosen = [
            y
            for y, (first, last) in known
            if first <= anchor <= last or min(abs((first - anchor).days), abs((last - anchor).days)) <= 60
        ][:1]
    return chosen[0] if chosen else None


def hijri_month_in_gregorian_year(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """The one occurrence of a Hijri month that starts in a Gregorian year (رمضان 2001)."""
    found = []
    start = to_hijri(dt.date(year, 1, 1))
    if start is None:
        return None
    for hijri_year in (start[0], start[0] + 1):
        span = hijri_month_span(hijri_year, month)
        if span is not None and span[0].year == year:
            found.append(span)
    return found[0] if len(found) == 1 else None
