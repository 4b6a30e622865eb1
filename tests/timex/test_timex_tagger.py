"""The tagger on each form of Arabic date expression, with and without an anchor."""

from __future__ import annotations

import datetime as dt

import pytest

from hadath.timex import tag

TUESDAY = dt.date(2016, 11, 29)  # a Tuesday, ISO week 48


def _value_of(text: str, span: str, anchor: dt.date | None) -> str | None:
    start = text.index(span)
    found = [t for t in tag(text, anchor) if t.start < start + len(span) and start < t.end]
    assert found, f"nothing tagged over {span!r} in {text!r}"
    return found[0].resolved or found[0].value  # the calendar reading an event is dated by


def _timex_of(text: str, span: str, anchor: dt.date | None) -> tuple[str | None, str | None]:
    start = text.index(span)
    found = [t for t in tag(text, anchor) if t.start < start + len(span) and start < t.end]
    assert found, f"nothing tagged over {span!r} in {text!r}"
    return found[0].value, found[0].resolved


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # month-name systems
        ("وصل الوفد في 27 نوفمبر 2016 إلى موسكو", "27 نوفمبر 2016", "2016-11-27"),
        ("عقد الاجتماع في 3 أيلول 2015 في دمشق", "3 أيلول 2015", "2015-09-03"),
        ("صادق البرلمان على القانون في 17 شتنبر 2018", "17 شتنبر 2018", "2018-09-17"),
        ("احتفلت المدينة في 5 جويلية 2016 بالعيد", "5 جويلية 2016", "2016-07-05"),
        ("بدأت الامتحانات في 8 جوان 2016", "8 جوان 2016", "2016-06-08"),
        ("وقعت الاتفاقية في 14 يوليو/تموز 2015", "14 يوليو/تموز 2015", "2015-07-14"),
        ("بدأت المفاوضات في أيلول (سبتمبر) 2018", "أيلول (سبتمبر) 2018", "2018-09"),
        ("انسحبت القوات في كانون الثاني 2017", "كانون الثاني 2017", "2017-01"),
        # numeric and Arabic-Indic
        ("صدر الحكم بتاريخ 29/11/2016", "29/11/2016", "2016-11-29"),
        ("تنتهي المهلة في 2016-12-31", "2016-12-31", "2016-12-31"),
        ("أعلنت النتائج في ٢٧ نوفمبر ٢٠١٦", "٢٧ نوفمبر ٢٠١٦", "2016-11-27"),
        ("صدر القرار في ٢٩/١١/٢٠١٦", "٢٩/١١/٢٠١٦", "2016-11-29"),
        # Hijri
        ("وصل الوفد يوم الاثنين 28 صفر 1438 هـ", "28 صفر 1438 هـ", "2016-11-28"),
        ("صدر الأمر عام 1438 هـ", "1438 هـ", "2016-10-02/2017-09-20"),
        # dateline
        ("الثلاثاء 29 نوفمبر 2016 11:11 ص", "الثلاثاء 29 نوفمبر 2016", "2016-11-29T11:11"),
        # relative days
        ("قال الوزير اليوم إن المحادثات مستمرة", "اليوم", "2016-11-29"),
        ("التقى الرئيس أمس نظيره", "أمس", "2016-11-28"),
        ("أعلنت الشرطة أول أمس اعتقال مشتبه به", "أول أمس", "2016-11-27"),
        ("يعقد المجلس غدا جلسة طارئة", "غدا", "2016-11-30"),
        ("يصل الوفد بعد غد إلى العاصمة", "بعد غد", "2016-12-01"),
        # weekdays
        ("التقى المشير الثلاثاء وزير الدفاع", "الثلاثاء", "2016-11-29"),
        ("أعلنت الحكومة الأحد عن تعديل وزاري", "الأحد", "2016-11-27"),
        ("قال مسؤولون يوم الاثنين الماضي إن", "يوم الاثنين الماضي", "2016-11-28"),
        ("يلتقي الرئيسان الخميس المقبل", "الخميس المقبل", "2016-12-01"),
        ("سيزور الرئيس باريس الأحد", "الأحد", "2016-12-04"),
        # weeks, months, years
        ("ارتفعت الأسعار الأسبوع الماضي", "الأسبوع الماضي", "2016-W47"),
        ("بدأت المعارك في الأسبوع قبل الماضي", "الأسبوع قبل الماضي", "2016-W46"),
        ("يصوت البرلمان على الموازنة الشهر المقبل", "الشهر المقبل", "2016-12"),
        ("سجل الاقتصاد نموا العام الماضي", "العام الماضي", "2015"),
        # month or day with الماضي / المقبل
        ("قتل ثلاثة جنود في 17 سبتمبر/ أيلول الماضي", "17 سبتمبر/ أيلول الماضي", "2016-09-17"),
        ("زار موسكو في يونيو/حزيران الماضي", "يونيو/حزيران الماضي", "2016-06"),
        ("تنتهي الولاية في مارس المقبل", "مارس المقبل", "2017-03"),
        # ranges and spans
        ("عقد الاجتماع يومي 12-13 نوفمبر في عمان", "12-13 نوفمبر", "2016-11-12/2016-11-13"),
        ("ارتفع الدين بين إبريل 2019 ويونيو 2020", "بين إبريل 2019 ويونيو 2020", "2019-04/2020-06"),
        ("تعيش البلاد أزمة منذ عام 2014", "منذ عام 2014", "2014"),
        ("حكم البلاد من 2010 إلى 2015", "من 2010 إلى 2015", "2010/2015"),
        # durations and shifts
        ("اختفى الصحفي منذ أكثر من أسبوع", "منذ أكثر من أسبوع", "P1W"),
        ("أعلنت الحكومة قبل ستة أشهر عن خطة", "قبل ستة أشهر", "2016-05"),
        ("وقع الزلزال قبل يومين", "قبل يومين", "2016-11-27"),
        ("سيبقى المعبر مغلقا لمدة ثلاثة أيام", "لمدة ثلاثة أيام", "P3D"),
        ("تستغرق الرحلة نصف ساعة", "نصف ساعة", "PT0.5H"),
        ("قتل عشرات خلال الأيام الثلاثة الماضية", "الأيام الثلاثة الماضية", "2016-11-26/2016-11-29"),
    ],
)
def test_tagger_normalises_each_form(text: str, span: str, value: str) -> None:
    assert _value_of(text, span, TUESDAY) == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("التقى الرئيس أمس نظيره", "أمس", None),
        ("ارتفعت الأسعار الأسبوع الماضي", "الأسبوع الماضي", None),
        ("زار موسكو في يونيو/حزيران الماضي", "يونيو/حزيران الماضي", "XXXX-06"),
        ("التقى المشير الثلاثاء وزير الدفاع", "الثلاثاء", "XXXX-WXX-2"),
        ("عقد الاجتماع يومي 12-13 نوفمبر في عمان", "12-13 نوفمبر", "XXXX-11-12/XXXX-11-13"),
        ("وقع الهجوم في 17 سبتمبر", "17 سبتمبر", "XXXX-09-17"),
        ("وصل الوفد في 27 نوفمبر 2016 إلى موسكو", "27 نوفمبر 2016", "2016-11-27"),
        ("اختفى الصحفي منذ أكثر من أسبوع", "منذ أكثر من أسبوع", "P1W"),
    ],
)
def test_tagger_without_anchor_finds_relative_expressions_but_invents_no_value(
    text: str, span: str, value: str | None
) -> None:
    assert _value_of(text, span, None) == value


