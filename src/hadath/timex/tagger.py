"""Find and normalise the temporal expressions of an Arabic text.

``tag(text, anchor)`` is the whole tagger.  It parses once (tokens → classes →
grammar, in ``tokens.py`` and ``grammar.py``) and resolves against the anchor (in
``resolve.py``); the stage uses ``parse`` and ``timexes`` separately so that one
parse serves both the anchorless reading used to infer a missing publication date
and the anchored reading after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hadath.model import Timex
from hadath.timex.expr import Expr
from hadath.timex.grammar import parse_tokens
from hadath.timex.resolve import Anchor, open_value, resolve
from hadath.timex.tense import clause_before, is_future
from hadath.timex.tokens import Tok, classes, tokenize

TENSE_WINDOW = 160  # characters before an expression searched for a future marker
_OPEN_KINDS = frozenset({"date", "weekday", "range"})  # kinds that can leave a field open


@dataclass(frozen=True)
class Parsed:
    """One text's tokens and expressions, ready to resolve against any anchor."""

    text: str
    tokens: list[Tok]
    exprs: list[Expr]


def parse(text: str) -> Parsed:
    """Tokens and expressions of ``text``; no anchor is involved yet."""
    tokens = tokenize(text)
    exprs = parse_tokens(tokens, classes(tokens)) if tokens else []
    for expr in exprs:
        if _tense_matters(expr):
            _mark_future(expr, is_future(clause_before(text, tokens[expr.first].start, TENSE_WINDOW)))
    return Parsed(text, tokens, exprs)


def _tense_matters(expr: Expr) -> bool:
    """Whether the reading of ``expr`` depends on the tense of its clause."""
    if expr.kind == "range":
        return any(part is not None and _tense_matters(part) for part in (expr.start, expr.end))
    if expr.kind == "weekday":
        return expr.mod is None and expr.week_rel is None and expr.nth is None and expr.day is None
    if expr.kind == "date":
        return expr.year is None and expr.year_rel is None and expr.month_rel is None and expr.mod is None
    return expr.kind == "shift" and expr.offset > 0


def _mark_future(expr: Expr, future: bool) -> None:
    expr.future = future
    for part in (expr.start, expr.end):
        if part is not None:
            part.future = future


def timexes(parsed: Parsed, anchor: Anchor | None) -> list[Timex]:
    """The expressions of ``parsed`` resolved against ``anchor`` (None: relative ones get no value)."""
    found: list[Timex] = []
    for expr in parsed.exprs:
        kind, value, anchored = resolve(expr, anchor)
        start, end = parsed.tokens[expr.first].start, parsed.tokens[expr.last].end
        stated = open_value(expr) if expr.kind in _OPEN_KINDS else None
        if stated is None:
            found.append(Timex(start, end, kind, value, anchor.value if anchored and anchor else None))
            continue
        # The TIMEX3 value keeps the open field; the anchored reading goes to ``resolved``.
        reading = value if anchored and anchor and value and "X" not in value else None
        found.append(Timex(start, end, kind, stated, anchor.value if reading and anchor else None, reading))
    return found


def tag(text: str, anchor: dt.date | None) -> list[Timex]:
    """Every temporal expression of ``text`` with offsets and a TIMEX3-style value.

    With no anchor, relative expressions (أمس، الأسبوع الماضي) are still found but get
    no value; absolute ones keep theirs, with ``XXXX`` for a year the text leaves open.
    A field the text leaves open stays open in ``value`` (XXXX-10-02, XXXX-WXX-2) even
    with an anchor; the anchored reading is ``resolved`` (see ``resolve.open_value``).
    """
    return timexes(parse(text), Anchor(anchor) if anchor is not None else None)
