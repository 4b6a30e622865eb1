from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hadath.cli import app
from hadath.export import EXPORT_FILES
from tests.conftest import ARTICLE_A, ARTICLE_B

runner = CliRunner()


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_cli_ingest_summary_and_exit_status(tmp_path: Path, three_articles: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "نص سليم عن زيارة"}\n{"id": "broken", "te\n', encoding="utf-8")
    db = str(tmp_path / "h.db")
    code, out, _ = run("ingest", str(three_articles), "--db", db, "--workers", "1", "--json")
    assert code == 0
    assert json.loads(out)["ingested"] == 3
    code, out, err = run("ingest", str(bad), str(tmp_path / "missing.txt"), "--db", db, "--workers", "1")
    assert code == 1
    assert f"{bad}:2: invalid JSON" in err
    assert "missing.txt: no such file or folder" in err


def test_cli_bad_published_option_is_a_clear_error(three_articles: Path, tmp_path: Path) -> None:
    code, _, err = run("ingest", str(three_articles), "--db", str(tmp_path / "h.db"), "--published", "29/11/2016")
    assert code == 2
    assert "--published" in err and "not a date" in err


def test_cli_search_show_and_export(tmp_path: Path, three_articles: Path) -> None:
    db = str(tmp_path / "h.db")
    run("ingest", str(three_articles), "--db", db, "--workers", "1")
    code, out, _ = run("search", "الامم المتحده", "--db", db, "--json")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["b"]
    code, out, _ = run("show", "a", "--db", db)
    assert code == 0 and "شويغو" in out and "2016-11-29" in out
    code, _, err = run("show", "nope", "--db", db)
    assert code == 1 and "no article with id 'nope'" in err

    out_dir = tmp_path / "export"
    code, _, _ = run("export", "--db", db, "--out", str(out_dir))
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(EXPORT_FILES)
    articles = [json.loads(line) for line in (out_dir / "articles.jsonl").read_text().splitlines()]
    assert [a["id"] for a in articles] == ["a", "b", "c"]
    assert set(articles[0]) >= {"id", "url", "outlet", "title", "published", "episode", "storyline"}
    assert articles[1]["published"] == {"value": "2018-12-20", "basis": "metadata"}
    assert articles[1]["outlet"] == "y"
    for line in (out_dir / "mentions.jsonl").read_text().splitlines():
        mention = json.loads(line)
        text = {"a": ARTICLE_A, "b": ARTICLE_B}.get(mention["article"])
        if text:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_cli_analyze_file_stdin_and_jsonl(tmp_path: Path) -> None:
    article = tmp_path / "haftar.txt"
    article.write_text("حفتر في موسكو\n\n" + ARTICLE_A, encoding="utf-8")
    code, out, _ = run("analyze", str(article), "--published", "2016-11-29")
    assert code == 0
    result = json.loads(out)
    assert result["id"] == "haftar"
    assert set(result) == {"id", "published", "mentions", "timexes", "event_mentions"}
    code, out, _ = run("analyze", "-", "--published", "2016-11-29", stdin=ARTICLE_B)
    assert code == 0 and json.loads(out)["id"] == "stdin"
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"id": "x", "text": ARTICLE_B}, ensure_ascii=False) + "\nnot json\n")
    code, out, err = run("analyze", "--jsonl", str(lines))
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["x"]
    assert "in.jsonl:2" in err


def test_cli_analyze_needs_exactly_one_input() -> None:
    code, _, err = run("analyze")
    assert code == 2 and "give one article file" in err


def test_cli_missing_store_for_search(tmp_path: Path) -> None:
    code, _, err = run("search", "x", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no such store" in err


@pytest.mark.slow
def test_cli_demo_ingests_the_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("demo", "--workers", "1")
    assert code == 0, err
    assert "sample articles stored" in out
    code, out, _ = run("demo", "--workers", "1")  # a second run starts from a fresh store
    assert code == 0
    (tmp_path / "precious.db").write_text("not a store")
    code, _, err = run("demo", "--db", "precious.db")
    assert code == 2 and "not overwriting" in err
    assert (tmp_path / "precious.db").read_text() == "not a store"


def test_cli_train_clusters_names_a_missing_corpus(tmp_path: Path) -> None:
    code, _, err = run("train", "clusters", "--ant", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "c.tsv.gz"))
    assert code == 2 and "none.jsonl" in err
    assert not (tmp_path / "c.tsv.gz").exists()
