"""The events linker: event mentions of many articles deduplicated into events, in the store."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hadath.cli import app
from hadath.export import export
from hadath.link import link_batch
from hadath.link.event_query import EventFilter, iter_event_json
from hadath.link.events import relink_events
from hadath.model import DateValue, EventMention, Span
from hadath.store import Processed
from hadath.store.sqlite import SQLiteStore
from tests.link.conftest import make_item

# Texts written for these tests.
MEETING_A = "التقى المشير خليفة حفتر في موسكو وزير الدفاع الروسي سيرغي شويغو وبحثا الوضع في ليبيا."
MEETING_B = "اجتمع خليفة هفتار مع سيرجي شويجو في العاصمة الروسية موسكو، وتناول اللقاء تسليح الجيش الليبي."
MEETING_LATER = "التقى خليفة حفتر مجددا سيرغي شويغو في موسكو بعد أشهر من لقائهما الأول."
MEETING_DENIED = "نفى مكتب خليفة حفتر أن يكون قد التقى سيرغي شويغو في موسكو هذا الأسبوع."
SELF = "التقى خليفة حفتر خليفة حفتر في بنغازي."
BARE = "التقى خليفة حفتر سيرغي شويغو في موسكو. وتناول اللقاء الوضع الأمني."
PEOPLE = (("خليفة حفتر", "PER"), ("خليفة هفتار", "PER"), ("سيرغي شويغو", "PER"), ("سيرجي شويجو", "PER"),
          ("موسكو", "LOC"), ("بنغازي", "LOC"))


def span(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part))


def consult(text: str, trigger: str, source: str, target: str | None, date: str | None, basis: str = "text",
            target_nth: int = 0, **flags: bool) -> EventMention:
    return EventMention(
        "CONSULT", None, span(text, trigger), Span(0, len(text)), (span(text, source),),
        (span(text, target, target_nth),) if target else (), span(text, "موسكو") if "موسكو" in text else None,
        DateValue(date, basis), **flags,  # type: ignore[arg-type]
    )


def item(article_id: str, text: str, published: str, events: Sequence[EventMention]) -> Processed:
    found = make_item(article_id, text, published, mentions=[p for p in PEOPLE if p[0] in text])
    if text == SELF:  # the one name twice: both mentions
        second = text.index("خليفة حفتر", text.index("خليفة حفتر") + 1)
        first = found.mentions[0]
        found = dataclasses.replace(found, mentions=(first, dataclasses.replace(first, start=second,
                                                                                end=second + len("خليفة حفتر"))))
    return dataclasses.replace(found, event_mentions=tuple(events))


def ingest(store: SQLiteStore, batch: Sequence[Processed]) -> None:
    store.write_batch(batch)
    link_batch(store, batch)


def events_of(store: SQLiteStore, **where: object) -> list[dict[str, object]]:
    return list(iter_event_json(store, EventFilter(**where)))  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    return SQLiteStore(tmp_path / "events.db")


def test_events_two_reports_in_different_spellings_are_one_event(store: SQLiteStore) -> None:
    ingest(store, [item("a", MEETING_A, "2016-11-29", [consult(MEETING_A, "التقى", "خليفة حفتر", "سيرغي شويغو",
                                                                 "2016-11-29", "published")])])
    ingest(store, [item("b", MEETING_B, "2016-11-30", [consult(MEETING_B, "اجتمع", "خليفة هفتار", "سيرجي شويجو",
                                                                 "2016-11-29")])])
    events = events_of(store)
    assert len(events) == 1
    event = events[0]
    assert event["articles"] == ["a", "b"]
    assert event["sources"] == ["khalifa-haftar"] and event["targets"] == ["sergei-shoigu"]
    assert event["date"] == {"value": "2016-11-29", "basis": "text"}  # the date read in the text wins
    assert [m["trigger"] for m in event["mentions"]] == ["التقى", "اجتمع"]  # type: ignore[union-attr]


def test_events_same_people_months_apart_are_two_events(store: SQLiteStore) -> None:
    ingest(store, [item("a", MEETING_A, "2016-06-27", [consult(MEETING_A, "التقى", "خليفة حفتر", "سيرغي شويغو",
                                                                 "2016-06-27")]),
                   item("c", MEETING_LATER, "2016-11-29", [consult(MEETING_LATER, "التقى", "خليفة حفتر",
                                                                     "سيرغي شويغو", "2016-11-29")])])
    assert len(events_of(store)) == 2


def test_events_a_denied_meeting_is_kept_apart_and_not_counted(store: SQLiteStore) -> None:
    ingest(store, [item("a", MEETING_A, "2016-11-29", [consult(MEETING_A, "التقى", "خليفة حفتر", "سيرغي شويغو",
                                                                 "2016-11-29")]),
                   item("d", MEETING_DENIED, "2016-11-29", [consult(MEETING_DENIED, "التقى", "خليفة حفتر",
                                                                      "سيرغي شويغو", "2016-11-29", negated=True)])])
    assert [e["articles"] for e in events_of(store)] == [["a"]]
    every = events_of(store, include_unhappened=True)
    assert sorted(tuple(e["articles"]) for e in every) == [("a",), ("d",)]  # type: ignore[arg-type]
    assert [e["happened"] for e in every if e["articles"] == ["d"]] == [False]


def test_events_self_referential_meeting_has_no_target(store: SQLiteStore) -> None:
    ingest(store, [item("s", SELF, "2016-11-29", [consult(SELF, "التقى", "خليفة حفتر", "خليفة حفتر", "2016-11-29",
                                                            target_nth=1)])])
    (event,) = events_of(store)
    assert event["sources"] == ["khalifa-haftar"] and event["targets"] == []


def test_events_a_mention_naming_no_actor_joins_its_own_articles_event(store: SQLiteStore) -> None:
    bare = EventMention("CONSULT", None, span(BARE, "اللقاء"), Span(0, len(BARE)),
                        date=DateValue("2016-11-29", "published"))
    other = EventMention("CONSULT", None, span(MEETING_B, "اللقاء"), Span(0, len(MEETING_B)),
                         date=DateValue("2016-11-29", "published"))
    ingest(store, [item("e", BARE, "2016-11-29", [consult(BARE, "التقى", "خليفة حفتر", "سيرغي شويغو", "2016-11-29"),
                                                    bare]),
                   item("f", MEETING_B, "2016-11-29", [other])])
    events = events_of(store)
    assert sorted(len(e["mentions"]) for e in events) == [1, 2]  # type: ignore[arg-type]
    assert next(e for e in events if "e" in e["articles"])["articles"] == ["e"]  # type: ignore[operator]


def test_events_undated_mentions_are_never_merged(store: SQLiteStore) -> None:
    ingest(store, [item("a", MEETING_A, "2016-11-29", [consult(MEETING_A, "التقى", "خليفة حفتر", "سيرغي شويغو",
                                                                 None, "unknown")]),
                   item("b", MEETING_B, "2016-11-29", [consult(MEETING_B, "اجتمع", "خليفة هفتار", "سيرجي شويجو",
                                                                 None, "unknown")])])
    assert len(events_of(store)) == 2


def test_events_relink_reproduces_incremental_events(store: SQLiteStore) -> None:
    ingest(store, [item("a", MEETING_A, "2016-11-29", [consult(MEETING_A, "التقى", "خليفة حفتر", "سيرغي شويغو",
                                                                 "2016-11-29")])])
    ingest(store, [item("b", MEETING_B, "2016-11-29", [consult(MEETING_B, "اجتمع", "خليفة هفتار", "سيرجي شويجو",
                                                                 "2016-11-29")]),
                   item("c", MEETING_LATER, "2017-03-02", [consult(MEETING_LATER, "التقى", "خليفة حفتر",
                                                                     "سيرغي شويغو", "2017-03-02")])])
    before = sorted(tuple(e["articles"]) for e in events_of(store))  # type: ignore[arg-type]
    stats = relink_events(store)
    assert stats["mentions"] == 3 and stats["events_created"] == 2
    assert sorted(tuple(e["articles"]) for e in events_of(store)) == before  # type: ignore[arg-type]


def test_events_five_hundred_identical_reports_are_one_event(store: SQLiteStore) -> None:
    batch = [item(f"copy-{i}", MEETING_A + f" ({i})", "2016-11-29",
                  [consult(MEETING_A + f" ({i})", "التقى", "خليفة حفتر", "سيرغي شويغو", "2016-11-29")])
             for i in range(500)]
    for start in range(0, 500, 100):
        ingest(store, batch[start : start + 100])
    (event,) = events_of(store)
    assert len(event["mentions"]) == 500  # type: ignore[arg-type]
    # The index holds one row per block and key, not one per mention.
    assert store.db.execute("SELECT count(*) FROM event_index").fetchone()[0] <= 10


def test_events_filters_by_actor_type_and_dates(store: SQLiteStore) -> None:
    ingest(store, [item("a", MEETING_A, "2016-06-27", [consult(MEETING_A, "التقى", "خليفة حفتر", "سيرغي شويغو",
                                                                 "2016-06-27")]),
                   item("c", MEETING_LATER, "2016-11-29", [consult(MEETING_LATER, "التقى", "خليفة حفتر",
                                                                     "سيرغي شويغو", "2016-11")])])
    assert len(events_of(store, actor="Shoigu")) == 2
    assert len(events_of(store, actor="شويجو")) == 2
    assert [e["articles"] for e in events_of(store, since="2016-07")] == [["c"]]
    assert [e["articles"] for e in events_of(store, until="2016-06-30")] == [["a"]]
    assert [e["articles"] for e in events_of(store, since="2016-11-15", until="2016-11-20")] == [["c"]]  # overlap
    assert events_of(store, types=("ASSAULT",)) == []


def test_events_a_failed_link_leaves_no_half_written_events(store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from hadath.store.event_tables import SQLiteEventTables

    batch = [item("a", MEETING_A, "2016-11-29", [consult(MEETING_A, "التقى", "خليفة حفتر", "سيرغي شويغو",
                                                           "2016-11-29")])]
    store.write_batch(batch)

    def broken(self: SQLiteEventTables, links: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(SQLiteEventTables, "set_mention_events", broken)
    with pytest.raises(Exception, match="link events"):
        link_batch(store, batch)
    assert store.db.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    monkeypatch.undo()
    relink_events(store)  # resumable: the mentions are still there, unlinked
    assert len(events_of(store)) == 1


def test_events_cli_table_json_csv_and_errors(store: SQLiteStore, tmp_path: Path) -> None:
    ingest(store, [item("a", MEETING_A, "2016-11-29", [consult(MEETING_A, "التقى", "خليفة حفتر", "سيرغي شويغو",
                                                                 "2016-11-29")])])
    db = str(store.path)
    store.close()
    runner = CliRunner()
    table = runner.invoke(app, ["events", "--db", db, "--latin"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "Khalifa Haftar" in table.output and "CONSULT" in table.output
    lines = runner.invoke(app, ["events", "--db", db, "--format", "json"]).output.splitlines()
    assert json.loads(lines[0])["sources"] == ["khalifa-haftar"]
    csv_out = runner.invoke(app, ["timeline", "Haftar", "--db", db, "--format", "csv"]).output.splitlines()
    assert csv_out[0].startswith("id,type,mode,date") and "2016-11-29" in csv_out[1]
    bad = runner.invoke(app, ["events", "--db", db, "--since", "29/11/2016"])
    assert bad.exit_code == 2 and "not a date" in bad.output
    unknown = runner.invoke(app, ["timeline", "Nobody Known", "--db", db])
    assert unknown.exit_code == 2 and "no actor" in unknown.output


def test_events_export_has_the_contract_members(store: SQLiteStore, tmp_path: Path) -> None:
    ingest(store, [item("a", MEETING_A, "2016-11-29", [consult(MEETING_A, "التقى", "خليفة حفتر", "سيرغي شويغو",
                                                                 "2016-11-29")])])
    export(store, tmp_path / "out")
    (line,) = (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    event = json.loads(line)
    for member in ("id", "type", "mode", "date", "sources", "targets", "place", "articles", "mentions"):
        assert member in event
    mention = event["mentions"][0]
    assert {"article", "start", "end", "trigger", "sentence"} <= set(mention)
    assert MEETING_A[mention["start"] : mention["end"]] == mention["trigger"]
    episodes = [json.loads(x) for x in (tmp_path / "out" / "episodes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["events"] for e in episodes] == [[event["id"]]]
