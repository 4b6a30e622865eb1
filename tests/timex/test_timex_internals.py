"""Guards on the two speed-ups: the windows and the rule start classes change nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from hadath.timex import grammar, tokens
from hadath.timex.tagger import tag

SENTENCES = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[1] / "fixtures" / "timex_news.jsonl").read_text("utf-8").splitlines()
]
LONG = " ".join(item["text"] for item in SENTENCES[:60])


def test_windows_find_what_a_full_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    anchor = dt.date(2018, 5, 15)
    texts = [item["text"] for item in SENTENCES] + [LONG]
    windowed = [tag(text, anchor) for text in texts]
    monkeypatch.setattr(tokens, "windows", lambda text: [(0, len(text))] if text else [])
    assert [tag(text, anchor) for text in texts] == windowed


def test_rules_are_only_tried_where_they_can_start() -> None:
    for item in [*SENTENCES, {"text": LONG}]:
        classes = tokens.classes(tokens.tokenize(item["text"]))
        for rule in grammar.RULES:
            for match in rule.core.finditer(classes):
                if match.end() > match.start():
                    assert classes[match.start()] in rule.starts, (rule.name, classes)


def test_generic_year_words_are_skipped_only_when_not_temporal() -> None:
    assert tag("قال الأمين العام للأمم المتحدة إن الوضع خطير", dt.date(2018, 5, 15)) == []
    found = tag("قال الأمين العام إن الاقتصاد نما خلال العام الماضي", dt.date(2018, 5, 15))
    assert [t.value for t in found] == ["2017"]
