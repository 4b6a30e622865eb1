"""Dating event mentions: the nearest timex of the trigger's clause, else publication."""

from __future__ import annotations

import datetime as dt

import pytest

from hadath.model import DateValue, Span, Timex
from hadath.timex import attach_date, tag
from hadath.timex.attach import date_of

PUBLISHED = DateValue("2016-11-29", "metadata")
ANCHOR = dt.date(2016, 11, 29)


def _date_for(text: str, trigger: str, published: DateValue = PUBLISHED) -> DateValue:
    start = text.index(trigger)
    return attach_date(Span(0, len(text)), Span(start, start + len(trigger)), tag(text, ANCHOR), published, text)


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        # the verb of saying takes its own day; the reported event the date of its clause
        ("قال الوزير الثلاثاء إن الهجوم وقع في 12 نوفمبر 2016 قرب الحدود", "قال", "2016-11-29"),
        ("قال الوزير الثلاثاء إن الهجوم وقع في 12 نوفمبر 2016 قرب الحدود", "الهجوم", "2016-11-12"),
        # two clauses, two dates
        ("التقى المشير شويغو في يونيو/حزيران الماضي، وسيزور موسكو الشهر المقبل", "التقى", "2016-06"),
        ("التقى المشير شويغو في يونيو/حزيران الماضي، وسيزور موسكو الشهر المقبل", "وسيزور", "2016-12"),
        # nearest within one clause
        ("وصل الوفد أمس إلى القاهرة بعد محادثات جرت الأحد في عمان", "وصل", "2016-11-28"),
        ("وصل الوفد أمس إلى القاهرة بعد محادثات جرت الأحد في عمان", "محادثات", "2016-11-27"),
        # a range dates the event as precisely as its ends agree
        ("عقد الاجتماع يومي 12-13 نوفمبر 2016 في عمان", "عقد", "2016-11"),
        # a week dates it to its month
        ("ارتفعت الأسعار الأسبوع الماضي بنسبة كبيرة", "ارتفعت", "2016-11"),
    ],
)
def test_attach_date_takes_the_nearest_timex_of_the_clause(text: str, trigger: str, value: str) -> None:
    dated = _date_for(text, trigger)
    assert (dated.value, dated.basis) == (value, "text")


def test_attach_date_falls_back_to_publication() -> None:
    dated = _date_for("أعلنت الحكومة خطة جديدة لدعم الفلاحين", "أعلنت")
    assert dated == DateValue("2016-11-29", "published")


def test_attach_date_skips_durations_and_open_years() -> None:
    text = "استمر الحصار ستة أشهر في 17 سبتمبر"  # a length and a date with no year
    dated = attach_date(Span(0, len(text)), Span(0, 6), tag(text, None), PUBLISHED, text)
    assert dated.basis == "published"


def test_attach_date_with_unknown_publication_is_unknown() -> None:
    dated = _date_for("أعلنت الحكومة خطة جديدة", "أعلنت", DateValue(None, "unknown"))
    assert dated == DateValue(None, "unknown")


def test_attach_date_without_text_uses_the_whole_sentence() -> None:
    text = "قال الوزير الثلاثاء إن الهجوم وقع في 12 نوفمبر 2016"
    start = text.index("الهجوم")
    dated = attach_date(Span(0, len(text)), Span(start, start + 6), tag(text, ANCHOR), PUBLISHED)
    assert dated.value in ("2016-11-29", "2016-11-12")


def test_attach_date_ignores_timexes_of_other_sentences() -> None:
    text = "وقع الانفجار أمس. وفي 3 مارس 2015 وقع انفجار آخر."
    first = Span(0, text.index(".") + 1)
    dated = attach_date(first, Span(4, 12), tag(text, ANCHOR), PUBLISHED, text)
    assert dated.value == "2016-11-28"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-11-29T11:11", "2016-11-29"),
        ("2016-W47", "2016-11"),
        ("2016-W48", "2016"),  # 28 Nov - 4 Dec
        ("2016-W52", None),  # 26 Dec 2016 - 1 Jan 2017: no shared month or year
        ("2019-04/2020-06", None),
        ("2010/2015", None),
        ("XXXX-11-12", None),
    ],
)
def test_date_of_is_as_precise_as_the_value(value: str, expected: str | None) -> None:
    from hadath.model import Timex

    assert date_of(Timex(0, 1, "DATE", value)) == expected


def test_date_of_reads_an_open_value_by_its_resolved_date_only() -> None:
    assert date_of(Timex(0, 1, "DATE", "XXXX-WXX-2", "2016-11-29", "2016-11-29")) == "2016-11-29"
    assert date_of(Timex(0, 1, "DATE", "XXXX-10-02")) is None  # no reading: no date invented


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a date set off by commas belongs to the clause around it
        ("التقى حفتر، يوم الأحد، وزير الدفاع الروسي في موسكو", "التقى", DateValue("2016-11-27", "text")),
        # another clause telling its own story keeps its date to itself
        ("فرض مجلس الأمن حظرا على السلاح عام 2011، وتطالب القيادة العامة برفعه", "تطالب",
         DateValue("2016-11-29", "published")),
    ],
)
def test_attach_other_clauses_date_only_when_bare(text: str, trigger: str, expected: DateValue) -> None:
    assert _date_for(text, trigger) == expected
