"""A date for each event mention: the nearest timex of its clause, else publication.

An event is dated by the temporal expression closest to its trigger in the same
clause (then the same sentence), as a ``DateValue`` with basis ``text``; with none,
it takes the publication date with basis ``published``.  Only values that name a
calendar day, month or year can date an event: durations, sets, yearless dates
(XXXX-11-12) and unresolved expressions cannot, and a range or a week dates it only
as precisely as its two ends agree (12-13 نوفمبر 2016 → 2016-11).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from hadath.model import UNKNOWN_DATE, DateValue, Span, Timex

# Clause boundaries inside a sentence: punctuation, and the complementisers after
# verbs of saying ("قال الثلاثاء إن الهجوم وقع في 12 مايو": two clauses, two dates).
_CLAUSE_RE = re.compile(r"[،,;؛:]|\s(?:إن|أن|إنه|أنه|إنها|أنها)\s")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
_DATE_RE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")


def date_of(timex: Timex) -> str | None:
    """The value of ``timex`` as a DateValue value (YYYY-MM-DD, YYYY-MM, YYYY) or None."""
    value = timex.resolved or timex.value  # "الجمعة" dates an event by its reading
    if timex.type not in ("DATE", "TIME") or not value or "X" in value:
        return None
    ends = [part.split("T")[0] for part in value.split("/")]
    if len(ends) == 1:
        week = _WEEK_RE.match(ends[0])
        if week:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            ends = [monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()]
    if not all(_DATE_RE.match(end) for end in ends):
        return None
    return _agreement(ends)


def _agreement(ends: Sequence[str]) -> str | None:
    """The most precise value every end shares: the day, the month, the year, or None."""
    for width in (10, 7, 4):
        heads = {end[:width] for end in ends}
        if len(heads) == 1 and all(len(end) >= width for end in ends):
            return heads.pop()
    return None


def clause_of(text: str, sentence: Span, trigger: Span) -> Span:
    """The part of ``sentence`` between the clause boundaries around ``trigger``."""
    start, end = sentence.start, sentence.end
    for match in _CLAUSE_RE.finditer(text, sentence.start, sentence.end):
        if match.end() <= trigger.start:
            start = match.end()
        elif match.start() >= trigger.end:
            end = match.start()
            break
    return Span(start, end)


def attach_date(
    sentence: Span, trigger: Span, timexes: Sequence[Timex], published: DateValue, text: str | None = None
) -> DateValue:
    """The date of the event whose trigger is ``trigger`` in ``sentence``.

    With ``text`` the trigger's clause is searched first, then the whole sentence.
    """
    within = [t for t in timexes if sentence.start <= t.start and t.end <= sentence.end]
    usable = [(t, value) for t in within if (value := date_of(t))]
    scopes = [clause_of(text, sentence, trigger), sentence] if text is not None else [sentence]
    for number, scope in enumerate(scopes):
        inside = [(t, v) for t, v in usable if scope.start <= t.start and t.end <= scope.end]
        if number and text is not None:
            # Another clause's date is this event's only when that clause is little more
            # than the date ("التقى، يوم الثلاثاء، شويغو"), not when it tells its own
            # story ("حظر فرضه مجلس الأمن عام 2011، وتطالب القيادة برفعه").
            inside = [(t, v) for t, v in inside if _bare_clause(text, sentence, t)]
        if inside:
            _, value = min(inside, key=lambda tv: (_gap(tv[0], trigger), tv[0].start))
            return DateValue(value, "text")
    if published.value is None:
        return UNKNOWN_DATE
    return DateValue(published.value, "published")


def _gap(timex: Timex, trigger: Span) -> int:
    if timex.end <= trigger.start:
        return trigger.start - timex.end
    if trigger.end <= timex.start:
        return timex.start - trigger.end
    return 0


BARE_CLAUSE_WORDS = 2  # words besides the date a clause may hold and still be "just the date"


def _bare_clause(text: str, sentence: Span, timex: Timex) -> bool:
    clause = clause_of(text, sentence, Span(timex.start, timex.end))
    rest = text[clause.start : timex.start] + " " + text[timex.end : clause.end]
    return len(rest.split()) <= BARE_CLAUSE_WORDS
