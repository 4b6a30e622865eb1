"""Reading the Arabic date specs (Recognizers-Text format) for evaluation.

Each spec file is a JSON list of cases: ``Input``, ``Context.ReferenceDateTime`` and
``Results`` with ``Text``, ``Start`` and a TIMEX value under ``Value.Timex`` (parser
files), ``Value.values[].timex`` (merged) or ``Resolution.values[].timex`` (model).
Extractor files have spans only.

Out of scope, decided by rule on what the expected expression is (its text, type and
value), never by case id nor by what hadath made of it; ``evaluate.py`` reports each
category's count and the accuracy over all cases as well:

- ``time_of_day``: an expression that names no day, only a time: clock times, parts of
  the day, "now", a point hours or minutes away (T08, TMO, PRESENT_REF, الساعة 10
  مساءً, في 5 دقائق).  hadath dates events by day, and such a time fixes none.  A
  value joining a named day and a time (صباح الغد الساعة 9) is kept and scored on its
  date part; lengths in hours or minutes (لمدة ساعة, PT1H) are durations and scored.
- ``set``: recurring times (كل يوم، أسبوعيا): not a date an event happened on.
- ``holiday``: the Holiday* files: holidays need per-country calendars.
- ``season``: seasons (SU, الصيف).
- ``weekend``: weekends and "the end of the week", the same words in Arabic (نهاية
  الأسبوع، عطلة نهاية الأسبوع; WE).
- ``week_of_month``: the n-th week of a month or year (XXXX-10-W01), ``nth_weekday``:
  the n-th weekday of a month (#1, -WXX-4-4): no calendar value hadath emits.
- ``decade``, ``quarter``: decades, centuries and quarters (P10Y, P3M spans).
- ``vague_count``: "a few"/"several" (بضعة، عدة، القليلة، العديدة): the spec turns them
  into 3; hadath does not invent a number.
- ``spec_error``: expected values that are not dates (2017-09-31) or that the weekday
  named in the expected text contradicts (الاثنين 12 يناير 2016 was a Tuesday): no
  right answer exists to score against.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCOPE_RULES = (
    "time_of_day",
    "set",
    "holiday",
    "season",
    "weekend",
    "week_of_month",
    "nth_weekday",
    "decade",
    "quarter",
    "vague_count",
    "spec_error",
)
# Weekday names as the specs write them (Monday 0), to check an expected date against.
_WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}
_DATE_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_NO_DATE_RE = re.compile(r"^(?:T|PT|PRESENT_REF|FUTURE_REF|PAST_REF)")
_SEASON_RE = re.compile(r"(?:^|-)(?:SU|SP|FA|WI)$")
_CLOCK_VALUE_RE = re.compile(r"^\(?(?:\d{4}|XXXX)-[\dX]{2}-[\dX]{2}T")
_WEEKEND_RE = re.compile(r"-WE$")
_WEEK_OF_MONTH_RE = re.compile(r"^(?:\d{4}|XXXX)-\d\d-W\d\d$")
_NTH_WEEKDAY_RE = re.compile(r"#|-WXX-\d-\d$")
_DECADE_RE = re.compile(r"^\((?:\d{3}|XX\d)0-01-01,[^,]+,P\d*0Y\)$")
_QUARTER_RE = re.compile(r"^\(\d{4}-(?:01|04|07|10)-01,\d{4}-\d\d-01,P3M\)$")
_VAGUE_RE = re.compile(r"(?<![\u0621-\u064a])[وفلب]?(?:بضع|عدة|القليلة|العديدة)")  # not ذو القعدة
_WEEKEND_TEXT_RE = re.compile(r"نهاي[ةه] (?:هذا )?[اأإ]سبوع|نهاي[ةه] ال[اأإ]سبوع")
_SEASON_TEXT_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:ال)?(?:صيف|شتاء|خريف|ربيع(?! ال[اأ]ول| الثاني| الآخر| [اأ]ول| ثاني))(?![\u0621-\u064a])"
)
_DECADE_TEXT_RE = re.compile(r"[يى]نيات|القرن|العقد|عقود")
_QUARTER_TEXT_RE = re.compile(r"الربع ال(?:[اأ]ول|ثاني|ثالث|رابع|[اأ]خير)")
# Words that name a day (or a longer unit) in an expression: without one, a clock time
# or a number of hours or minutes names no day.
_DAY_WORD_RE = re.compile(
    r"يوم|[اأ]مس|غد|الليل[ةه]|الصباح|المساء|الظهير|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمع[ةه]|السبت|الأحد"
    r"|شهر|[اأإ]سبوع|عام|سن[ةه]|\d+[/\-.]\d+|\d{4}|في \d{1,2}(?!\d|:| ?(?:ساع|دق|ص|م))"
)
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
    if found >= 0:
        return found
    # The spec's text sometimes spells a word differently from its input (الاسبوع for
    # الأسبوع, صباحًا for صباحا): the same letters up to hamza, ya, ta marbuta and harakat.
    loose = _loose_pattern(surface)
    match = loose.search(text) if loose else None
    return match.start() if match else None


_LOOSE = {
    **dict.fromkeys("اأإآ", "[اأإآ]"),
    **dict.fromkeys("يى", "[يى]"),
    **dict.fromkeys("ةه", "[ةه]"),
}
_HARAKAT = "\u064b-\u065f\u0670"


def _loose_pattern(surface: str) -> re.Pattern[str] | None:
    letters = [char for char in surface if not "\u064b" <= char <= "\u065f" and char != "\u0670"]
    if not letters:
        return None
    return re.compile(f"[{_HARAKAT}]*".join(_LOOSE.get(char, re.escape(char)) for char in letters))


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
    if gold.kind in ("time", "timerange") or (_NO_DATE_RE.match(timex) and gold.kind != "duration"):
        return "time_of_day"
    if _CLOCK_VALUE_RE.match(timex) and not _DAY_WORD_RE.search(gold.text):
        return "time_of_day"  # الساعة 10 مساءً، في 5 دقائق: the spec fills in the reference day
    if _DECADE_RE.match(timex) or (not timex and _DECADE_TEXT_RE.search(gold.text)):
        return "decade"
    if _QUARTER_RE.match(timex) or (not timex and _QUARTER_TEXT_RE.search(gold.text)):
        return "quarter"
    if _SEASON_RE.search(timex) or _SEASON_TEXT_RE.search(gold.text):
        return "season"
    if _WEEKEND_RE.search(timex) or _WEEKEND_TEXT_RE.search(gold.text):
        return "weekend"
    if _WEEK_OF_MONTH_RE.match(timex):
        return "week_of_month"
    if _NTH_WEEKDAY_RE.search(timex):
        return "nth_weekday"
    if _VAGUE_RE.search(gold.text):
        return "vague_count"
    if _invalid(timex, gold.text):
        return "spec_error"
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
