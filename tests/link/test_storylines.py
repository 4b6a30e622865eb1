"""Storylines: episodes months apart chained by their core actors and topic."""

from __future__ import annotations

from hadath.link.query import iter_episode_json, iter_storyline_json
from hadath.store.sqlite import SQLiteStore
from tests.link.conftest import (
    FOOTBALL,
    VISIT_JUNE_A,
    VISIT_JUNE_B,
    VISIT_NOVEMBER_A,
    VISIT_NOVEMBER_B,
    background,
    link,
    make_item,
)


def _linked(store: SQLiteStore) -> None:
    link(store, background(30, month="2016-06") + background(30, month="2016-11"))
    link(store, [make_item("june-a", VISIT_JUNE_A, "2016-06-27", "حفتر في موسكو لبحث تسليح الجيش الليبي"),
                 make_item("june-b", VISIT_JUNE_B, "2016-06-28", "هفتار يلتقي شويجو في موسكو")])
    link(store, [make_item("match", FOOTBALL, "2016-09-10", "الأهلي يفوز على الزمالك")])
    link(store, [make_item("nov-a", VISIT_NOVEMBER_A, "2016-11-28", "حفتر يعود إلى موسكو ويلتقي لافروف"),
                 make_item("nov-b", VISIT_NOVEMBER_B, "2016-11-29", "لافروف يستقبل حفتر في موسكو")])


def test_storylines_chain_two_visits_months_apart(store: SQLiteStore) -> None:
    _linked(store)
    episodes = {a: e for e in iter_episode_json(store) for a in e["articles"]}
    assert episodes["june-a"]["id"] != episodes["nov-a"]["id"]
    assert episodes["june-a"]["storyline"] == episodes["nov-a"]["storyline"] is not None
    assert episodes["match"]["storyline"] != episodes["june-a"]["storyline"]


def test_storylines_json_lists_episodes_and_articles(store: SQLiteStore) -> None:
    _linked(store)
    storyline = next(s for s in iter_storyline_json(store) if "june-a" in s["articles"])
    assert {"id", "label", "episodes", "articles", "actors"} <= set(storyline)
    assert len(storyline["episodes"]) == 2
    assert set(storyline["articles"]) == {"june-a", "june-b", "nov-a", "nov-b"}
    assert (storyline["start"], storyline["end"]) == ("2016-06-27", "2016-11-29")
    assert "يونيو" in storyline["label"] and "Jun" in storyline["label_lat"]


def test_storylines_every_episode_has_one(store: SQLiteStore) -> None:
    _linked(store)
    storylines = iter_storyline_json(store)
    placed = [e for s in storylines for e in s["episodes"]]
    episodes = [e["id"] for e in iter_episode_json(store)]
    assert sorted(placed) == sorted(episodes)
