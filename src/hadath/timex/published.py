"""The publication date of an article: from metadata, a dateline, or honest bounds.

Order of evidence:

1. metadata (basis ``metadata``);
2. a dateline or byline stating a full date (basis ``text``); datelines that
   disagree keep only what they agree on (a month, a year; basis ``inferred``);
3. statements in the text that tie a stated date to the time of writing (basis
   ``inferred``), each giving only what it proves:
   - "العام الماضي 2017" / "العام الجاري 2018" / "العام المقبل 2019": the year;
   - "مايو الجاري" / "الشهر الجاري" with a month: the month (with a year from above);
   - "اليوم الأحد 13 مايو 2018", "أمس ...": the day;
   - a dated "X 2018 الماضي/المقبل": a bound on either side.
   Conflicting statements cancel out: no value rather than a wrong one;
4. otherwise null (basis ``unknown``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from hadath.errors import ConfigError
from hadath.model import DateValue, Sentence, Timex
from hadath.timex.tokens import tokenize

DATELINE_SENTENCES = 2  # a dateline opens the text (after a title line at most)
BYLINE_SHARE = 0.8  # a first line that is (nearly) only a date is a byline
# "نشر في: ..." / "آخر تحديث: ..." opening a line, right before the date.
_PUBLISHED_RE = re.compile(
    r"^\W*(?:نُ?شِ?ر(?:ت)?\s+(?:في|بتاريخ)|تاريخ\s+النشر|آخر\s+تحديث|تم\s+(?:النشر|التحديث)|تحديث)\s*:?\s*\W{0,3}$"
)
# How a year statement ties a year to the time of writing, on the span's token classes:
# العام الماضي 2017 / العام الجاري (2018) / هذا العام 2018 / العام 2018 الجاري.
_YEAR_STATEMENT_RE = re.compile(r"A(?P<mod>[PFC]),?<?4|(?P<this>t)A,?<?4|A4(?P<current>C)")
_DAY_RE = re.compile(r"^\d{4}-\d\d-\d\d")
_MONTH_RE = re.compile(r"^(\d{4}|XXXX)-(\d\d)$|^(\d{4}|XXXX)-(\d\d)-\d\d")
_YEAR_RE = re.compile(r"^\d{4}$")
_OPTION_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_YEARS_AHEAD = 1  # a publication date later than next year is a typo
# Quotations, where "اليوم" and "العام الجاري" belong to the speaker, not the writer.
_QUOTE_RE = re.compile(r"«[^»]{0,2000}»|“[^”]{0,2000}”|\"[^\"\n]{0,2000}\"")


def parse_published_option(value: str, *, today: dt.date | None = None) -> DateValue:
    """A publication date given on the command line: YYYY-MM-DD, YYYY-MM or YYYY.

    Raises ``ConfigError`` with the accepted formats for anything else, for dates that
    do not exist (2016-02-31) and for dates far in the future.
    """
    match = _OPTION_RE.match(value.strip())
    hint = "use YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2016-11-29"
    if not match:
        raise ConfigError(f"--published {value!r} is not a date: {hint}")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as error:
        raise ConfigError(f"--published {value!r} is not a calendar date ({error}): {hint}") from None
    limit = (today or dt.date.today()).year + MAX_YEARS_AHEAD
    if year > limit or year < 1000:
        raise ConfigError(f"--published {value!r}: year {year} is implausible for a publication date")
    return DateValue(value.strip(), "metadata")


@dataclass
class _Evidence:
    years: set[int] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    year_months: set[str] = field(default_factory=set)
    days: set[str] = field(default_factory=set)
    after: list[str] = field(default_factory=list)  # publication is after these values
    before: list[str] = field(default_factory=list)  # ...and before these


def infer_published(
    text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex], metadata: DateValue
) -> DateValue:
    """The publication date, as precise as the evidence allows (see the module doc).

    ``timexes`` must come from tagging without an anchor, so that every value is
    what the text states and nothing is derived from a guess.
    """
    if metadata.value is not None:
        return metadata
    stated = _dateline(text, sentences, timexes)
    if stated is not None:
        return stated
    return _bounded(_evidence(text, timexes))


def _dateline(text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex]) -> DateValue | None:
    values: list[str] = []
    for index, sentence in enumerate(sentences):
        # a date that starts in the line counts: "... 2017 - 3:45 م" runs past a " - " cut
        inside = [t for t in timexes if sentence.start <= t.start < sentence.end and t.value]
        for timex in inside:
            value = (timex.value or "").split("T")[0]
            if not (_DAY_RE.match(value) or re.match(r"^\d{4}-\d\d$", value)) or "/" in value:
                continue
            if _is_byline(text, sentence, index, timex):
                values.append(value)
    if not values:
        return None
    if all(v == values[0] for v in values):
        return DateValue(values[0], "text" if len(values[0]) == 10 else "inferred")
    common = _common_prefix(values)
    return DateValue(common, "inferred") if common else None


def _is_byline(text: str, sentence: Sentence, index: int, timex: Timex) -> bool:
    """A dateline opening the text, a "نشر في:" / "آخر تحديث:" line, or a first line that
    is only a date.  (The segmenter also marks "وقال في أبريل 2015:" inside an article
    as a dateline: only the opening ones count.)"""
    if sentence.kind == "dateline" and index < DATELINE_SENTENCES:
        return True
    before = text[sentence.start : timex.start]
    if _PUBLISHED_RE.match(before):
        return True
    if index != 0 or not _DAY_RE.match(timex.value or ""):
        return False
    letters = sum(not c.isspace() for c in text[sentence.start : sentence.end])
    covered = sum(not c.isspace() for c in text[timex.start : timex.end])
    return letters > 0 and covered / letters >= BYLINE_SHARE


def _common_prefix(values: Sequence[str]) -> str | None:
    """The coarsest value all agree on: a shared month, else a shared year."""
    for width in (7, 4):
        heads = {v[:width] for v in values}
        if len(heads) == 1 and all(len(v) >= width for v in values):
            return heads.pop()
    return None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside «...», “...” or "..." (straight quotes paired in order)."""
    spans = [m.span() for m in _QUOTE_RE.finditer(text)]
    return spans


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _evidence(text: str, timexes: Sequence[Timex]) -> _Evidence:
    found = _Evidence()
    quotes = quoted_spans(text)
    for timex in timexes:
        value = timex.value
        if not value or "/" in value or timex.type not in ("DATE", "TIME"):
            continue
        if _inside(quotes, timex.start, timex.end):
            continue  # a quoted speaker's "today" is the day they spoke, not publication
        value = value.split("T")[0]
        words = tokenize(text[timex.start : timex.end])
        classes = {token.cls for token in words}
        mod = "past" if "P" in classes else "next" if "F" in classes else "this" if classes & {"C", "t"} else None
        relday = next((int(token.payload) for token in words if token.cls == "R"), None)
        statement = _YEAR_STATEMENT_RE.search("".join(token.cls for token in words))
        if _YEAR_RE.match(value) and statement:
            said = statement.group("mod") or "C"
            found.years.add(int(value) + {"P": 1, "F": -1, "C": 0}[said])
        elif _YEAR_RE.match(value):
            continue  # "لعام 2020 المقبل": an upcoming year, not "next year"
        elif relday is not None and _DAY_RE.match(value) and not value.startswith("X"):
            found.days.add((dt.date.fromisoformat(value) - dt.timedelta(days=relday)).isoformat())
        elif mod == "this" and "C" in classes and (month := _MONTH_RE.match(value)):
            year, number = month.group(1) or month.group(3), month.group(2) or month.group(4)
            found.months.add(int(number))
            if year != "XXXX":
                found.year_months.add(f"{year}-{number}")
        elif mod in ("past", "next") and not value.startswith("X"):
            (found.after if mod == "past" else found.before).append(value)
    return found


