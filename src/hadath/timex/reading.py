"""Shared helpers of the readers: what a span of tokens says, piece by piece."""

from __future__ import annotations

from dataclasses import replace

from hadath.timex.expr import Expr, Mod
from hadath.timex.lexicon import Unit
from hadath.timex.tokens import Tok

MODS = {"P": "past", "F": "next", "C": "this"}
UNIT_CLASSES = "DKSAEhm"
# Hijri months that are also common words or names (صفر zero, محرم forbidden, رجب a
# name): accepted only with شهر, a day or a year.
AMBIGUOUS_HIJRI = frozenset({1, 2, 7})
MIN_YEAR_BARE, MAX_YEAR_BARE = 1900, 2100  # a bare number read as a year
MIN_SPELLED_YEAR = 1000  # a number spelled out in words after في/منذ
MAX_YEAR = 2200  # beyond this a stated year is implausible: found, no value
HIJRI_YEARS = range(1300, 1600)


def mod_of(tokens: list[Tok], first: int, last: int, *, skip_year: bool = True) -> Mod | None:
    """The last past/next/current word of the span (by default not one qualifying a year)."""
    mod: Mod | None = None
    for k in range(first, last + 1):
        cls = tokens[k].cls
        if cls in MODS and not (skip_year and k > first and tokens[k - 1].cls == "A"):
            mod = MODS[cls]  # type: ignore[assignment]
    return mod


def clock_of(tokens: list[Tok], first: int, last: int) -> tuple[int, int] | None:
    for k in range(first + 1, last):
        if tokens[k].cls == ":" and tokens[k - 1].cls == "n" and tokens[k + 1].cls == "n":
            hour, minute = int(tokens[k - 1].payload), int(tokens[k + 1].payload)
            after = tokens[k + 2].cls if k + 2 <= last and tokens[k + 2].cls != ":" else ""
            if after == "z" and hour == 12:
                hour = 0
            elif after == "g" and hour < 12:  # م after a clock time is "p.m."
                hour += 12
            if hour < 24 and minute < 60:
                return hour, minute
    return None


def fill_year(tokens: list[Tok], first: int, last: int, expr: Expr) -> None:
    """Fill the year of ``expr``: a stated number, or a year relative to the anchor."""
    for k in range(first, last + 1):
        token = tokens[k]
        if token.cls == "4":
            expr.year = int(token.payload)
            if k + 1 <= last and tokens[k + 1].cls == "j":
                expr.hijri = True
        elif token.cls == "A" and isinstance(token.payload, Unit) and token.payload.count == 1:
            following = tokens[k + 1].cls if k + 1 <= last else ""
            before = tokens[k - 1].cls if k > first else ""
            if following in MODS:
                expr.year_rel = {"P": -1, "F": 1, "C": 0}[following]
            elif before == "t":
                expr.year_rel = 0


def first_of(tokens: list[Tok], first: int, last: int, classes: str) -> Tok | None:
    for k in range(first, last + 1):
        if tokens[k].cls in classes:
            return tokens[k]
    return None


def day_value(token: Tok) -> int:
    return 1 if token.cls == "O" else int(token.payload)


def months_of(tokens: list[Tok], first: int, last: int, cls: str) -> list[int]:
    return [int(tokens[k].payload) for k in range(first, last + 1) if tokens[k].cls == cls]


def common_month(months: list[int]) -> int | None:
    """The month of "سبتمبر/ أيلول"; a pair naming two different months has none."""
    return months[0] if months and all(m == months[0] for m in months) else None


def in_clock(tokens: list[Tok], k: int, last: int) -> bool:
    """Whether token ``k`` is the hour or minute of a clock time (09:30)."""
    after = k + 2 <= last and tokens[k + 1].cls == ":" and tokens[k + 2].cls == "n"
    before = k >= 2 and tokens[k - 1].cls == ":" and tokens[k - 2].cls == "n"
    return after or before


def skip(tokens: list[Tok], k: int, last: int, classes: str) -> int:
    while k <= last and tokens[k].cls in classes:
        k += 1
    return k


def span_classes(tokens: list[Tok], first: int, last: int) -> str:
    return "".join(tokens[k].cls for k in range(first, last + 1))


def copy_expr(expr: Expr) -> Expr:
    return replace(expr)
