"""Publication dates: metadata first, then datelines, then only what the text proves."""

from __future__ import annotations

from hadath.model import UNKNOWN_DATE, Article, DateValue
from hadath.text.segment import split_sentences
from hadath.timex import infer_published
from hadath.timex.stage import timexes_stage
from hadath.timex.tagger import parse, timexes


def _infer(text: str, metadata: DateValue = UNKNOWN_DATE) -> DateValue:
    return infer_published(text, split_sentences(text), timexes(parse(text), None), metadata)


def test_published_metadata_wins() -> None:
    metadata = DateValue("2018-05-15", "metadata")
    assert _infer("القاهرة - الثلاثاء 29 نوفمبر 2016: أعلنت الحكومة.", metadata) == metadata


def test_published_from_a_dateline() -> None:
    assert _infer("القاهرة - الثلاثاء 29 نوفمبر 2016: أعلنت الحكومة خطة جديدة.") == DateValue("2016-11-29", "text")


def test_published_from_a_byline() -> None:
    assert _infer("آخر تحديث: الخميس 2 مارس 2017 - 3:45 م\nأعلنت الحكومة خطة.") == DateValue("2017-03-02", "text")


def test_published_year_from_a_year_statement() -> None:
    assert _infer("سجل الاقتصاد نموا بنسبة 3 في المئة العام الماضي 2017.") == DateValue("2018", "inferred")


def test_published_month_from_the_current_month_and_year() -> None:
    text = "ارتفع التضخم في مايو الجاري، بعد أن تراجع خلال العام الجاري 2018 في أشهر عدة."
    assert _infer(text) == DateValue("2018-05", "inferred")


def test_published_day_from_today_with_a_date() -> None:
    text = "أعلنت الوزارة اليوم الأحد 13 مايو 2018 عن خطة جديدة."
    assert _infer(text) == DateValue("2018-05-13", "inferred")


def test_published_ignores_what_a_quoted_speaker_calls_today() -> None:
    text = 'قال الوزير: "ما تم تداوله اليوم الخميس 22 فبراير 2018 غير صحيح".'
    assert _infer(text) == DateValue(None, "unknown")


def test_published_upcoming_year_is_not_next_year() -> None:
    # "لعام 2020 المقبل": the coming 2020, not "next year, 2020"
    assert _infer("أطلق الرئيس حملته لعام 2020 المقبل.") == DateValue(None, "unknown")


def test_published_conflicting_year_statements_give_nothing() -> None:
    text = "نما الاقتصاد العام الماضي 2017. وتتوقع الحكومة نموا في العام الجاري 2016."
    assert _infer(text) == DateValue(None, "unknown")


def test_published_dated_mentions_without_tense_prove_nothing() -> None:
    assert _infer("وقع الاتفاق في 14 يوليو 2015 في فيينا.") == DateValue(None, "unknown")


def test_stage_infers_then_anchors_relative_timexes() -> None:
    article = Article("a", "القاهرة - الثلاثاء 29 نوفمبر 2016: التقى الوزير أمس نظيره الروسي.")
    state = {"published": article.published, "sentences": tuple(split_sentences(article.text))}
    result = timexes_stage(article, state)
    assert result["published"] == DateValue("2016-11-29", "text")
    yesterday = [t for t in result["timexes"] if article.text[t.start : t.end] == "أمس"]
    assert yesterday and yesterday[0].value == "2016-11-28" and yesterday[0].anchor == "2016-11-29"


def test_stage_with_a_year_only_publication_date_resolves_years_only() -> None:
    article = Article(
        "a", "التقى الوزير أمس نظيره، وسجل الاقتصاد نموا العام الماضي.", published=DateValue("2018", "inferred")
    )
    state = {"published": article.published, "sentences": tuple(split_sentences(article.text))}
    values = {article.text[t.start : t.end]: t.value for t in timexes_stage(article, state)["timexes"]}
    assert values == {"أمس": None, "العام الماضي": "2017"}
