"""Readers of expressions relative to the anchor: days, weekdays, weeks, months, years."""

from __future__ import annotations

from hadath.timex.expr import Expr
from hadath.timex.lexicon import Unit
from hadath.timex.reading import first_of, mod_of, span_classes
from hadath.timex.tokens import Tok


def read_relday(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """اليوم، أمس، أول أمس، أمس الأول، قبل يوم أمس، بعد غد، مساء أمس، اليوم الثلاثاء."""
    relday_index = next(k for k in range(first, last + 1) if tokens[k].cls == "R")
    offset = int(tokens[relday_index].payload)
    before = tokens[relday_index - 1].cls if relday_index > first else ""
    two_back = tokens[relday_index - 2].cls if relday_index - 2 >= first else ""
    # أول أمس، قبل أمس، أول من أمس، قبل يوم أمس
    if (before and before in "Oq") or (before == "f" and two_back == "O") or (before == "D" and two_back == "q"):
        offset = -2 if offset == -1 else offset
    elif before == "a":
        if offset != 1:
            return None  # بعد اليوم: "after today" is not a day
        offset = 2
    after = tokens[relday_index + 1] if relday_index + 1 <= last else None
    if after is not None and after.cls == "o":
        if offset != -1 or after.payload != 1:
            return None  # اليوم الأول: "the first day", not today
        offset = -2
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is not None and following.cls in "VTo" and relday_index == first == last and offset == 0:
        return None  # اليوم الوطني، اليوم التالي: not the day of publication
    weekday = first_of(tokens, first, last, "W")
    return Expr(first, last, "relday", offset=offset, weekday=int(weekday.payload) if weekday else None)


def read_tonight(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """الليلة، هذا الصباح، هذه الليلة: a part of the day of publication."""
    part = tokens[last]
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is not None and following.cls in "VTo":
        return None  # الليلة الأولى
    if tokens[first].cls != "t" and part.norm != "الليله":
        return None
    return Expr(first, last, "relday", offset=0)


def read_opaque(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """اليوم التالي، الشهر التالي: relative to the story, not to publication."""
    return Expr(first, last, "opaque")


def read_last_night(tokens: list[Tok], first: int, last: int) -> Expr | None:
    if tokens[first].norm not in ("الليله", "ليله") or tokens[last].cls != "P":
        return None
    return Expr(first, last, "relday", offset=-1)


def read_weekday(tokens: list[Tok], first: int, last: int, *, dom: bool = False) -> Expr | None:
    """الثلاثاء، يوم الاثنين الماضي، الخميس المقبل، الجمعة من الأسبوع المقبل، الأحد الأول."""
    prev = tokens[first - 1] if first > 0 else None
    weekday_token = first_of(tokens, first, last, "W")
    assert weekday_token is not None
    if weekday_token.norm == "الاثنين" and prev is not None and prev.norm in ("بين", "كلا", "هذين", "كل"):
        return None  # "بين الاثنين": the two of them
    expr = Expr(first, last, "weekday", weekday=int(weekday_token.payload))
    week = first_of(tokens, first, last, "K")
    classes = span_classes(tokens, first, last)
    if week is not None:
        week_mod = mod_of(tokens, first, last)
        if week_mod is None and "t" not in classes:
            return None
        expr.week_rel = {"past": -1, "next": 1, "this": 0, None: 0}[week_mod]
    else:
        expr.mod = mod_of(tokens, first, last)
        if expr.mod is None and "t" in classes:
            expr.mod = "this"
        ordinal = first_of(tokens, first, last, "o")
        if ordinal is not None and not dom:
            expr.nth = int(ordinal.payload)
            if expr.nth > 5:
                return None
    return expr


def read_weekday_dom(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """الجمعة 22، الخميس في الحادي والعشرين: a weekday with its day of the month."""
    expr = read_weekday(tokens, first, last, dom=True)
    number = first_of(tokens, first, last, "no")
    if expr is None or number is None or not 1 <= int(number.payload) <= 31:
        return None
    expr.nth = None
    expr.day = int(number.payload)
    return expr


def read_relunit(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """هذا الأسبوع، الأسبوع الماضي، الأسبوع قبل الماضي، العام المقبل، مطلع الشهر الجاري."""
    unit_token = first_of(tokens, first, last, "KSAE")
    assert unit_token is not None
    unit = unit_token.payload
    if not isinstance(unit, Unit) or unit.count != 1:
        return None
    classes = span_classes(tokens, first, last)
    if "t" not in classes and not unit.definite:
        return None
    if "q" in classes:
        offset = -2
    elif "a" in classes:
        offset = 2
    else:
        offset = {"past": -1, "next": 1, "this": 0, None: 0}[mod_of(tokens, first, last, skip_year=False)]
    return Expr(first, last, "relunit", unit=unit.code, offset=offset)


def read_last_n(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """الأسابيع الثلاثة الماضية، الأيام القليلة الماضية، اليومين المقبلين، آخر 3 سنوات."""
    unit_token = first_of(tokens, first, last, "DKSAE")
    assert unit_token is not None
    unit = unit_token.payload
    if not isinstance(unit, Unit):
        return None
    number = first_of(tokens, first, last, "nv")
    count: float | None
    if number is not None and number.cls == "v":
        count = None
    elif number is not None:
        count = float(number.payload)
    elif unit.count == 2:
        count = 2.0
    else:
        return None  # الأسبوع الماضي is a relunit
    mod = mod_of(tokens, first, last, skip_year=False)
    sign = 1 if mod == "next" else -1
    if not unit.definite and number is not None and tokens[first].cls != "L" and mod is None:
        return None
    return Expr(first, last, "lastn", unit=unit.code, count=count, offset=sign)


def read_rest_of(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """بقية الأسبوع، باقي الشهر، ما تبقى من العام: from the anchor to the end of the unit."""
    unit = first_of(tokens, first, last, "KSA")
    if unit is None or not isinstance(unit.payload, Unit) or unit.payload.count != 1:
        return None
    return Expr(first, last, "rest", unit=unit.payload.code)