def test_tagger_records_the_anchor_of_relative_timexes_only() -> None:
    text = "التقى الرئيس أمس نظيره بعد زيارة في 27 نوفمبر 2016"
    by_text = {text[t.start : t.end]: t for t in tag(text, TUESDAY)}
    assert by_text["أمس"].anchor == "2016-11-29"
    assert by_text["27 نوفمبر 2016"].anchor is None


@pytest.mark.parametrize(
    "text",
    [
        "قال الأمين العام إن الرأي العام يطالب بالتحرك",
        "احتفلت البلاد باليوم الوطني",
        "قتل 2000 شخص في المعارك",
        "مارس الحزب ضغوطا على الحكومة",
        "فاز الفريق بنتيجة 3-1",
        "وصف رجب طيب أردوغان الاتفاق بالتاريخي",
        "أشار إلى الاتفاق بين الاثنين",
    ],
)
def test_tagger_leaves_homographs_of_date_words_alone(text: str) -> None:
    assert tag(text, TUESDAY) == []


def test_tagger_reads_a_yearless_date_near_the_anchor_in_its_year() -> None:
    january = dt.date(2019, 1, 7)
    assert _value_of("أعلنت الحكومة في 28 ديسمبر عن خطة", "28 ديسمبر", january) == "2018-12-28"
    assert _value_of("وصل الوفد في 3 يناير", "3 يناير", january) == "2019-01-03"
    # far from the anchor and with no tense, the year stays open rather than guessed
    assert _value_of("وقع الحادث في 3 يونيو", "3 يونيو", january) == "XXXX-06-03"


