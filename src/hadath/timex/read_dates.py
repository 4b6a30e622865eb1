"""Readers of calendar dates: day, month and year as written, numeric, Hijri, years."""

from __future__ import annotations

from hadath.timex.expr import Expr
from hadath.timex.lexicon import Unit, lexicon
from hadath.timex.reading import (
    AMBIGUOUS_HIJRI,
    HIJRI_YEARS,
    MAX_YEAR,
    MAX_YEAR_BARE,
    MIN_SPELLED_YEAR,
    MIN_YEAR_BARE,
    clock_of,
    common_month,
    copy_expr,
    day_value,
    fill_year,
    first_of,
    in_clock,
    mod_of,
    months_of,
    span_classes,
)
from hadath.timex.tokens import Tok


def read_date(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """Day, month, year in any order the rules allow, with weekday, tense, clock."""
    expr = Expr(first, last, "date")
    gregorian = months_of(tokens, first, last, "M")
    hijri = months_of(tokens, first, last, "H")
    expr.hijri = bool(hijri)
    months = hijri or gregorian
    expr.month = common_month(months)
    if months and expr.month is None:
        expr.invalid = True
    day = None
    for k in range(first, last + 1):
        if tokens[k].cls in "noO" and not in_clock(tokens, k, last):
            day = day_value(tokens[k])
            break
    expr.day = day
    fill_year(tokens, first, last, expr)
    # A Hijri month takes a Hijri year (1300-1599) or, as in "رمضان 2001", a Gregorian
    # one: resolve.py tells them apart by the number.
    weekday = first_of(tokens, first, last, "W")
    expr.weekday = int(weekday.payload) if weekday else None
    expr.mod = mod_of(tokens, first, last)
    expr.clock = clock_of(tokens, first, last)
    expr.since = tokens[first].cls == "s"
    relday = first_of(tokens, first, last, "R")
    if relday is not None:
        expr.offset = int(relday.payload)
    if expr.month is None:
        month_unit = next((k for k in range(first, last + 1) if tokens[k].cls == "S"), None)
        if month_unit is not None:
            # "20 من الشهر المقبل", "من 4 حتى 23 من هذا الشهر": a day of a month relative to the anchor
            this = month_unit > first and tokens[month_unit - 1].cls == "t"
            expr.month_rel = 0 if this else {"past": -1, "next": 1, "this": 0, None: None}[expr.mod]
            expr.mod = None
            if expr.month_rel is None:
                return None
    elif expr.mod is None and tokens[first].cls == "t":
        expr.mod = "this"  # هذا يناير
    if expr.year is not None and (expr.year > MAX_YEAR or expr.year < 1000):
        expr.invalid = True
    return expr


def read_month_context(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """A month with no day or year.  A name that is also a common word ("مارس" is also a
    verb, see lexicon.yaml) needs a preposition or هذا before it, شهر or an edge word
    (مطلع، منتصف), or a pair (مارس/آذار); the others are months as they stand."""
    classes = span_classes(tokens, first, last)
    before = tokens[first - 1].cls if first > 0 else ""
    paired = len(months_of(tokens, first, last, "M")) + len(months_of(tokens, first, last, "H")) > 1
    hijri = "H" in classes
    context = "psiqe" if hijri else "psiqabf"
    unambiguous = not hijri and all(
        tokens[k].norm not in lexicon().month_needs_context for k in range(first, last + 1) if tokens[k].cls == "M"
    )
    context_given = classes[0] in "set" or "S" in classes or paired or bool(before and before in context)
    if not (unambiguous or context_given):
        return None
    expr = read_date(tokens, first, last)
    if expr is None or (expr.hijri and expr.month in AMBIGUOUS_HIJRI and "S" not in classes):
        return None
    # "حرب أكتوبر", "تسليم أغسطس": a month name on its own may name an event or a
    # contract of another year; its year is left open, not read from the anchor.
    expr.open_year = not context_given
    return expr


def read_mdy(tokens: list[Tok], first: int, last: int) -> Expr | None:
    expr = read_date(tokens, first, last)
    if expr is None or expr.day is None or not 1 <= expr.day <= 31:
        return None
    return expr


def read_day_range(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """12-13 نوفمبر، من 3 حتى 12 سبتمبر، بين 3 و 12 سبتمبر، نوفمبر بين 15 و 19."""
    days = [
        day_value(tokens[k])
        for k in range(first, last + 1)
        if tokens[k].cls in "noO" and not (k > first and tokens[k - 1].cls == "S")
    ]
    if len(days) < 2 or days[0] >= days[1]:
        return None
    base = read_date(tokens, first, last)
    if base is None:
        return None
    start, end = copy_expr(base), copy_expr(base)
    start.day, end.day = days[0], days[1]
    start.weekday = end.weekday = None
    return Expr(first, last, "range", start=start, end=end)


def read_numeric(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """29/11/2016، 2016-11-29، 16/04/21، 22/04، 2015/3 (digits only, written together)."""
    nums = [(k, tokens[k]) for k in range(first, last + 1) if tokens[k].cls in "n4" and not in_clock(tokens, k, last)]
    seps = {tokens[k].cls for k in range(first, last + 1) if tokens[k].cls in "/-_"}
    lead = nums[0][0]
    tail = nums[-1][0]
    for k in range(lead, tail):
        if tokens[k + 1].start != tokens[k].end and tokens[k].cls != ",":
            return None  # "3 - 2" is a score, not a date
    values = [int(t.payload) for _, t in nums]
    kinds = [t.cls for _, t in nums]
    expr = Expr(first, last, "date")
    weekday = first_of(tokens, first, last, "W")
    expr.weekday = int(weekday.payload) if weekday else None
    expr.clock = clock_of(tokens, first, last)
    context = (first > 0 and tokens[first - 1].cls in "psiqaD") or tokens[first].cls == "D"
    if len(values) == 3:
        if kinds[0] == "4":
            year, month, day = values
        else:
            day, month, year = values
            if any(tokens[k].cls == "," for k in range(first, last + 1)):
                month, day = day, month  # 08/12, 2015: the English order, month first
            if month > 12 and day <= 12:
                day, month = month, day  # 11/29/2016: month first
            if kinds[2] == "n":
                year += 2000 if year < 50 else 1900  # 16/04/21 as day/month/year
        expr.year, expr.month, expr.day = year, month, day
    elif len(values) == 2:
        if kinds[0] == "4":
            expr.year, expr.month = values
        elif kinds[1] == "4":
            expr.month, expr.year = values
        else:
            if seps != {"/"} and not context:
                return None  # 4.22 and 22-4 alone are numbers and scores
            day, month = values
            if month > 12 and day <= 12:
                day, month = month, day
            expr.day, expr.month = day, month
    else:
        return None
    if not 1 <= (expr.month or 0) <= 12 or (expr.day is not None and not 1 <= expr.day <= 31):
        return None  # 2017-13-12 is not a date at all
    if expr.year is not None and expr.year > MAX_YEAR:
        expr.invalid = True
    return expr


def read_year(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """عام 2016، منذ 2015، في 2018، العام الماضي (2017)، 1438 هـ."""
    expr = Expr(first, last, "date")
    fill_year(tokens, first, last, expr)
    index = next((k for k in range(first, last + 1) if tokens[k].cls in "49"), None)
    if index is None:
        return None
    number = tokens[index]
    year = int(number.payload)
    explicit_unit = first_of(tokens, first, last, "A") is not None
    marker = first_of(tokens, first, last, "gj")
    # A year spelled out in several words after في or منذ (في ألف وسبعمائة وتسعة وثمانين)
    # is no count; "أكثر من ألف" is.
    spelled = not number.norm.isdigit() and number.end - number.start > len(number.norm) + 1
    lowest = MIN_SPELLED_YEAR if spelled and index > 0 and tokens[index - 1].cls in "ps" else MIN_YEAR_BARE
    if not explicit_unit and marker is None and not lowest <= year <= MAX_YEAR_BARE:
        return None  # "في 1500 موقع": a count, not a year
    expr.year = year
    expr.year_rel = None
    expr.mod = mod_of(tokens, first, last)
    expr.since = tokens[first].cls == "s"
    # "عام 267": a year before 1000 only right after عام/سنة.
    lowest_stated = 1 if index > first and tokens[index - 1].cls == "A" else 1000
    if (expr.hijri and year not in HIJRI_YEARS) or (not expr.hijri and (year > MAX_YEAR or year < lowest_stated)):
        expr.invalid = True
    return expr


def read_year_context(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """في 2018، منذ 2015، مطلع 2019: a bare year needs a preposition or an edge word."""
    before = tokens[first - 1].cls if first > 0 else ""
    if tokens[first].cls not in "se" and not (before and before in "psiqafb"):
        return None
    return read_year(tokens, first, last)


def read_year_alone(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """ "(2017)", "| 2021": a year set off by punctuation."""
    if first > 0 and tokens[first - 1].cls not in "~!,<|-_:":
        return None
    return read_year(tokens, first, last)


def read_year_range(tokens: list[Tok], first: int, last: int) -> Expr | None:
    years = [k for k in range(first, last + 1) if tokens[k].cls == "4"]
    a, b = int(tokens[years[0]].payload), int(tokens[years[1]].payload)
    if tokens[years[0] + 1].cls in "-/" and tokens[years[0] + 1].start != tokens[years[0]].end:
        return None  # "2014 - 2018" with spaces is still a range; "2014 / 2018" is not
    if not a < b or b > MAX_YEAR:
        return None
    start = Expr(years[0], years[0], "date", year=a)
    return Expr(first, last, "range", start=start, end=Expr(years[1], years[1], "date", year=b))


def read_year_explicit_relative(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """العام الماضي 2017، هذا العام (2018): the stated year wins; the words are kept."""
    classes = span_classes(tokens, first, last)
    if not (set(classes) & set("tPFC")):
        return None
    expr = read_year(tokens, first, last)
    if expr is None or not MIN_YEAR_BARE <= (expr.year or 0) <= MAX_YEAR_BARE:
        return None
    expr.mod = mod_of(tokens, first, last, skip_year=False) or ("this" if "t" in classes else None)
    return expr


def read_day_only(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """يوم 27: a day of an unnamed month (not "الأيام الـ25": 25 days)."""
    number, unit = tokens[last], tokens[first].payload
    if not 1 <= int(number.payload) <= 31 or not isinstance(unit, Unit) or unit.count != 1:
        return None
    return Expr(first, last, "date", day=int(number.payload))


def read_day_after_prep(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """عدت في 27، إلى الحادي والعشرين، للثاني، في 4.22: a day (and month) standing alone
    after a preposition at the end of a clause.  Not after a definite noun nor near
    other numbers (التعادل في 5، ارتفع عدد القتلى إلى 27، 26 مباراة وتعادل في 12): counts;
    nor after a time of day (العاشرة صباحا إلى 11): an hour."""
    prep, number = tokens[first], tokens[last]
    if prep.cls not in "pi^" or (prep.cls == "^" and prep.norm != "ل"):
        return None
    if first > 0 and tokens[first - 1].payload is True:
        return None  # after a definite word: عدد القتلى إلى 27
    for k in range(first - 1, max(-1, first - 9), -1):
        if tokens[k].cls in "_|!":
            break
        if tokens[k].cls in "n94r":
            return None  # a tally: "فاز في 20 مباراة هذا الموسم وتعادل في 7"
        if tokens[k].cls in "dhm:":
            return None  # an hour: "نقل الموعد من العاشرة صباحا إلى 11"
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is not None and last + 2 < len(tokens) and tokens[last + 2].start == after.end != 0:
        return None  # 2,2 مليار، 24,4 درجة: a decimal comma
    if number.cls == "r":
        return _day_month(first, last, number.norm) if prep.cls == "p" else None
    day = int(number.payload)
    if number.cls == "o" and number.norm.endswith("ه") and day < 13:
        return None  # في الثانية: an hour, a second, an age
    return Expr(first, last, "date", day=day) if 1 <= day <= 31 else None


def _day_month(first: int, last: int, written: str) -> Expr | None:
    """4.22 or 22.4: day and month, the day first unless only the other order is a date."""
    head, _, tail = written.partition(".")
    if len(head) > 2 or len(tail) > 2:
        return None
    day, month = int(head), int(tail)
    if month > 12 and day <= 12:
        day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Expr(first, last, "date", month=month, day=day)


def read_year_open_end(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """2012 أو بعده، عام 2012 أو بعده: the year, whatever follows it."""
    number = next(k for k in range(first, last + 1) if tokens[k].cls == "4")
    expr = read_year(tokens, first, number)
    if expr is None or not MIN_YEAR_BARE <= (expr.year or 0) <= MAX_YEAR_BARE:
        return None
    expr.last = last
    return expr
