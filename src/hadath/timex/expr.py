"""What the grammar reads from a temporal expression, before any anchor is applied.

An ``Expr`` keeps what the words say (day, month, year, weekday, "last", "next",
a count of units) and nothing they do not: resolving against a publication date is
``resolve.py``'s job, so one parse serves both the anchorless reading used to infer
the publication date and the anchored reading that follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "date",  # calendar date, possibly partial: 29 نوفمبر 2016، يونيو/حزيران الماضي، عام 2019
    "relday",  # اليوم، أمس، أول أمس، غدا، بعد غد
    "weekday",  # الثلاثاء، يوم الاثنين الماضي، الخميس المقبل
    "relunit",  # الأسبوع الماضي، الشهر المقبل، هذا العام
    "lastn",  # الأسابيع الثلاثة الماضية، آخر 3 سنوات
    "shift",  # قبل ستة أشهر، بعد يومين
    "duration",  # منذ أكثر من أسبوع، لمدة 3 أيام
    "set",  # كل يوم، سنويا
    "range",  # 12-13 نوفمبر، بين إبريل 2019 ويونيو 2020
    "rest",  # بقية الأسبوع: from the anchor to the end of the unit
    "opaque",  # found, but its value depends on the narrative (اليوم التالي)
]
Mod = Literal["past", "next", "this"]
Part = tuple[str, float | None]  # (unit code, count; None = unspecified "few")


@dataclass(slots=True)
class Expr:
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hijri: bool = False
    weekday: int | None = None  # stated weekday (Monday 0), for relday/date checks too
    mod: Mod | None = None
    year_rel: int | None = None  # "من العام الماضي": year relative to the anchor
    month_rel: int | None = None  # "20 من الشهر المقبل": month relative to the anchor
    week_rel: int | None = None  # "الجمعة من الأسبوع المقبل"
    offset: int = 0  # relday/relunit offset in units
    unit: str | None = None
    count: float | None = None
    parts: tuple[Part, ...] = ()
    nth: int | None = None  # "الأحد الأول": first Sunday of the month
    clock: tuple[int, int] | None = None
    since: bool = False  # introduced by منذ: a point in the past
    future: bool = False  # a future marker earlier in the clause
    from_now: bool = False  # "من الآن": a shift counted from the anchor, whatever the tense
    open_year: bool = False  # a bare month name (حرب أكتوبر): no year is read from the anchor
    tensed: bool = False  # "3 أيام من الآن" with no قبل/بعد: the clause's tense says which way
    invalid: bool = False  # impossible or implausible: found, never given a value
    start: Expr | None = None  # range ends
    end: Expr | None = None