def test_tagger_weekday_contradicting_the_date_keeps_only_the_month() -> None:
    # 29 November 2016 was a Tuesday, not a Wednesday
    assert _value_of("الأربعاء 29 نوفمبر 2016", "29 نوفمبر 2016", None) == "2016-11"


@pytest.mark.parametrize(
    ("text", "span", "value", "resolved"),
    [
        ("التقى المشير الثلاثاء وزير الدفاع", "الثلاثاء", "XXXX-WXX-2", "2016-11-29"),
        ("وقع الهجوم في 17 سبتمبر", "17 سبتمبر", "XXXX-09-17", "2016-09-17"),
        ("عقد الاجتماع يومي 12-13 نوفمبر في عمان", "12-13 نوفمبر", "XXXX-11-12/XXXX-11-13", "2016-11-12/2016-11-13"),
        ("زار موسكو في يونيو/حزيران الماضي", "يونيو/حزيران الماضي", "2016-06", None),
        ("التقى الوزير يوم الأحد الماضي نظيره", "الأحد الماضي", "2016-11-27", None),
        ("وصل الوفد في 27 نوفمبر 2016 إلى موسكو", "27 نوفمبر 2016", "2016-11-27", None),
    ],
)
def test_open_fields_stay_open_in_the_value_and_are_read_in_resolved(
    text: str, span: str, value: str, resolved: str | None
) -> None:
    assert _timex_of(text, span, dt.date(2016, 11, 29)) == (value, resolved)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("عقدت الجولات الأسبوع الماضي بين الجمعة والأحد", "الأسبوع الماضي بين الجمعة والأحد", "2016-11-25/2016-11-27"),
        (
            "تعقد المحادثات هذا الأسبوع من الثلاثاء إلى الخميس",
            "هذا الأسبوع من الثلاثاء إلى الخميس",
            "2016-11-29/2016-12-01",
        ),
        # a period given by its begin and an exclusive end, as TIMEX3 gives begin + duration
        ("يتوقع هطول أمطار خلال اليومين المقبلين", "اليومين المقبلين", "2016-11-30/2016-12-02"),
        ("وقال إن الاتفاق سيوقع في 08/12, 2015", "08/12, 2015", "2015-08-12"),
        ("وصل الوفد في 16. نوفمبر. 2016 إلى موسكو", "16. نوفمبر. 2016", "2016-11-16"),
    ],
)
def test_week_day_ranges_periods_and_written_forms(text: str, span: str, value: str) -> None:
    start = text.index(span)
    found = [t for t in tag(text, TUESDAY) if t.start < start + len(span) and start < t.end]
    assert len(found) == 1 and (found[0].start, found[0].end) == (start, start + len(span))
    assert found[0].value == value
