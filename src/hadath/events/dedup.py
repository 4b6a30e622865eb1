"""Events from event mentions: mentions of one real-world action become one event.

Two mentions report the same action when they have the same type, compatible dates
(equal; one coarser and containing the other; or days at most one apart), actors in
common, and the same place or a missing one.  Every mention is kept as evidence, and
the event's date is its best-dated mention's: a date read in the text beats one
inferred, which beats the publication date; then the more precise wins.

Nothing is merged without evidence: a mention with no resolved actor, or no date
value, is an event of its own.  Work is blocked by (type, actor) and, inside a block,
by calendar key, so the cost per mention does not grow with the corpus.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from hadath.model import UNKNOWN_DATE, DateValue, EventMention

BASIS_RANK = {"text": 4, "inferred": 3, "metadata": 2, "published": 1, "unknown": 0}
DAY_SLACK = 1  # days: reports of one action a day apart (time zones, "yesterday")


@dataclass(frozen=True, slots=True)
class DedupItem:
    """One event mention with what linking resolved for it."""

    article: str
    mention: EventMention
    sources: frozenset[str] = frozenset()  # actor ids
    targets: frozenset[str] = frozenset()
    place: str | None = None  # actor id of the place
    date: DateValue = UNKNOWN_DATE

    @property
    def actors(self) -> frozenset[str]:
        return self.sources | self.targets


@dataclass
class EventGroup:
    """One event: its mentions (evidence) and what they agree on."""

    type: str
    date: DateValue
    members: list[DedupItem] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    place: str | None = None

    @property
    def mode(self) -> str | None:
        modes = Counter(m.mention.mode for m in self.members if m.mention.mode)
        return modes.most_common(1)[0][0] if modes else None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.members))

    @property
    def actors(self) -> set[str]:
        return self.sources | self.targets

    def add(self, item: DedupItem) -> None:
        self.members.append(item)
        self.sources |= item.sources
        self.targets |= item.targets - self.sources
        self.place = self.place or item.place
        if date_rank(item.date) > date_rank(self.date):
            self.date = item.date


def date_rank(date: DateValue) -> tuple[int, int]:
    """How much a date is to be trusted: its basis first, then its precision."""
    return BASIS_RANK.get(date.basis, 0), _precision(date.value)


def _precision(value: str | None) -> int:
    return {4: 1, 7: 2, 10: 3}.get(len(value), 0) if value else 0


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal, one containing the other (2016-11 ⊃ 2016-11-29), or days at most a day apart."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    day_a, day_b = _day(a), _day(b)
    if day_a and day_b:
        return abs((day_a - day_b).days) <= DAY_SLACK
    short, long = sorted((a, b), key=len)
    return _precision(short) > 0 and len(short) < len(long) and long.startswith(short + "-")


def compatible(group: EventGroup, item: DedupItem) -> bool:
    if not dates_compatible(group.date.value, item.date.value):
        return False
    if group.place and item.place and group.place != item.place:
        return False
    if not group.actors & item.actors:
        return False
    # X met Y and X met Z on one day are two meetings: targets, when both have them, meet.
    return not (group.targets and item.targets and not (item.targets & group.actors or group.targets & item.actors))


def index_keys(value: str) -> list[tuple[str, str]]:
    """Calendar index keys under which a group dated ``value`` is found."""
    precision = _precision(value)
    if precision == 3:
        return [("D", value), ("M*", value[:7]), ("Y*", value[:4])]
    if precision == 2:
        return [("M", value), ("M*", value), ("Y*", value[:4])]
    return [("Y", value), ("Y*", value)]


def lookup_keys(value: str) -> list[tuple[str, str]]:
    """Keys to look up for an item dated ``value``: every group it may be compatible with."""
    precision = _precision(value)
    if precision == 3:
        day = _day(value)
        near = [(day + dt.timedelta(days=d)).isoformat() for d in range(-DAY_SLACK, DAY_SLACK + 1)] if day else [value]
        return [*(("D", v) for v in near), ("M", value[:7]), ("Y", value[:4])]
    if precision == 2:
        return [("M*", value), ("Y", value[:4])]
    return [("Y*", value)]


def group_event_mentions(items: Iterable[DedupItem]) -> list[EventGroup]:
    """Events from event mentions, every mention kept as evidence of exactly one event.

    Members keep the order of ``items``; events come in date order.
    """
    given = list(items)
    position = {id(item): k for k, item in enumerate(given)}
    ordered = sorted(given, key=lambda item: date_rank(item.date), reverse=True)  # best-dated seed groups
    groups: list[EventGroup] = []
    index: dict[tuple[str, str], dict[tuple[str, str], list[int]]] = defaultdict(lambda: defaultdict(list))
    for item in ordered:
        found = _find(groups, index, item)
        if found is None:
            found = len(groups)
            groups.append(EventGroup(item.mention.type, item.date))
        group = groups[found]
        before = group.date.value
        group.add(item)
        if item.date.value is None or not item.actors:
            continue  # nothing can be merged into it: not indexed
        if before != group.date.value or len(group.members) == 1:
            _index(index, group, found, group.actors)
        else:
            _index(index, group, found, item.actors)
    for group in groups:
        group.members.sort(key=lambda member: position[id(member)])
    return sorted(groups, key=lambda g: (g.date.value or "", g.type, g.articles))


def _find(
    groups: Sequence[EventGroup], index: dict[tuple[str, str], dict[tuple[str, str], list[int]]], item: DedupItem
) -> int | None:
    if item.date.value is None or not item.actors:
        return None
    seen: set[int] = set()
    for actor in sorted(item.actors):
        block = index.get((item.mention.type, actor))
        if not block:
            continue
        for key in lookup_keys(item.date.value):
            for number in block.get(key, ()):
                if number not in seen:
                    seen.add(number)
                    if compatible(groups[number], item):
                        return number
    return None


def _index(
    index: dict[tuple[str, str], dict[tuple[str, str], list[int]]], group: EventGroup, number: int,
    actors: Iterable[str],
) -> None:
    if group.date.value is None:
        return
    for actor in actors:
        block = index[(group.type, actor)]
        for key in index_keys(group.date.value):
            if number not in block[key][-1:]:
                block[key].append(number)
