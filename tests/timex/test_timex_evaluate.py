"""The evaluation code itself, on small hand-made inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from hadath.model import DateValue
from hadath.timex import specs
from hadath.timex.evaluate import evaluate_sentences, evaluate_specs, format_dates_table, judge


def test_evaluate_specs_scores_spans_and_values(tmp_path: Path) -> None:
    cases = [
        {
            "Input": "سأعود في 15 يونيو 2016",
            "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
            "Results": [{"Text": "15 يونيو 2016", "Start": 9, "Length": 13, "Type": "date",
                         "Value": {"Timex": "2016-06-15"}}],
        },
        {
            "Input": "سأعود الساعة 8 مساءً",
            "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
            "Results": [{"Text": "الساعة 8 مساءً", "Start": 6, "Length": 14, "Type": "time",
                         "Value": {"Timex": "T20"}}],
        },
    ]  # fmt: skip
    (tmp_path / "DateParser.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    report = evaluate_specs(tmp_path)
    row = report["files"]["DateParser"]
    assert row["out_of_scope"] == {"time_of_day": 1}
    assert row["value"]["scored"] == 1 and row["value"]["accuracy"] == 1.0
    assert {"precision", "recall", "f1"} <= set(report["overall"])


@pytest.mark.parametrize(
    ("timex", "canonical"),
    [
        ("(2016-12-04,2016-12-23,P19D)", "2016-12-04/2016-12-23"),
        ("(2014-01-01,2018-01-01,P4Y)", "2014/2018"),
        ("XXXX-10-14T08:00", "XXXX-10-14"),
        ("(XXXX-04-22T17,XXXX-04-22T18,PT1H)", "XXXX-04-22"),
        ("PT1.5H", "PT1.5H"),
    ],
)
def test_spec_values_become_comparable(timex: str, canonical: str) -> None:
    assert specs.canonical(timex) == canonical


@pytest.mark.parametrize(
    ("text", "timex", "kind", "rule"),
    [
        ("نص", "T20", "time", "time_of_day"),
        ("الساعة 10 مساءً", "2016-11-07T22", "datetime", "time_of_day"),
        ("في 5 دقائق", "2016-11-07T00:05:00", "datetime", "time_of_day"),
        ("صباح الغد الساعة 9", "2016-11-08T09", "datetime", None),
        ("لمدة ساعة", "PT1H", "duration", None),
        ("نص", "P1D", "set", "set"),
        ("نص", "2016-SU", "daterange", "season"),
        ("نهاية الأسبوع", "(2016-11-07,2016-11-13,P6D)", "daterange", "weekend"),
        ("نص", "XXXX-10-W01", "daterange", "week_of_month"),
        ("نص", "XXXX-11-WXX-5-#1", "date", "nth_weekday"),
        ("نص", "(1970-01-01,1980-01-01,P10Y)", "daterange", "decade"),
        ("نص", "(2016-07-01,2016-10-01,P3M)", "daterange", "quarter"),
        ("قبل بضعة أيام", "2016-11-04", "date", "vague_count"),
        ("ذو القعدة 2001", "2001-01", "date", None),
        ("نص", "2017-09-31", "date", "spec_error"),
        ("نص", "2016-11-29", "date", None),
    ],
)
def test_scope_rules_apply_by_rule(text: str, timex: str, kind: str, rule: str | None) -> None:
    gold = specs.Gold(text, 0, len(text), kind, timex)
    assert specs.scope_rule("DateParser", text, gold) == rule


def test_evaluate_specs_reports_in_scope_and_all(tmp_path: Path) -> None:
    cases = [
        {"Input": "سأعود الساعة 8 مساءً", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
         "Results": [{"Text": "الساعة 8 مساءً", "Start": 6, "Type": "time", "Value": {"Timex": "T20"}}]},
        {"Input": "سأعود في 15 يونيو 2016", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
         "Results": [{"Text": "15 يونيو 2016", "Start": 9, "Type": "date", "Value": {"Timex": "2016-06-15"}}]},
    ]  # fmt: skip
    (tmp_path / "DateParser.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    value = evaluate_specs(tmp_path)["files"]["DateParser"]["value"]
    assert (value["scored"], value["accuracy"]) == (1, 1.0)
    assert (value["scored_all"], value["accuracy_all"]) == (2, 0.5)


def test_evaluate_sentences_counts_values(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    lines = [
        {
            "text": "التقى الوزير أمس نظيره",
            "reference": "2016-11-29",
            "expected": [{"text": "أمس", "value": "2016-11-28"}],
        },
        {"text": "وصل الوفد الأحد", "reference": "2016-11-29", "expected": [{"text": "الأحد", "value": "2016-11-20"}]},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    report = evaluate_sentences(path)
    assert report["value"] == {"correct": 1, "scored": 2, "accuracy": 0.5}


@pytest.mark.parametrize(
    ("value", "published", "verdict"),
    [
        ("2018-05-02", "2018-05-01T22:30:00+00:00", "exact"),  # already 2 May in Cairo and Dubai
        ("2018-05-01", "2018-05-01T22:30:00+00:00", "exact"),
        ("2018-05", "2018-05-01T10:00:00+00:00", "coarser"),
        ("2018", "2018-05-01T10:00:00+00:00", "coarser"),
        ("2017", "2018-05-01T10:00:00+00:00", "wrong"),
        (None, "2018-05-01T10:00:00+00:00", "null"),
    ],
)
def test_judge_publication_dates(value: str | None, published: str, verdict: str) -> None:
    assert judge(DateValue(value, "inferred"), published) == verdict


def test_format_dates_table_renders_every_part() -> None:
    report = {
        "sentences": {"expressions": 3, "span": {"precision": 1.0, "recall": 1.0, "f1": 1.0},
                      "value": {"accuracy": 1.0}},
        "published": {"articles": 2, "counts": {"exact": 1, "coarser": 0, "null": 1, "wrong": 0}},
    }  # fmt: skip
    console = Console(record=True, width=160)
    console.print(format_dates_table(report))
    assert "own news sentences" in console.export_text()


def test_evaluate_specs_scores_the_timex_with_the_expected_value_inside_a_span(tmp_path: Path) -> None:
    # "عشرين دقيقة" (a length) and "صباح الغد" (the day) both lie inside the expected span.
    text = "سأعود عشرين دقيقة بعد الخامسة صباح الغد"
    cases = [
        {"Input": text, "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
         "Results": [{"Text": text[6:], "Start": 6, "Type": "datetime", "Value": {"Timex": "2016-11-08T05:20"}}]},
    ]  # fmt: skip
    (tmp_path / "DateTimeParser.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    value = evaluate_specs(tmp_path)["files"]["DateTimeParser"]["value"]
    assert (value["scored"], value["accuracy"]) == (1, 1.0)
