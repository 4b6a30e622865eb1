from __future__ import annotations

import time

import pytest

from hadath.events.dedup import DedupItem, date_rank, dates_compatible, group_event_mentions
from hadath.model import UNKNOWN_DATE, DateValue, EventMention, Span


def item(
    article: str,
    date: str | None,
    sources: set[str] | frozenset[str] = frozenset(),
    targets: set[str] | frozenset[str] = frozenset(),
    *,
    kind: str = "CONSULT",
    basis: str = "text",
    place: str | None = None,
    mode: str | None = None,
) -> DedupItem:
    mention = EventMention(kind, mode, Span(0, 5), Span(0, 20))
    value = DateValue(date, basis) if date else UNKNOWN_DATE  # type: ignore[arg-type]
    return DedupItem(article, mention, frozenset(sources), frozenset(targets), place, value)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2016-11-29", "2016-11-29", True),
        ("2016-11", "2016-11-29", True),
        ("2016", "2016-11-29", True),
        ("2016-11-28", "2016-11-29", True),  # a day apart: time zones, "yesterday"
        ("2016-11-27", "2016-11-29", False),
        ("2016-06", "2016-11-29", False),
        ("2016-11-30", "2016-12-01", True),  # across a month end
        ("2016", "2017-01-01", False),
        (None, "2016-11-29", False),  # no date, no evidence to merge on
        ("2016-1", "2016-11", False),  # a prefix of the text is not containment
    ],
)
def test_dedup_dates_compatible(a: str | None, b: str | None, expected: bool) -> None:
    assert dates_compatible(a, b) is expected
    assert dates_compatible(b, a) is expected


def test_dedup_same_visit_from_several_articles_is_one_event() -> None:
    groups = group_event_mentions([
        item("a", "2016-11-29", {"haftar"}, {"shoigu"}, basis="published"),
        item("b", "2016-11-29", {"haftar"}, {"shoigu", "patrushev"}),
        item("c", "2016-11", {"haftar"}, set()),
    ])
    assert len(groups) == 1
    event = groups[0]
    assert event.articles == ("a", "b", "c")  # in the order given
    assert event.date == DateValue("2016-11-29", "text")  # read in the text beats the publication date
    assert event.sources == {"haftar"}
    assert event.targets == {"shoigu", "patrushev"}


def test_dedup_best_date_prefers_text_over_published_even_if_coarser() -> None:
    groups = group_event_mentions([
        item("a", "2016-11-29", {"x"}, {"y"}, basis="published"),
        item("b", "2016-11", {"x"}, {"y"}, basis="text"),
    ])
    assert len(groups) == 1
    assert groups[0].date == DateValue("2016-11", "text")


def test_dedup_different_visits_stay_apart() -> None:
    groups = group_event_mentions([
        item("a", "2016-06-27", {"haftar"}, {"lavrov"}),
        item("b", "2016-11-29", {"haftar"}, {"shoigu"}),
        item("c", "2018-11-07", {"haftar"}, {"shoigu"}),
    ])
    assert len(groups) == 3


def test_dedup_type_and_place_must_agree() -> None:
    groups = group_event_mentions([
        item("a", "2018-05-14", {"israel"}, {"gaza"}, kind="ASSAULT", place="gaza"),
        item("b", "2018-05-14", {"israel"}, {"gaza"}, kind="PROTEST", place="gaza"),
        item("c", "2018-05-14", {"israel"}, {"gaza"}, kind="ASSAULT", place="rafah"),
        item("d", "2018-05-14", {"israel"}, {"gaza"}, kind="ASSAULT"),  # no place: compatible
    ])
    assert sorted(len(g.members) for g in groups) == [1, 1, 2]


def test_dedup_same_source_different_targets_same_day_are_two_meetings() -> None:
    groups = group_event_mentions([
        item("a", "2018-03-01", {"putin"}, {"erdogan"}),
        item("b", "2018-03-01", {"putin"}, {"rouhani"}),
    ])
    assert len(groups) == 2


def test_dedup_roles_swapped_is_the_same_meeting() -> None:
    groups = group_event_mentions([
        item("a", "2018-03-01", {"putin"}, {"erdogan"}),
        item("b", "2018-03-01", {"erdogan"}, {"putin"}),
    ])
    assert len(groups) == 1


def test_dedup_self_reference_does_not_crash_or_duplicate_roles() -> None:
    groups = group_event_mentions([
        item("a", "2018-03-01", {"x"}, {"x"}),
        item("b", "2018-03-01", {"x"}, set()),
    ])
    assert len(groups) == 1
    assert groups[0].sources == {"x"}
    assert groups[0].targets == set()


def test_dedup_mentions_without_actors_or_dates_are_never_merged() -> None:
    groups = group_event_mentions([
        item("a", "2018-03-01"),
        item("b", "2018-03-01"),
        item("c", None, {"x"}, {"y"}),
        item("d", None, {"x"}, {"y"}),
    ])
    assert len(groups) == 4
    assert all(len(g.members) == 1 for g in groups)


def test_dedup_empty_input() -> None:
    assert group_event_mentions([]) == []


def test_dedup_every_mention_is_kept_once() -> None:
    items = [item(str(k), f"2018-03-{1 + k % 20:02d}", {f"a{k % 7}"}, {f"b{k % 5}"}) for k in range(300)]
    groups = group_event_mentions(items)
    members = [m for g in groups for m in g.members]
    assert sorted(m.article for m in members) == sorted(i.article for i in items)


def test_dedup_mode_is_the_most_common() -> None:
    groups = group_event_mentions([
        item("a", "2018-03-01", {"x"}, {"y"}, mode="visit"),
        item("b", "2018-03-01", {"x"}, {"y"}, mode="visit"),
        item("c", "2018-03-01", {"x"}, {"y"}, mode=None),
    ])
    assert groups[0].mode == "visit"


def test_dedup_500_near_identical_mentions_are_one_event_quickly() -> None:
    items = [
        item(f"art{k}", "2016-11-29" if k % 3 else "2016-11-28", {"haftar"}, {"shoigu"} if k % 2 else set(),
             basis="published" if k % 4 else "text")
        for k in range(500)
    ]
    started = time.perf_counter()
    groups = group_event_mentions(items)
    assert time.perf_counter() - started < 1.0
    assert len(groups) == 1
    assert len(groups[0].members) == 500


def test_dedup_cost_stays_linear_with_many_actors() -> None:
    items = [item(f"a{k}", f"2018-{1 + k % 12:02d}-{1 + k % 28:02d}", {f"s{k}"}, {f"t{k}"}) for k in range(5000)]
    started = time.perf_counter()
    groups = group_event_mentions(items)
    assert time.perf_counter() - started < 3.0
    assert len(groups) == 5000


def test_dedup_date_rank_orders_basis_then_precision() -> None:
    assert date_rank(DateValue("2016", "text")) > date_rank(DateValue("2016-11-29", "published"))
    assert date_rank(DateValue("2016-11-29", "text")) > date_rank(DateValue("2016-11", "text"))
    assert date_rank(UNKNOWN_DATE) < date_rank(DateValue("2016", "published"))
