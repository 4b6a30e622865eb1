from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.ingest import Problem, iter_records
from hadath.model import Article
from tests.conftest import ARTICLE_B, ARTICLE_C


def problems(path: Path | str) -> list[str]:
    return [str(r) for r in iter_records([path]) if isinstance(r, Problem)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("empty.txt", b"", "empty file"),
        ("latin1.txt", "خبر".encode() + b" \xe9t\xe9", "invalid UTF-8 at byte 7"),
        ("nobody.html", b"<html><head><title>x</title></head><body><nav>menu</nav></body></html>",
         "no article text found"),
        ("data.xlsx", b"PK\x03\x04", "unknown extension '.xlsx'"),
        ("notes.xml", b"<?xml version='1.0'?><notes><n>1</n></notes>", "not an RSS or Atom feed"),
        ("broken.json", b'{"text": "abc"', "invalid JSON"),
        ("notext.json", b'{"title": "only a title"}', "record has no text"),
    ],
)
def test_ingest_bad_file_names_file_and_problem(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    found = problems(path)
    assert len(found) == 1
    assert str(path) in found[0]
    assert message in found[0]


def test_ingest_missing_path_is_reported(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    assert problems(missing) == [f"{missing}: no such file or folder"]


def test_ingest_truncated_jsonl_line_reported_with_number_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": "1", "text": ARTICLE_B}, ensure_ascii=False),
             json.dumps({"id": "2", "text": ARTICLE_C}, ensure_ascii=False)[:25],
             json.dumps({"id": "3", "text": ARTICLE_C}, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = list(iter_records([path]))
    assert [r.id for r in records if isinstance(r, Article)] == ["1", "3"]
    [problem] = [r for r in records if isinstance(r, Problem)]
    assert problem.line == 2 and "invalid JSON" in problem.problem and str(path) in str(problem)


def test_ingest_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_B, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "c.txt").write_text(ARTICLE_C, encoding="utf-8")
    records = list(iter_records([tmp_path]))
    assert [r.id for r in records if isinstance(r, Article)] == ["a", "c"]
    assert len([r for r in records if isinstance(r, Problem)]) == 1


def test_ingest_bad_published_metadata_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "1", "text": ARTICLE_B, "published": "31/02/2018"}) + "\n")
    [problem] = problems(path)
    assert "bad published date" in problem and ":1:" in problem
