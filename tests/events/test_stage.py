from __future__ import annotations

import json

import pytest

from hadath.errors import ModelError
from hadath.export import event_mention_json
from hadath.model import Article, DateValue
from hadath.pipeline import analyze, plan

ARTICLE = (
    "موسكو - الثلاثاء 29 نوفمبر 2016: التقى المشير خليفة حفتر وزير الدفاع الروسي سيرغي شويغو "
    "في العاصمة الروسية.\n\n"
    "ولم يلتق حفتر الرئيس الروسي خلال الزيارة، ومن المنتظر أن يزور موسكو مجددا العام المقبل."
)


def test_stage_declares_its_requirements() -> None:
    stages = {s.name: s for s in plan(["sentences", "tokens", "entities", "timexes", "event_mentions"])}
    assert stages["event_mentions"].requires == {"sentences", "tokens", "mentions", "timexes"}
    assert stages["event_mentions"].provides == {"event_mentions"}


def _analyze(text: str, published: DateValue):  # type: ignore[no-untyped-def]
    article = Article("t", text, published=published)
    try:
        return article, analyze(article, ["sentences", "tokens", "entities", "timexes", "event_mentions"])
    except ModelError as error:  # the NER model is built by `hadath train ner`
        pytest.skip(f"entities stage unavailable: {error}")


def test_stage_runs_in_the_pipeline_and_exports_json() -> None:
    article, analysis = _analyze(ARTICLE, DateValue("2016-11-29", "metadata"))
    consult = [e for e in analysis.event_mentions if e.type == "CONSULT"]
    assert len(consult) >= 2
    first = consult[0]
    assert first.trigger.of(ARTICLE) == "التقى"
    assert first.happened
    assert first.date.value == "2016-11-29"
    assert any(e.negated for e in consult) and any(e.future for e in consult)
    for event in analysis.event_mentions:
        record = event_mention_json(article, event)
        json.dumps(record, ensure_ascii=False)
        assert record["trigger"]["text"] == ARTICLE[event.trigger.start : event.trigger.end]
        assert record["sentence"]["start"] <= record["trigger"]["start"] < record["sentence"]["end"]
        for source in record["sources"]:
            assert source["text"] == ARTICLE[source["start"] : source["end"]]


def test_stage_article_without_events_or_text() -> None:
    for text in ("", "ارتفعت أسعار النفط في الأسواق العالمية.", "!!!"):
        _, analysis = _analyze(text, DateValue(None, "unknown"))
        assert analysis.event_mentions == ()
