from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from hadath.ingest import Problem, iter_records
from hadath.model import Article
from tests.conftest import ARTICLE_A, ARTICLE_B, ARTICLE_C

HTML_PAGE = f"""<!doctype html><html lang="ar" dir="rtl"><head><title>حفتر في موسكو | الخبر</title>
<meta property="og:title" content="حفتر في موسكو">
<meta property="og:site_name" content="الخبر">
<meta property="article:published_time" content="2016-11-29T10:00:00+00:00">
</head><body><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>
<article><h1>حفتر في موسكو</h1><p>{ARTICLE_A.split(chr(10))[0]}</p><p>{ARTICLE_B}</p><p>{ARTICLE_C}</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>صدى</title>
<item><title>غريفيث إلى الحديدة</title><link>https://example.test/b</link><guid>https://example.test/b</guid>
<pubDate>Thu, 20 Dec 2018 08:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{ARTICLE_B}</p>]]></content:encoded></item>
<item><title>اعتصام</title><link>https://example.test/c</link><description><![CDATA[<p>{ARTICLE_C}</p>]]></description></item>
</channel></rss>"""


def articles(path: Path | str, **kwargs: object) -> list[Article]:
    records = list(iter_records([path], **kwargs))  # type: ignore[arg-type]
    assert not [r for r in records if isinstance(r, Problem)], records
    return [r for r in records if isinstance(r, Article)]


def test_ingest_txt_first_short_line_is_title(tmp_path: Path) -> None:
    path = tmp_path / "haftar-moscow.txt"
    path.write_text("حفتر في موسكو\n\n" + ARTICLE_A, encoding="utf-8")
    [article] = articles(path)
    assert article.id == "haftar-moscow"
    assert article.title == "حفتر في موسكو"
    assert article.text == ARTICLE_A
    assert article.published.basis == "unknown"


def test_ingest_txt_without_title(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(ARTICLE_C, encoding="utf-8")
    [article] = articles(path)
    assert (article.title, article.text) == ("", ARTICLE_C)


def test_ingest_jsonl_ant_fields(tmp_path: Path) -> None:
    path = tmp_path / "ant.jsonl"
    path.write_text(json.dumps({"id": "SK-1", "source": "skynews", "abstract": ARTICLE_C, "text": "",
                                "published": "2018-04-07T10:00:00+00:00", "url": "http://x"}, ensure_ascii=False)
                    + "\n", encoding="utf-8")
    [article] = articles(path)
    assert (article.id, article.outlet, article.text) == ("SK-1", "skynews", ARTICLE_C)
    assert article.published.to_json() == {"value": "2018-04-07", "basis": "metadata"}


def test_ingest_json_single_object_takes_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "one-article.json"
    path.write_text(json.dumps({"text": ARTICLE_B, "title": "t"}, ensure_ascii=False), encoding="utf-8")
    [article] = articles(path)
    assert article.id == "one-article"


def test_ingest_jsonl_without_ids_gets_stable_content_ids(tmp_path: Path) -> None:
    path = tmp_path / "noid.jsonl"
    path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in (ARTICLE_B, ARTICLE_C)))
    first = [a.id for a in articles(path)]
    assert first == [a.id for a in articles(path)]
    assert len(set(first)) == 2 and all(i.startswith("h") for i in first)


def test_ingest_html_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [article] = articles(path)
    assert article.id == "page"
    assert article.title == "حفتر في موسكو"
    assert article.published.to_json() == {"value": "2016-11-29", "basis": "metadata"}
    assert "شويغو" in article.text and "الخرطوم" in article.text
    assert "الرئيسية" not in article.text and "الحقوق" not in article.text


def test_ingest_rss_feed_with_full_content(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    found = articles(path)
    assert [a.id for a in found] == ["https://example.test/b", "https://example.test/c"]
    assert found[0].text == ARTICLE_B
    assert found[0].published.value == "2018-12-20"
    assert found[1].published.basis == "unknown"
    assert found[0].outlet == "صدى"


def make_warc(path: Path, pages: dict[str, str]) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for url, html in pages.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                               http_headers=headers)
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_ingest_warc_html_responses(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    make_warc(path, {"https://example.test/haftar": HTML_PAGE})
    [article] = articles(path)
    assert article.url == "https://example.test/haftar"
    assert "شويغو" in article.text


def test_ingest_gzipped_jsonl_and_txt(tmp_path: Path) -> None:
    jsonl = tmp_path / "news.jsonl.gz"
    with gzip.open(jsonl, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "z", "text": ARTICLE_B}, ensure_ascii=False) + "\n")
    txt = tmp_path / "story.txt.gz"
    with gzip.open(txt, "wt", encoding="utf-8") as handle:
        handle.write(ARTICLE_C)
    assert [a.id for a in articles(tmp_path)] == ["z", "story"]


def test_ingest_folder_is_recursive_and_glob_expands(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(ARTICLE_B, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text(ARTICLE_C, encoding="utf-8")
    assert sorted(a.id for a in articles(tmp_path / "a")) == ["one", "two"]
    assert [a.id for a in articles(str(tmp_path / "a" / "**" / "t*.txt"))] == ["two"]


def test_ingest_published_option_fills_missing_dates_only(tmp_path: Path, three_articles: Path) -> None:
    from hadath.model import DateValue

    found = articles(three_articles, published=DateValue("2020-01-01", "metadata"))
    assert [a.published.value for a in found] == ["2016-11-29", "2018-12-20", "2020-01-01"]
