from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hadath import service
from hadath.errors import StoreError
from hadath.store import open_store
from hadath.store.migrations import SQLITE_MIGRATIONS
from tests.conftest import ARTICLE_A, ARTICLE_B, ARTICLE_C, write_jsonl


def test_store_ingest_then_reingest_changes_nothing(tmp_path: Path, three_articles: Path) -> None:
    db = tmp_path / "h.db"
    first = service.ingest([three_articles], db, workers=1)
    assert (first.ingested, first.failed) == (3, [])
    dump = dump_store(db)
    again = service.ingest([three_articles], db, workers=1)
    assert (again.ingested, again.unchanged) == (0, 3)
    assert dump_store(db) == dump


def test_store_records_named_migrations(tmp_path: Path) -> None:
    with open_store(tmp_path / "h.db") as store:
        assert store.applied_migrations()[:2] == ["0001_articles", "0002_mentions_timexes"]
        assert store.applied_migrations() == [m.name for m in SQLITE_MIGRATIONS]


def test_store_exact_duplicates_skipped_near_duplicates_marked(tmp_path: Path) -> None:
    near = ARTICLE_A.replace("بنغازي", "طرابلس")
    path = write_jsonl(tmp_path / "dups.jsonl", [
        {"id": "orig", "text": ARTICLE_A},
        {"id": "copy", "text": ARTICLE_A.replace("أ", "ا")},  # same matching form
        {"id": "near", "text": near},
        {"id": "other", "text": ARTICLE_B},
    ])
    report = service.ingest([path], tmp_path / "h.db", workers=1)
    assert (report.ingested, report.duplicates, report.near_duplicates) == (3, 1, 1)
    assert service.show("near", tmp_path / "h.db").duplicate_of == "orig"  # type: ignore[union-attr]
    assert service.show("other", tmp_path / "h.db").duplicate_of is None  # type: ignore[union-attr]


@pytest.mark.parametrize("query", ["موسكو", "مُوسْكُو", "بموسكو", "العاصمة الروسية", "الْعَاصِمَة", "عاصمه",
                                   "أمس اليمن", '"وزير الدفاع الروسي"'])
def test_store_search_ignores_alef_article_and_diacritics(tmp_path: Path, three_articles: Path, query: str) -> None:
    db = tmp_path / "h.db"
    service.ingest([three_articles], db, workers=1)
    hits = service.search(query, db)
    assert hits, query
    assert hits[0].id in {"a", "b"}
    assert hits[0].snippet


def test_store_search_alef_forms(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "n.jsonl", [{"id": "x", "text": "زار الرئيس إيران والإمارات وأبوظبي."}])
    db = tmp_path / "h.db"
    service.ingest([path], db, workers=1)
    for query in ("ايران", "إيران", "الامارات", "امارات", "ابوظبي"):
        assert [h.id for h in service.search(query, db)] == ["x"], query
    assert service.search("باريس", db) == []


def test_store_analysis_failure_on_one_article_does_not_stop_batch(tmp_path: Path, three_articles: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from hadath.ingest import prepare as prepare_module

    real = prepare_module.prepare

    def flaky(article, stages=None):  # type: ignore[no-untyped-def]
        if article.id == "b":
            raise RuntimeError("boom")
        return real(article, stages)

    monkeypatch.setattr(service, "prepare", flaky)
    report = service.ingest([three_articles], tmp_path / "h.db", workers=1)
    assert report.ingested == 2
    assert len(report.failed) == 1 and "article b" in str(report.failed[0])


def test_store_read_only_file_is_a_clear_error(tmp_path: Path, three_articles: Path) -> None:
    db = tmp_path / "h.db"
    service.ingest([three_articles], db, workers=1)
    before = dump_store(db)
    with _read_only(db), pytest.raises(StoreError, match="read-only"):
        service.ingest([three_articles, tmp_path / "more.jsonl"], db, workers=1)
    assert dump_store(db) == before


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """Make ``path`` unwritable for this process: mode bits, or immutable for root."""
    if os.geteuid() != 0:
        path.chmod(stat.S_IRUSR)
        try:
            yield
        finally:
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("root ignores file modes and this file system has no immutable flag")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_store_read_only_mount_is_a_clear_error(tmp_path: Path, three_articles: Path) -> None:
    db = tmp_path / "h.db"
    service.ingest([three_articles], db, workers=1)
    # opened read-only (as a read-only mount or permission would force), a write must fail clearly
    with open_store(db, readonly=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write_batch([_processed(ARTICLE_C)])


def test_store_locked_by_another_process_is_a_clear_error(tmp_path: Path, three_articles: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from hadath.store import sqlite as sqlite_store

    monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT_MS", 200)
    db = tmp_path / "h.db"
    with open_store(db):
        pass
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked by another process"):
            service.ingest([three_articles], db, workers=1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert service.ingest([three_articles], db, workers=1).ingested == 3


def test_store_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="not a hadath store"):
        service.search("x", path)


def test_store_missing_store_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        service.search("x", tmp_path / "missing.db")


def _processed(text: str):  # type: ignore[no-untyped-def]
    from hadath.ingest.prepare import prepare
    from hadath.model import Article

    return prepare(Article("new", text), ["sentences"])


def dump_store(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row that matters, for comparing stores (not timestamps of migrations)."""
    connection = sqlite3.connect(db)
    try:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("articles", "article_bands", "sentences", "mentions", "timexes")
        } | {"fts": connection.execute("SELECT rowid, title, body FROM articles_fts ORDER BY rowid").fetchall()}
    finally:
        connection.close()


def big_jsonl(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            text = f"{ARTICLE_A} {ARTICLE_B} رقم {i} " + " ".join(str(i * 7 + k) for k in range(30))
            handle.write(json.dumps({"id": f"n{i}", "text": text}, ensure_ascii=False) + "\n")
    return path
