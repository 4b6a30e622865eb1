"""Reading the Arabic date specs (Recognizers-Text format) for evaluation.

Each spec file is a JSON list of cases: ``Input``, ``Context.ReferenceDateTime`` and
``Results`` with ``Text``, ``Start`` and a TIMEX value under ``Value.Timex`` (parser
files), ``Value.values[].timex`` (merged) or ``Resolution.values[].timex`` (model).
Extractor files have spans only.

Out of scope, decided by rule on the expected result (never by case id):

- ``time_of_day``: values with no date part — clock times, parts of the day, durations
  in hours or minutes, "now" (T08, TMO, PT3H, PRESENT_REF).  hadath dates events by
  day; a value joining a date and a time (2016-11-16T10:38) is kept and scored on its
  date part.
- ``set``: recurring times (كل يوم، أسبوعيا): not a date an event happened on.
- ``holiday``: the Holiday* files: holidays need per-country calendars.
- ``season_week_part``: seasons (SU), weekends (WE), week of a month (XXXX-10-W01),
  n-th weekday of a month (#1, -WXX-4-4): no calendar value hadath emits.
- ``decade_quarter``: decades, centuries and quarters (P10Y, P3M spans).
- ``vague_count``: "a few"/"several" (بضعة، عدة، القليلة، العديدة): the spec turns them
  into 3; hadath does not invent a number.
- ``spec_invalid``: expected values that are not dates (2017-09-31) or that the
  weekday named in the expected text contradicts (الاثنين 12 يناير 2016 was a Tuesday).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCOPE_RULES = ("time_of_day", "set", "holiday", "season_week_part", "decade_quarter", "vague_count", "spec_invalid")
# Weekday names as the specs write them (Monday 0), to check an expected date against.
_WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}
_DATE_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_NO_DATE_RE = re.compile(r"^(?:T|PT|PRESENT_REF|FUTURE_REF|PAST_REF)")
_SEASON_RE = re.compile(r"(?:^|-)(?:SU|SP|FA|WI)$")
_WEEKEND_RE = re.compile(r"-WE$")
_WEEK_OF_MONTH_RE = re.compile(r"^(?:\d{4}|XXXX)-\d\d-W\d\d$")
_NTH_WEEKDAY_RE = re.compile(r"#|-WXX-\d-\d$")
_DECADE_RE = re.compile(r"^\((?:\d{3}|XX\d)0-01-01,[^,]+,P\d*0Y\)$")
_QUARTER_RE = re.compile(r"^\(\d{4}-(?:01|04|07|10)-01,\d{4}-\d\d-01,P3M\)$")
_VAGUE_RE = re.compile(r"بضع|عدة|القليلة|العديدة")
_RANGE_RE = re.compile(r"^\((?P<a>[^,]+),(?P<b>[^,]+),(?P<d>P[^)]+)\)$")


@dataclass
class Gold:
    """One expected result: span in the input (if it can be located) and value."""

    text: str
    start: int | None
    end: int | None
    kind: str
    timex: str | None
    resolutions: set[str] = field(default_factory=set)  # the spec's own past/future readings
    out_of_scope: str | None = None


@dataclass
class Case:
    file: str
    input: str
    reference: dt.date | None
    golds: list[Gold]
    ignore_resolution: bool


def load_cases(spec_dir: Path) -> Iterator[Case]:
    for path in sorted(spec_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        for raw in data:
            yield _case(path.stem, raw)


def _case(file: str, raw: dict[str, Any]) -> Case:
    text = raw["Input"]
    reference_raw = (raw.get("Context") or {}).get("ReferenceDateTime")
    reference = dt.date.fromisoformat(reference_raw[:10]) if reference_raw else None
    golds = [_gold(file, text, result) for result in raw.get("Results", [])]
    return Case(file, text, reference, golds, str(raw.get("IgnoreResolution", "")).lower() == "true")


def _gold(file: str, text: str, result: dict[str, Any]) -> Gold:
    surface = result.get("Text", "").strip()
    start = _locate(text, surface, result.get("Start"))
    kind = str(result.get("Type") or result.get("TypeName") or "").removeprefix("datetimeV2.")
    timex, resolutions = _timex(result)
    gold = Gold(surface, start, start + len(surface) if start is not None else None, kind, timex, resolutions)
    gold.out_of_scope = scope_rule(file, text, gold)
    return gold


def _locate(text: str, surface: str, start: Any) -> int | None:
    """Where the expected text is in the input: the spec's Start is sometimes off or -1."""
    if not surface:
        return None
    if isinstance(start, int) and start >= 0:
        for shift in (0, 1, -1):
            if text[start + shift : start + shift + len(surface)] == surface:
                return start + shift
    found = text.find(surface)
    return found if found >= 0 else None


