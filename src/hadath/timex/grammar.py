"""The Arabic date grammar: rules over token classes, longest match wins, then ranges.

Each rule is a regular expression over the class string of ``tokens.py`` with a
reader (``read_*.py``) that turns the matched tokens into an ``Expr`` or rejects
the match.  A rule is a *core* that starts with a required class, so the regex
engine can skip ahead to it, and an optional *prefix* (منذ، مساء يوم الثلاثاء،) that
is matched backwards from where the core starts.  All rules run; where matches
overlap the longest wins, then the earlier rule.  A second pass joins two
expressions into a range (من ... إلى ...، بين ... و ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hadath.timex import read_dates as dates
from hadath.timex import read_durations as lengths
from hadath.timex import read_relative as relative
from hadath.timex.expr import Expr
from hadath.timex.tokens import Tok

# --- building blocks (see tokens.py for the class letters) -------------------
WD = r"(?:R?d?D?W,?|R)"  # (اليوم) (مساء) (يوم) الثلاثاء،
DAY = r"u?[noO]"  # 29، الـ29، الحادي والعشرين، أول
DSEP = r"(?:[_/\-]|f)?"  # 2. أكتوبر، 2- أكتوبر، الرابع من مارس
MON = r"(?:SM|M)(?:[/\-]?M|<M>)?"  # (شهر) سبتمبر/ أيلول، سبتمبر أيلول، أيلول (سبتمبر)
YEARX = r"(?:[,_]?f?A?4[gj]?)"  # 2016، , 2016، من عام 2016، 2016م، 16. نوفمبر. 2016
YEARR = r"(?:f?(?:tA|A[PFC]))"  # من العام الماضي، هذا العام
YEAR = rf"(?:{YEARX}|{YEARR})"
CLOCK = r"(?:[\-,]?n:n(?::n)?[zg]?)"  # 11:11 ص
UNIT = r"[DKSAEhm]I?Z?(?:&k)?"  # a unit word (يوم كامل، ساعة ونصف)
DUR = rf"(?>k?[nrv]?{UNIT}(?:,?&?k?[nrv]?{UNIT})*)"  # ستة أشهر، عام و 3 أشهر
UNITS = "DKSAEhm"

Reader = Callable[[list[Tok], int, int], Expr | None]


@dataclass(frozen=True)
class Rule:
    name: str
    core: re.Pattern[str]
    prefix: re.Pattern[str] | None  # matched backwards from the start of the core
    read: Reader
    needs: tuple[frozenset[str], ...]  # classes that must occur (one of each set) for a match
    starts: str  # the classes a core can start with


# name, prefix, core, reader, classes needed; in priority order.
_RULES: list[tuple[str, str, str, Reader, tuple[str, ...]]] = [
    ("numeric_dmy", WD, rf"n([/\-_])n\1[n4]{CLOCK}?", dates.read_numeric, ("n", "/-_")),
    ("numeric_mdy_comma", "", r"n/n,4", dates.read_numeric, ("n", "/")),
    ("numeric_ymd", WD, rf"4([/\-_])n\1n{CLOCK}?", dates.read_numeric, ("4", "/-_")),
    ("numeric_ym", "", r"4[/\-_]n(?![/\-_]n)", dates.read_numeric, ("4", "/-_")),
    ("numeric_my", "", r"(?<![/\-_n])n[/\-]4", dates.read_numeric, ("4", "/-")),
    ("numeric_dm", "D", r"(?<![/\-_n])n([/\-_])n(?![/\-_]n)", dates.read_numeric, ("n", "/-_")),
    ("day_range", "s?[fb]?", rf"{DAY}(?:-|f?i|&){DAY}{DSEP}{MON}{YEAR}?[PFC]?", dates.read_day_range, ("M",)),
    ("day_range_rel", "[fb]?", rf"{DAY}(?:-|f?i|&){DAY}[pf]?(?:tS|S[PFC])", dates.read_day_range, ("S",)),
    ("month_day_range", "", rf"{MON}f?bu?[no]&u?[no]", dates.read_day_range, ("M",)),
    ("date_dmy", rf"s?{WD}?", rf"{DAY}{DSEP}{MON}{YEAR}?[PFC]?{CLOCK}?", dates.read_date, ("M",)),
    ("date_day_relmonth", "", rf"{DAY}[pf]?(?:tS|S[PFC])", dates.read_date, ("S",)),
    (
        "date_mdy",
        rf"s?{WD}?",
        rf"{MON}/?u?[no](?:{CLOCK}|{YEARX}{CLOCK}?|(?![DKSAEhmMHwVn4/\-_:]))",
        dates.read_mdy,
        ("M",),
    ),
    ("date_my", "s?e?", rf"{MON}{YEAR}[PFC]?", dates.read_date, ("M",)),
    ("month_mod", "s?e?", rf"{MON}[PFC]", dates.read_date, ("M",)),
    ("month_context", "s?e|t", MON, dates.read_month_context, ("M",)),
    ("hijri_dmy", rf"s?{WD}?", rf"{DAY}{DSEP}(?:SH|H)(?:,?f?A?4)?j?{CLOCK}?", dates.read_date, ("H",)),
    ("hijri_my", "s?e?", r"(?:SH|H),?f?A?4j?", dates.read_date, ("H",)),
    ("hijri_mod", "s?e?", r"(?:SH|H)[PFC]", dates.read_date, ("H",)),
    ("hijri_context", "s?e?", r"SH|H", dates.read_month_context, ("H",)),
    ("hijri_year", "s?e?(?:f?A)?", r"4j", dates.read_year, ("j",)),
    ("year_range", "s?[fb]?(?:f?A)?", r"4(?:-|/|f?i|&)A?4g?", dates.read_year_range, ("4",)),
    # العام الماضي 2017، العام الجاري (2018): not "العام الحالي 1071 أمر" (a count) nor 2017/2018
    (
        "year_relative_explicit",
        "e?",
        r"(?:tA|A)[PFC]?(?:<4>|4(?![/\-]4|[wV9n4rDKSAEhm]))",
        dates.read_year_explicit_relative,
        ("4",),
    ),
    ("year_unit", "s?e?f?", r"A[49][gj]?[PFC]?", dates.read_year, ("49",)),
    ("year_open_end", "s?e?(?:f?A)?", r"4g?J", dates.read_year_open_end, ("J",)),
    ("year_context", "s|e", r"4g?(?![nw49DKSAEhmV])", dates.read_year_context, ("4",)),
    ("year_punct", "", r"4g?(?=[,_:|<>~!\-]|$)", dates.read_year_alone, ("4",)),
    ("day_only", "", r"Du?n(?![DKSAEhmMHwVn4/\-_:r])", dates.read_day_only, ("D",)),
    ("day_after_prep", "[pi^]", r"u?[nor](?=[_,!|]|$)", dates.read_day_after_prep, ("pi^", "nor")),
    ("relday", "d?D?", r"(?:Of?R|Ro|qD?R|aR|R)(?:,?D?W)?", relative.read_relday, ("R",)),
    ("relday_opaque", "D?", r"RT|[KSA]T", relative.read_opaque, ("T",)),
    ("last_night", "", r"dP", relative.read_last_night, ("d",)),
    ("tonight", "t?", r"d(?![RWDP])", relative.read_tonight, ("d",)),
    ("weekday", "d?D?t?D?", r"W(?:[PFC]|f?t?K[PFC]?|o)?", relative.read_weekday, ("W",)),
    ("week_weekday", "", r"(?:tK|K)[PFC]?,?D?W", relative.read_weekday, ("W",)),
    ("weekday_dom", "D?", r"W,?p?u?[no](?![DKSAEhmMHwV/\-_:n4])", relative.read_weekday_dom, ("W",)),
    ("relunit", "e?", r"t[KSAE]|[KSAE](?:[PFC]|qP|aF)", relative.read_relunit, ("KSAE",)),
    ("last_n", "L?[nv]?", r"[DKSAE][nv]?[PF]", relative.read_last_n, (UNITS,)),
    ("last_n_first", "", r"L[nv]?[DKSAE]", relative.read_last_n, ("L",)),
    ("rest_of", "", r"Qf?t?[KSA]C?", relative.read_rest_of, ("Q",)),
    ("shift", "", rf"[qa](?:xf?)?{DUR}(?:fN|(?!f))", lengths.read_shift, ("qa", UNITS)),
    ("since_duration", "", rf"s(?:xf?)?{DUR}(?:fN)?", lengths.read_since_duration, ("s", UNITS)),
    ("from_now", "", rf"{DUR}fN", lengths.read_from_now, ("N", UNITS)),
    ("whole_day", "", r"lR", lengths.read_whole_day, ("R",)),
    ("duration", "(?:l|xf?)*k?[nrv]?", rf"{UNIT}(?:,?&?k?[nrv]?{UNIT})*", lengths.read_duration, (UNITS,)),
    ("set", "", r"Y[nv]?[DKSA]|G", lengths.read_set, ("YG",)),
]
# The classes each core can start with: a rule is tried only where one of them is.
DAY_STARTS, MON_STARTS = "unoO", "SM"
_STARTS: dict[str, str] = {
    **dict.fromkeys(("numeric_dmy", "numeric_mdy_comma", "numeric_my", "numeric_dm"), "n"),
    **dict.fromkeys(("numeric_ymd", "numeric_ym", "hijri_year", "year_range", "year_context", "year_punct"), "4"),
    **dict.fromkeys(("day_range", "day_range_rel", "date_dmy", "date_day_relmonth", "hijri_dmy"), DAY_STARTS),
    **dict.fromkeys(("month_day_range", "date_mdy", "date_my", "month_mod", "month_context"), MON_STARTS),
    **dict.fromkeys(("hijri_my", "hijri_mod", "hijri_context"), "SH"),
    "year_relative_explicit": "tA",
    "year_unit": "A",
    "year_open_end": "4",
    "day_after_prep": "unor",
    "from_now": "knrv" + UNITS,
    "day_only": "D",
    "relday": "ORqa",
    "relday_opaque": "RKSA",
    "last_night": "d",
    "tonight": "d",
    "weekday": "W",
    "week_weekday": "tK",
    "weekday_dom": "W",
    "relunit": "tKSAE",
    "last_n": "DKSAE",
    "last_n_first": "L",
    "rest_of": "Q",
    "shift": "qa",
    "since_duration": "s",
    "whole_day": "l",
    "duration": UNITS,
    "set": "YG",
}
RULES = tuple(
    Rule(
        name,
        re.compile(core),
        re.compile(f"(?:{prefix})$") if prefix else None,
        read,
        tuple(frozenset(group) for group in needs),
        _STARTS[name],
    )
    for name, prefix, core, read, needs in _RULES
)
# Rule indexes by the class a core starts with, in priority order.
_BY_START: dict[str, tuple[int, ...]] = {
    char: tuple(index for index, rule in enumerate(RULES) if char in rule.starts)
    for char in {char for rule in RULES for char in rule.starts}
}
_START_RE = re.compile("[" + re.escape("".join(sorted(_BY_START))) + "]")
PREFIX_REACH = 8  # classes looked at before a core for its prefix
_RANGE_RE = re.compile(r"(?P<open>[fb]?)X(?P<link>f?i|&|-)X")


def parse_tokens(tokens: list[Tok], classes: str) -> list[Expr]:
    """Every expression of the token list, longest matches first, then ranges joined."""
    candidates: list[tuple[int, int, int, Expr]] = []
    present = frozenset(classes)
    active: dict[int, bool] = {}
    resume = [0] * len(RULES)  # like finditer: a rule's matches do not overlap
    for start in _START_RE.finditer(classes):  # most tokens (w, V, punctuation) start no rule
        position = start.start()
        for index in _BY_START[classes[position]]:
            if position < resume[index]:
                continue
            rule = RULES[index]
            usable = active.get(index)
            if usable is None:
                usable = True
                for group in rule.needs:
                    if group.isdisjoint(present):
                        usable = False
                        break
                active[index] = usable
            if not usable:
                continue
            match = rule.core.match(classes, position)
            if match is None or match.end() == position:
                continue
            resume[index] = match.end()
            first, last = position, match.end() - 1
            if rule.prefix is not None and first:
                before = rule.prefix.search(classes, max(0, first - PREFIX_REACH), first)
                if before is not None:
                    first = before.start()
            expr = rule.read(tokens, first, last)
            if expr is not None:
                candidates.append((-(last - first), index, first, expr))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    taken = bytearray(len(tokens))
    chosen: list[Expr] = []
    for _, _, _, expr in candidates:
        if any(taken[expr.first : expr.last + 1]):
            continue
        taken[expr.first : expr.last + 1] = b"\x01" * (expr.last - expr.first + 1)
        chosen.append(expr)
    chosen.sort(key=lambda e: e.first)
    return _join_ranges(tokens, classes, chosen)


def _join_ranges(tokens: list[Tok], classes: str, exprs: list[Expr]) -> list[Expr]:
    """من X إلى Y، بين X و Y، X - Y (explicit dates only) become one range."""
    if len(exprs) < 2 or not ("i" in classes or "b" in classes or "-" in classes):
        return exprs  # no link a range needs
    marks = list(classes)
    by_first: dict[int, Expr] = {}
    for expr in exprs:
        marks[expr.first] = "X"
        for k in range(expr.first + 1, expr.last + 1):
            marks[k] = ""
        by_first[expr.first] = expr
    compact = "".join(marks)
    index = [k for k, mark in enumerate(marks) for _ in mark]  # compact position -> token
    joined: dict[int, Expr] = {}
    dropped: set[int] = set()
    for match in _RANGE_RE.finditer(compact):
        xs = [index[p] for p in range(match.start(), match.end()) if compact[p] == "X"]
        a, b = by_first[xs[0]], by_first[xs[1]]
        link, opener = match.group("link"), match.group("open")
        if not _rangeable(a, b, link, opener):
            continue
        first = index[match.start()]
        week = _week_before(compact, index, by_first, match.start(), a, b)
        if week is not None:
            # "الأسبوع المقبل بين الأربعاء والجمعة": the days of that week.
            a.week_rel = b.week_rel = week.offset
            first = week.first
            dropped.add(week.first)
        joined[a.first] = Expr(first, b.last, "range", start=a, end=b)
        dropped.add(b.first)
    return [joined.get(e.first, e) for e in exprs if e.first not in dropped]


def _week_before(compact: str, index: list[int], by_first: dict[int, Expr], at: int, a: Expr, b: Expr) -> Expr | None:
    """The week (هذا الأسبوع، الأسبوع الماضي) right before a range of two bare weekdays."""
    if at == 0 or compact[at - 1] != "X" or a.kind != "weekday":
        return None
    if any(e.mod is not None or e.week_rel is not None or e.nth is not None or e.day is not None for e in (a, b)):
        return None
    week = by_first[index[at - 1]]
    return week if week.kind == "relunit" and week.unit == "W" else None


_RANGEABLE = frozenset({"date", "relday", "weekday"})


def _rangeable(a: Expr, b: Expr, link: str, opener: str) -> bool:
    if a.kind not in _RANGEABLE or b.kind not in _RANGEABLE or a.kind != b.kind:
        return False
    if link == "&":
        return opener == "b"  # "X و Y" is a list; "بين X و Y" a range
    if link == "-":
        return a.kind == "date" and a.year is not None and b.year is not None
    return True
