"""Bad input never crashes and never yields an invented date."""

from __future__ import annotations

import datetime as dt

import pytest

from hadath.errors import ConfigError
from hadath.model import UNKNOWN_DATE, Sentence
from hadath.text.segment import split_sentences
from hadath.timex import infer_published, parse_published_option, tag
from hadath.timex.tagger import parse, timexes

ANCHOR = dt.date(2018, 5, 15)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("زعم البيان أن الاجتماع عقد في 31 فبراير 2018", "31 فبراير 2018"),
        ("نقلت الصحيفة أن القرار صدر في 30 فبراير", "30 فبراير"),
        ("تحدث الكاتب عن رحلة إلى عام 9999", "عام 9999"),
        ("قال إن ذلك سيحدث في 15 مايو 9999", "15 مايو 9999"),
        ("وصل الوفد يوم 30 جمادى الآخرة 1439 هـ", "30 جمادى الآخرة 1439 هـ"),
    ],
)
def test_impossible_or_implausible_dates_are_found_without_a_value(text: str, span: str) -> None:
    start = text.index(span)
    found = [t for t in tag(text, ANCHOR) if t.start < start + len(span) and start < t.end]
    assert found and all(t.value is None for t in found)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "2017-13-45", "45/13/2020", "ـــ", "٩٩٩٩٩٩٩٩", "من إلى بين و", "الـ", "ً" * 5],
)
def test_tagger_survives_odd_text(text: str) -> None:
    for found in tag(text, ANCHOR):
        assert 0 <= found.start < found.end <= len(text)
        assert found.value is None or "9999" not in found.value


@pytest.mark.parametrize("value", ["29/11/2016", "2016-02-31", "2016-13", "yesterday", "16-11-29", "", "2016-1-5"])
def test_bad_published_option_is_a_clear_config_error(value: str) -> None:
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        parse_published_option(value)


def test_published_option_rejects_years_far_in_the_future() -> None:
    with pytest.raises(ConfigError, match="implausible"):
        parse_published_option("9999-01-01", today=dt.date(2024, 1, 1))


@pytest.mark.parametrize("value", ["2016-11-29", "2016-11", "2016"])
def test_published_option_accepts_the_three_precisions(value: str) -> None:
    assert parse_published_option(value).value == value


def _infer(text: str) -> str | None:
    sentences = split_sentences(text)
    return infer_published(text, sentences, timexes(parse(text), None), UNKNOWN_DATE).value


def test_contradictory_datelines_keep_only_what_they_agree_on() -> None:
    text = "نشر في: الخميس 1 ديسمبر 2016\nالقاهرة - الثلاثاء 29 نوفمبر 2016: أعلنت الحكومة خطة جديدة."
    assert _infer(text) == "2016"


def test_datelines_in_different_years_give_no_date() -> None:
    text = "نشر في: 6 كانون الثاني 2018\nبيروت - 6 كانون الثاني 2019: قالت مصادر سياسية إن الحكومة تعثرت."
    assert _infer(text) is None


def test_explicit_sentences_are_trusted_as_given() -> None:
    text = "بيروت - 6 كانون الثاني 2019: قالت مصادر سياسية."
    head = text.index(":")
    sentences = [Sentence(0, head, "dateline"), Sentence(head + 2, len(text))]
    value = infer_published(text, sentences, timexes(parse(text), None), UNKNOWN_DATE)
    assert value.value == "2019-01-06"
    assert value.basis == "text"


def test_dateline_whose_weekday_contradicts_its_date_gives_no_day() -> None:
    value = _infer("موسكو - الأربعاء 29 نوفمبر 2016: وصل الوفد الليبي.")
    assert value is None or len(value) < 10
