"""Forms added for issue 4 (Arabic date specs), each with the news sentences that look
like it but are not dates.  Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.timex.conftest import timex_over

from hadath.timex import tag

MONDAY = dt.date(2016, 11, 7)


def _timex(text: str, span: str, anchor: dt.date | None = MONDAY) -> tuple[str | None, str | None]:
    return timex_over(text, span, anchor)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a bare day after a preposition at a clause end: the month stays open
        ("سافر الوزير ثم رجع إلى مكتبه في 14.", "في 14", "XXXX-XX-14"),
        ("قال إنه سيعود إلى 19!", "إلى 19", "XXXX-XX-19"),
        ("قرر الرئيس ثم أجّل للخامس.", "للخامس", "XXXX-XX-05"),
        ("قالت إنها ستعود إلى الثالث والعشرين", "الثالث والعشرين", "XXXX-XX-23"),
        ("عقد المؤتمر يوم 12، بحضور الوفود", "يوم 12", "XXXX-XX-12"),
        # a year spelled out, also as two numbers (19 + 28)
        ("ولد الشاعر في ألف وثمانمائة وخمسة وتسعين", "ألف وثمانمائة", "1895"),
        ("بنيت القلعة عام ثلاثمائة وعشرين", "عام ثلاثمائة وعشرين", "0320"),
        ("تأسست الشركة عام تسعة عشر خمسة وثلاثين", "تسعة عشر خمسة وثلاثين", "1935"),
        ("بنيت الكنيسة عام 415 للميلاد", "عام 415", "0415"),
        # a month named in two systems side by side, and a bare month name
        ("جرى الاستفتاء في يونيو حزيران 2016", "يونيو حزيران 2016", "2016-06"),
        ("توفي في 17 أبريل نيسان 2018", "17 أبريل نيسان 2018", "2018-04-17"),
        ("تسلم المنصب أكتوبر/ 9، وفق البيان", "أكتوبر/ 9", "XXXX-10-09"),
        # a year with an open end
        ("يشمل القرار من ولدوا 1990 أو بعده", "1990 أو بعده", "1990"),
    ],
)
def test_tagger_reads_forms_of_the_specs(text: str, span: str, value: str) -> None:
    assert _timex(text, span)[0] == value


def test_bare_month_name_keeps_its_year_open() -> None:
    # "حرب أكتوبر" names a war of 1973: the month alone says no year, none is guessed.
    assert _timex("ألقى كلمة في ذكرى حرب أكتوبر أمام الجنود", "أكتوبر") == ("XXXX-10", None)
    # after a preposition the month is read near the publication date, as before
    assert _timex("بدأت الأشغال في أكتوبر", "أكتوبر") == ("XXXX-10", "2016-10")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وصل الوفد بعد ثلاثة أيام من الآن", "2016-11-10"),  # no future marker: ...
        ("سيصل الوفد ثلاثة أيام من الآن", "2016-11-10"),  # a future clause: forward
        ("غادر الوفد المدينة ثلاثة أيام من الآن", "2016-11-04"),  # otherwise back, as news reports the past
    ],
)
def test_duration_from_now_counts_from_the_anchor(text: str, value: str) -> None:
    span = "أيام من الآن" if "بعد" not in text else "بعد ثلاثة أيام من الآن"
    assert _timex(text, span)[0] == value


@pytest.mark.parametrize(
    "text",
    [
        "ارتفع عدد القتلى إلى 27.",  # a count after a definite noun
        "أرجئت الجلسة إلى الثالث.",  # after a definite noun: left alone, as a count would be
        "التعادل في 5.",
        "فاز الفريق في 26 مباراة وتعادل في 12.",  # numbers nearby: a tally
        "بلغت درجة الحرارة 31 ثم وصلت إلى 24,4 درجة مئوية.",  # a decimal comma
        "تراجع التضخم إلى 13% في الربع",  # a percentage
        "نقل الموعد من العاشرة صباحا إلى 11!",  # an hour
        "يصور الهاتف 960 إطارا في الثانية.",  # per second
        "تزوجت وهي في الثانية عشرة، ولا تزال تدرس",  # an age
        "شارك أكثر من ألف.",  # a count in words
        "مارس الحزب ضغوطا على الحكومة",  # a verb
        "سجلت البلاد 1143 حريقا في الأيام الـ25 الأولى",  # 25 days, not the 25th
        "عاش النوع قبل أن ينقرض 100000 سنة من الآن",  # not "a year from now"
    ],
)
def test_numbers_and_words_that_only_look_like_new_forms_are_left_alone(text: str) -> None:
    assert [t for t in tag(text, MONDAY) if t.value and ("XX-" in t.value or len(t.value) == 4)] == []