def _timex(result: dict[str, Any]) -> tuple[str | None, set[str]]:
    value = result.get("Value", result.get("Resolution"))
    if not isinstance(value, dict):
        return None, set()
    if "Timex" in value:
        timex = value.get("Timex") or None
        readings = [value.get("FutureResolution") or {}, value.get("PastResolution") or {}]
    else:
        values = value.get("values") or []
        timex = (values[0].get("timex") or None) if values else None
        readings = [v for v in values if isinstance(v, dict)]
    return timex, {r for r in (_reading(timex, reading) for reading in readings) if r}


def _reading(timex: str | None, reading: dict[str, Any]) -> str | None:
    """One of the spec's own resolutions, as the value it fills in: the year of a
    yearless date (XXXX-10-02 → 2016-10-02), the day of a bare weekday, the ends of
    an open range."""
    if not timex:
        return None
    point = next((reading[k] for k in ("date", "value", "dateTime", "start", "startDate") if reading.get(k)), None)
    end = reading.get("end") or reading.get("endDate")
    if not isinstance(point, str) or not re.match(r"^\d{4}-\d\d-\d\d", point):
        return None
    if timex.startswith("("):
        return canonical(f"{point[:10]}/{end[:10]}") if isinstance(end, str) else None
    if "WXX" in timex:
        return point[:10]
    if timex.startswith("XXXX"):
        return canonical(point[:4] + timex[4:])
    return None


def scope_rule(file: str, text: str, gold: Gold) -> str | None:
    """The out-of-scope rule that applies to a result, or None if hadath is scored on it."""
    timex = gold.timex or ""
    if file.startswith("Holiday"):
        return "holiday"
    if gold.kind == "set":
        return "set"
    if gold.kind in ("time", "timerange") or _NO_DATE_RE.match(timex):
        return "time_of_day"
    if _DECADE_RE.match(timex) or _QUARTER_RE.match(timex):
        return "decade_quarter"
    if any(rule.search(timex) for rule in (_SEASON_RE, _WEEKEND_RE, _WEEK_OF_MONTH_RE, _NTH_WEEKDAY_RE)):
        return "season_week_part"
    if _VAGUE_RE.search(gold.text):
        return "vague_count"
    if _invalid(timex, gold.text):
        return "spec_invalid"
    return None


def _invalid(timex: str, text: str) -> bool:
    match = _DATE_RE.match(timex)
    if not match:
        return False
    try:
        day = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return True
    named = [number for name, number in _WEEKDAYS.items() if name in text]
    return bool(named) and day.weekday() not in named


def canonical(value: str | None) -> str | None:
    """A spec or hadath value in one comparable form: dates without clock times,
    ranges as ``start/end``."""
    if not value:
        return None
    match = _RANGE_RE.match(value)
    if match:
        start, end = match.group("a"), match.group("b")
        if match.group("d").endswith("Y") and start.endswith("-01-01") and end.endswith("-01-01"):
            start, end = start[:4], end[:4]  # (2014-01-01,2018-01-01,P4Y): from 2014 to 2018
        value = f"{start}/{end}"
    if value.startswith("P"):
        return value  # a duration: its T separates the time units
    ends = [part.split("T")[0] for part in value.split("/")]
    return ends[0] if len(set(ends)) == 1 else "/".join(ends)  # 17:00-18:00 on one day is that day
