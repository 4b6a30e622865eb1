"""Incremental episode clustering on articles written for these tests."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from hadath import service
from hadath.link import episodes
from hadath.link.episodes import LinkItem, link_items, relink_episodes
from hadath.link.query import article_links, iter_episode_json
from hadath.store import Processed
from hadath.store.sqlite import SQLiteStore
from tests.link.conftest import (
    KHARTOUM,
    UNRELATED,
    VISIT_JUNE_A,
    VISIT_JUNE_B,
    VISIT_NOVEMBER_A,
    VISIT_NOVEMBER_B,
    background,
    episode_of,
    link,
    make_item,
)


def _visits() -> list[Processed]:
    return [
        make_item("june-a", VISIT_JUNE_A, "2016-06-27", "حفتر في موسكو لبحث تسليح الجيش الليبي"),
        make_item("june-b", VISIT_JUNE_B, "2016-06-28", "هفتار يلتقي شويجو في موسكو"),
        make_item("nov-a", VISIT_NOVEMBER_A, "2016-11-28", "حفتر يعود إلى موسكو ويلتقي لافروف"),
        make_item("nov-b", VISIT_NOVEMBER_B, "2016-11-29", "لافروف يستقبل حفتر في موسكو"),
    ]


def test_episodes_two_visits_months_apart_are_two_episodes(store: SQLiteStore) -> None:
    link(store, background(30, month="2016-06") + background(30, month="2016-11"))
    visits = _visits()
    link(store, visits[:2])
    link(store, visits[2:])
    episodes = episode_of(store)
    assert episodes["june-a"] != episodes["nov-a"]
    assert episodes["june-b"] != episodes["nov-b"]


def test_episodes_two_reports_in_different_spellings_are_one_episode(store: SQLiteStore) -> None:
    link(store, background(30, month="2016-06"))
    link(store, _visits()[:1])
    link(store, _visits()[1:2])  # a day later, هفتار and شويجو instead of حفتر and شويغو
    episodes = episode_of(store)
    assert episodes["june-a"] == episodes["june-b"]
    assert all(episodes[f"bg2016-06-{i}"] != episodes["june-a"] for i in range(30))


def test_episodes_arrival_order_does_not_matter(store: SQLiteStore) -> None:
    # The November reports arrive first, then June's: each still joins its own visit.
    link(store, background(20, month="2016-11") + background(20, month="2016-06"))
    visits = _visits()
    link(store, [visits[3]])
    link(store, [visits[0]])
    link(store, [visits[2], visits[1]])
    episodes = episode_of(store)
    assert episodes["june-a"] == episodes["june-b"] != episodes["nov-a"] == episodes["nov-b"]


def test_episodes_near_duplicate_joins_its_original(store: SQLiteStore) -> None:
    link(store, background(20, month="2016-06"))
    original = make_item("orig", VISIT_JUNE_A, "2016-06-27")
    copy = make_item("copy", VISIT_JUNE_A + " (وكالات)", "2016-06-30", duplicate_of="orig")
    link(store, [original])
    link(store, [copy])
    assert episode_of(store)["copy"] == episode_of(store)["orig"]


def test_episodes_five_hundred_near_identical_articles_are_one_episode_quickly(store: SQLiteStore) -> None:
    link(store, background(20, month="2016-06"))
    burst = [make_item(f"copy-{i}", VISIT_JUNE_A + f" تحديث {i}.", "2016-06-27") for i in range(500)]
    started = time.perf_counter()
    for i in range(0, 500, 100):
        link(store, burst[i : i + 100])
    elapsed = time.perf_counter() - started
    assert len({episode_of(store)[f"copy-{i}"] for i in range(500)}) == 1
    assert elapsed < 20, f"linking 500 near-identical articles took {elapsed:.1f} s"


def test_episodes_undated_article_is_in_no_episode(store: SQLiteStore) -> None:
    link(store, [make_item("undated", VISIT_JUNE_A, None)])  # type: ignore[arg-type]
    assert "undated" not in article_links(store)


def test_episodes_earlier_day_named_in_the_lead_lets_a_late_report_join(store: SQLiteStore) -> None:
    link(store, background(20, month="2016-06") + background(20, month="2016-07"))
    link(store, _visits()[:2])
    late_text = "في 27 يونيو " + VISIT_JUNE_B
    late = make_item("late", late_text, "2016-07-20", timexes=[("27 يونيو", "2016-06-27")])
    link(store, [late])
    assert episode_of(store)["late"] == episode_of(store)["june-a"]


def test_episodes_candidates_do_not_grow_with_unrelated_articles(tmp_path: Path) -> None:
    def candidates(unrelated_months: int) -> int:
        store = SQLiteStore(tmp_path / f"cost-{unrelated_months}.db")
        for m in range(unrelated_months):
            link(store, background(28, month=f"2015-{m + 1:02d}"))  # other months: outside every window
        link(store, background(28, month="2016-06"))
        link(store, _visits()[:1])
        item = _visits()[1]
        store.write_batch([item])
        rowid = store.article_rowids([item.article.id])[item.article.id]
        with store.episode_transaction():
            stats = link_items(store, [LinkItem(rowid, item.article.id, item.article.published.value, None,
                                                item.title_forms, item.body_forms)])
        store.close()
        return stats.candidates + stats.region_articles

    assert candidates(0) == candidates(6)


def test_episodes_relink_reproduces_incremental_episodes(store: SQLiteStore) -> None:
    link(store, background(30, month="2016-06") + background(30, month="2016-11"))
    for item in _visits():
        link(store, [item])
    before = {frozenset(e["articles"]) for e in iter_episode_json(store)}
    stats = relink_episodes(store)
    after = {frozenset(e["articles"]) for e in iter_episode_json(store)}
    assert stats["articles"] == 64
    assert before == after


def test_episodes_json_has_the_contract_members(store: SQLiteStore) -> None:
    link(store, background(10, month="2016-06"))
    link(store, _visits()[:2])
    episode = next(e for e in iter_episode_json(store) if "june-a" in e["articles"])
    assert {"id", "label", "start", "end", "articles", "events", "actors"} <= set(episode)
    assert episode["articles"] == ["june-a", "june-b"]
    assert (episode["start"], episode["end"]) == ("2016-06-27", "2016-06-28")
    assert episode["id"].startswith("ep-")


def test_episodes_are_linked_during_ingest(tmp_path: Path) -> None:
    records = [{"id": f"bg-{i}", "text": text, "published": f"2016-06-{1 + i:02d}"} for i, text in enumerate(UNRELATED)]
    records += [
        {"id": "june-a", "text": VISIT_JUNE_A, "title": "حفتر في موسكو", "published": "2016-06-27"},
        {"id": "june-b", "text": VISIT_JUNE_B, "title": "هفتار يلتقي شويجو", "published": "2016-06-28"},
        {"id": "nov-a", "text": VISIT_NOVEMBER_A, "title": "حفتر يعود إلى موسكو", "published": "2016-11-28"},
    ]
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "ingested.db"
    service.ingest([source], db, workers=1, stages=["sentences", "tokens"], batch_size=3)
    with SQLiteStore(db) as store:
        links = article_links(store)
    assert set(links) == {r["id"] for r in records}
    assert links["june-a"] == links["june-b"] != links["nov-a"]


def test_episodes_without_background_table_still_link(store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(episodes, "default_background", lambda: None)
    link(store, background(30, month="2016-06"))
    visits = _visits()
    link(store, visits[:1])
    link(store, visits[1:2])
    burst = [make_item(f"copy-{i}", VISIT_NOVEMBER_A + f" تحديث {i}.", "2016-11-28") for i in range(200)]
    link(store, burst)
    links = episode_of(store)
    assert links["june-a"] == links["june-b"]
    assert len({links[f"copy-{i}"] for i in range(200)}) == 1


class _StoreWithEvents(SQLiteStore):
    """A store whose events linker found one event reported by the two Sudan articles."""

    def article_events(self, rowids: list[int], firm_only: bool = False) -> dict[int, list[str]]:
        ids = self.article_rowids(["sudan-1", "sudan-2"])
        return {r: ["event/khartoum-sit-in"] for r in ids.values() if r in rowids}


def _sudan_episode(tmp_path: Path) -> dict[str, object]:
    store = _StoreWithEvents(tmp_path / "events.db")
    link(store, background(30, month="2019-03"))  # other days: the two stand alone but for the event
    link(store, [make_item("sudan-1", KHARTOUM, "2019-04-06"),
                 make_item("sudan-2", "أكد تجمع المهنيين استمرار الاعتصام حتى تسليم السلطة للمدنيين.", "2019-04-07")])
    episode = next(e for e in iter_episode_json(store) if "sudan-1" in e["articles"])
    store.close()
    return episode


def test_episodes_shared_event_joins_when_events_weigh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A day apart, with few words in common: only the shared event can join them.
    monkeypatch.setattr(episodes.features, "EVENT_BONUS", 0.3)
    episode = _sudan_episode(tmp_path)
    assert episode["articles"] == ["sudan-1", "sudan-2"]
    assert episode["events"] == ["event/khartoum-sit-in"]


def test_episodes_shared_event_is_listed_but_does_not_join_by_default(tmp_path: Path) -> None:
    # EVENT_BONUS is 0 (measured: shared events lowered BCubed F1 on episodes_dev).
    episode = _sudan_episode(tmp_path)
    assert episode["articles"] == ["sudan-1"]
    assert episode["events"] == ["event/khartoum-sit-in"]
