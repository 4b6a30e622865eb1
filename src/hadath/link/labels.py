"""Labels a person can read: the main actors, the action and the date span.

An episode is named by its most central article's title (the action, in the words of
a headline), preceded by its most mentioned actors when actors are resolved, and
followed by its dates; the Latin label uses the actors' Latin names and a romanised
headline.  A storyline is named by its core actors or, without them, its core words
as they are written in its headlines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hadath.actors.romanise import romanise
from hadath.link.features import term_key
from hadath.text.segment import tokenize

MONTHS_AR = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر")
MONTHS_LAT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
HEADLINE_WORDS = 14  # a longer headline is cut, with an ellipsis


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def day_span(start: str | None, end: str | None, latin: bool) -> str:
    """"27–29 نوفمبر 2016", "30 Mar – 1 Apr 2018", "16 Jul 2018"; "" when undated."""
    first, last = _date(start), _date(end) or _date(start)
    if first is None or last is None:
        return ""
    months = MONTHS_LAT if latin else MONTHS_AR

    def day(d: dt.date, year: bool) -> str:
        return f"{d.day} {months[d.month - 1]}" + (f" {d.year}" if year else "")

    if first == last:
        return day(first, True)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {months[last.month - 1]} {last.year}"
    return f"{day(first, first.year != last.year)} – {day(last, True)}"


def month_span(start: str | None, end: str | None, latin: bool) -> str:
    """"مارس – يوليو 2018", "Nov 2016 – Sep 2023"; "" when undated."""
    first, last = _date(start), _date(end) or _date(start)
    if first is None or last is None:
        return ""
    months = MONTHS_LAT if latin else MONTHS_AR
    if (first.year, first.month) == (last.year, last.month):
        return f"{months[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{months[first.month - 1]} – {months[last.month - 1]} {last.year}"
    return f"{months[first.month - 1]} {first.year} – {months[last.month - 1]} {last.year}"


def headline(title: str, lead: str) -> str:
    """The title, or the lead's first words when there is none, cut to a readable length."""
    words = (title.strip() or lead.strip()).split()
    if len(words) > HEADLINE_WORDS:
        return " ".join(words[:HEADLINE_WORDS]) + "…"
    return " ".join(words)


def episode_labels(
    title: str, lead: str, actors: Sequence[tuple[str, str | None]], start: str | None, end: str | None
) -> tuple[str, str]:
    """(Arabic, Latin) label from the central headline, main actors (Arabic, Latin names) and dates."""
    text = headline(title, lead)
    names_ar = "، ".join(ar for ar, _ in actors)
    names_lat = ", ".join(lat or romanise(ar) for ar, lat in actors)
    arabic = f"{names_ar}: {text}" if names_ar else text
    latin_text = romanise(text)
    latin = f"{names_lat}: {latin_text}" if names_lat else latin_text
    span_ar, span_lat = day_span(start, end, False), day_span(start, end, True)
    if span_ar:
        arabic, latin = f"{arabic} ({span_ar})", f"{latin} ({span_lat})"
    return arabic, latin


def display_forms(text: str) -> dict[str, str]:
    """How each link term of ``text`` is written there (its stem, clitics left out)."""
    forms: dict[str, str] = {}
    for token in tokenize(text):
        stem = token.stem
        if stem is not None:
            forms.setdefault(term_key(stem.norm), text[stem.start : stem.end])
        elif token.kind in ("latin", "number"):
            forms.setdefault(token.norm, text[token.start : token.end])
    return forms


def storyline_labels(names: Sequence[tuple[str, str | None]], start: str | None, end: str | None) -> tuple[str, str]:
    """"حفتر وروسيا (يونيو 2016 – سبتمبر 2023)" and "Haftar and Russia (Jun 2016 – Sep 2023)"."""
    if not names:
        arabic, latin = "قصة بلا عنوان", "Untitled storyline"
    else:
        parts_ar = [ar for ar, _ in names]
        parts_lat = [lat or romanise(ar) for ar, lat in names]
        arabic = "، ".join(parts_ar[:-1]) + " و" + parts_ar[-1] if len(parts_ar) > 1 else parts_ar[0]
        latin = ", ".join(parts_lat[:-1]) + " and " + parts_lat[-1] if len(parts_lat) > 1 else parts_lat[0]
    span_ar, span_lat = month_span(start, end, False), month_span(start, end, True)
    if span_ar:
        arabic, latin = f"{arabic} ({span_ar})", f"{latin} ({span_lat})"
    return arabic, latin
