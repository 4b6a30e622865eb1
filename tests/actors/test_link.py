"""The actors linker through a real SQLiteStore: articles written for these tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from hadath.actors.query import actor_json, find_actors
from hadath.ingest import dedup
from hadath.ingest.ids import content_hash
from hadath.link.actors import link_actors
from hadath.model import Article, DateValue, Mention
from hadath.store import Processed
from hadath.store.sqlite import SQLiteStore
from hadath.text.segment import match_forms

ARTICLE_1 = (
    "موسكو - التقى المشير خليفة حفتر وزير الدفاع الروسي سيرغي شويغو في العاصمة الروسية. "
    "وأكد السفير الروسي في ليبيا إيفان مولوتكوف أن اللقاء كان مثمرا، وقال مولوتكوف إن التعاون مستمر."
)
ARTICLE_2 = (
    "قال وزير الدفاع سيرجي شويجو إن السفير إيفان مولوتكوف التقى في بنغازي المسؤول يفجيني لوكيانوف. "
    "وأضاف لوكيانوف أن الزيارة ناجحة، بينما التقى فلاديمير كوروليوف رجال أعمال."
)
ARTICLE_3 = "وصل لوكيانوف يفجيني إلى طرابلس حيث التقى أحمد معيتيق ثم اجتمع مع أحمد المسماري في بنغازي."


def _item(article_id: str, text: str, names: Sequence[tuple[str, str]], date: str) -> Processed:
    # Built by hand (no pipeline run): the linker is under test, with mentions as a tagger gives them.
    forms = match_forms(text)
    signature = dedup.signature(forms)
    processed = Processed(
        Article(article_id, text, published=DateValue(date, "metadata")), content_hash(text),
        dedup.to_bytes(signature), tuple(dedup.bands(signature)), "", " ".join(forms),
    )
    mentions = []
    for name, kind in names:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(m.start <= start < m.end for m in mentions):
                mentions.append(Mention(start, end, kind))  # type: ignore[arg-type]
            start = text.find(name, end)
    return dataclasses.replace(processed, mentions=tuple(sorted(mentions, key=lambda m: m.start)))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    db = SQLiteStore(tmp_path / "actors.db")
    first = [_item("a1", ARTICLE_1, [("خليفة حفتر", "PER"), ("سيرغي شويغو", "PER"), ("إيفان مولوتكوف", "PER"),
                                     ("مولوتكوف", "PER"), ("موسكو", "LOC")], "2018-05-01")]
    second = [
        _item("a2", ARTICLE_2, [("سيرجي شويجو", "PER"), ("إيفان مولوتكوف", "PER"), ("يفجيني لوكيانوف", "PER"),
                                ("لوكيانوف", "PER"), ("فلاديمير كوروليوف", "PER"), ("بنغازي", "LOC")], "2018-06-01"),
        _item("a3", ARTICLE_3, [("لوكيانوف يفجيني", "PER"), ("أحمد معيتيق", "PER"), ("أحمد المسماري", "PER"),
                                ("طرابلس", "LOC"), ("بنغازي", "LOC")], "2018-06-02"),
    ]
    for batch in (first, second):  # two ingest batches: linking is incremental
        db.write_batch(batch)
        link_actors(db, batch)
    yield db
    db.close()


def _actors(store: SQLiteStore, article_id: str) -> dict[str, str | None]:
    stored = store.get(article_id)
    assert stored is not None
    return {stored.article.text[m.start : m.end]: m.actor for m in stored.mentions}


def test_link_registry_spellings_reach_one_actor(store: SQLiteStore) -> None:
    assert _actors(store, "a1")["سيرغي شويغو"] == _actors(store, "a2")["سيرجي شويجو"] == "sergei-shoigu"


def test_link_discovered_actor_merges_across_articles(store: SQLiteStore) -> None:
    first, second = _actors(store, "a1"), _actors(store, "a2")
    assert first["إيفان مولوتكوف"] == first["مولوتكوف"] == second["إيفان مولوتكوف"]
    assert first["إيفان مولوتكوف"].startswith("per/")  # type: ignore[union-attr]


def test_link_surname_and_reordered_name_join_the_full_name(store: SQLiteStore) -> None:
    second, third = _actors(store, "a2"), _actors(store, "a3")
    assert second["لوكيانوف"] == second["يفجيني لوكيانوف"] == third["لوكيانوف يفجيني"]


def test_link_people_sharing_a_name_part_stay_apart(store: SQLiteStore) -> None:
    second, third = _actors(store, "a2"), _actors(store, "a3")
    assert len({third["أحمد معيتيق"], third["أحمد المسماري"]}) == 2
    assert second["فلاديمير كوروليوف"] not in (None, "vladimir-putin")


def test_link_context_places_tripoli_in_libya(store: SQLiteStore) -> None:
    assert _actors(store, "a3")["طرابلس"] == "tripoli-libya"


def test_link_counts_aliases_and_roles(store: SQLiteStore) -> None:
    actor_id = _actors(store, "a1")["إيفان مولوتكوف"]
    row = store.actors_by_ids([actor_id])[0]  # type: ignore[list-item]
    assert row.mentions == 3
    assert row.sector == "diplomat" and row.country == "RU"
    record = actor_json(store, row)
    assert record["articles"] == ["a1", "a2"]
    assert "مولوتكوف" in record["aliases"]
    assert {(r["title"], r["org"], r["start"]) for r in record["roles"]} >= {("السفير", "في ليبيا", "2018-05-01")}


def test_link_cross_script_query(store: SQLiteStore) -> None:
    for query in ("Shoigu", "شويجو", "Sergei Shoigu", "سيرغي شويقو"):
        assert find_actors(store, query)[0]["id"] == "sergei-shoigu"
    lukyanov = _actors(store, "a2")["لوكيانوف"]
    assert find_actors(store, "لوكيانوف")[0]["id"] == lukyanov
    assert find_actors(store, find_actors(store, "لوكيانوف")[0]["name_lat"])[0]["id"] == lukyanov


def test_link_export_rows_follow_the_contract(store: SQLiteStore) -> None:
    rows = find_actors(store, None, limit=100)
    assert rows and rows[0]["mentions"] >= rows[-1]["mentions"]
    for row in rows:
        assert {"id", "type", "name_ar", "name_lat", "aliases", "roles", "mentions", "articles"} <= set(row)
        assert row["type"] in ("PER", "ORG", "LOC", "MISC")