def _bounded(evidence: _Evidence) -> DateValue:
    unknown = DateValue(None, "unknown")
    years = set(evidence.years) | {int(d[:4]) for d in evidence.days} | {int(m[:4]) for m in evidence.year_months}
    if len(years) > 1 or len(evidence.days) > 1 or len(evidence.months) > 1:
        return unknown  # the text contradicts itself about when it was written
    if evidence.days:
        day = next(iter(evidence.days))
        if evidence.months and int(day[5:7]) not in evidence.months:
            return unknown
        return DateValue(day, "inferred") if _within(day, evidence) else unknown
    if years:
        year = next(iter(years))
        value = f"{year:04d}-{next(iter(evidence.months)):02d}" if evidence.months else f"{year:04d}"
        return DateValue(value, "inferred") if _within(value, evidence) else unknown
    return _between(evidence) or unknown


def _within(value: str, evidence: _Evidence) -> bool:
    """Whether ``value`` can lie after every "past" date and before every "next" one."""
    first, last = _span(value)
    return all(_span(v)[1] < last for v in evidence.after) and all(first < _span(v)[0] for v in evidence.before)


def _between(evidence: _Evidence) -> DateValue | None:
    """A month or year from a "past" date and a "next" date that enclose publication."""
    if not evidence.after or not evidence.before:
        return None
    low = max(_span(v)[1] for v in evidence.after) + dt.timedelta(days=1)
    high = min(_span(v)[0] for v in evidence.before) - dt.timedelta(days=1)
    if low > high:
        return None
    if (low.year, low.month) == (high.year, high.month):
        return DateValue(f"{low.year:04d}-{low.month:02d}", "inferred")
    if low.year == high.year:
        return DateValue(f"{low.year:04d}", "inferred")
    return None


def _span(value: str) -> tuple[dt.date, dt.date]:
    """First and last day a YYYY, YYYY-MM or YYYY-MM-DD value covers."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
