from __future__ import annotations

from hadath.model import DateValue, Span, Timex

from .conftest import events, texts


def one(text: str, kind: str, names=()):  # type: ignore[no-untyped-def]
    found = [e for e in events(text, names) if e.type == kind]
    assert len(found) == 1, [(e.type, text[e.trigger.start : e.trigger.end]) for e in events(text, names)]
    return found[0]


def test_extract_vso_subject_and_object() -> None:
    text = "التقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرغي لافروف في هلسنكي."
    event = one(text, "CONSULT", [("مايك بومبيو", "PER"), ("سيرغي لافروف", "PER"), ("هلسنكي", "LOC")])
    assert texts(text, event.sources) == ["مايك بومبيو"]
    assert texts(text, event.targets) == ["سيرغي لافروف"]
    assert event.place is not None and event.place.of(text) == "هلسنكي"
    assert event.trigger.of(text) == "التقى"
    assert event.sentence == Span(0, len(text))


def test_extract_svo_subject() -> None:
    text = "الجيش الإسرائيلي قصف مواقع لحركة حماس في غزة."
    event = one(text, "ASSAULT", [("حماس", "ORG"), ("غزة", "LOC")])
    assert texts(text, event.sources) == ["الجيش الإسرائيلي"]
    assert texts(text, event.targets) == ["حماس"]
    assert event.place is not None and event.place.of(text) == "غزة"


def test_extract_subject_with_particles_before_the_verb() -> None:
    text = "وكان حفتر قد زار موسكو في يونيو الماضي."
    event = one(text, "CONSULT", [("حفتر", "PER"), ("موسكو", "LOC")])
    assert texts(text, event.sources) == ["حفتر"]
    assert texts(text, event.targets) == ["موسكو"]
    assert event.mode == "visit"


def test_extract_ma_introduces_the_target() -> None:
    text = "بحث الرئيس المصري عبد الفتاح السيسي مع المستشارة الألمانية أنغيلا ميركل ملف الهجرة."
    event = one(text, "CONSULT", [("عبد الفتاح السيسي", "PER"), ("أنغيلا ميركل", "PER")])
    assert texts(text, event.sources) == ["عبد الفتاح السيسي"]
    assert texts(text, event.targets) == ["أنغيلا ميركل"]


def test_extract_host_frame_swaps_roles() -> None:
    text = "استقبل العاهل الأردني الملك عبد الله الثاني رئيس الوزراء العراقي حيدر العبادي في عمان."
    event = one(text, "CONSULT", [("عبد الله الثاني", "PER"), ("حيدر العبادي", "PER"), ("عمان", "LOC")])
    assert texts(text, event.sources) == ["حيدر العبادي"]  # the visitor acts
    assert texts(text, event.targets) == ["عبد الله الثاني"]  # the host receives
    assert event.mode == "visit"


def test_extract_passive_with_agent_marker() -> None:
    text = "اغتيل القيادي مازن فقهاء برصاص مسلحين في غزة."
    event = one(text, "ASSAULT", [("مازن فقهاء", "PER"), ("غزة", "LOC")])
    assert event.mode == "targeted"
    assert texts(text, event.targets) == ["مازن فقهاء"]
    assert texts(text, event.sources) == ["مسلحين"]


def test_extract_exposed_to_attack_is_passive() -> None:
    text = "تعرض موكب الوزير لهجوم مسلح في عدن."
    event = one(text, "ASSAULT", [("عدن", "LOC")])
    assert event.place is not None and event.place.of(text) == "عدن"


def test_extract_exposed_to_attack_makes_the_subject_the_target() -> None:
    # the nationality belongs to the attacked forces, not to an attacker
    text = "وقالت القيادة إن القوات الأمريكية تعرضت لهجوم بقذائف الهاون قرب المطار."
    event = one(text, "ASSAULT")
    assert texts(text, event.targets) == ["القوات الأمريكية"]
    assert event.sources == ()
    text = "ولقي أربعة صيادين حتفهم في قصف على الشاطئ."
    assert texts(text, one(text, "ASSAULT").targets) == ["صيادين"]


def test_extract_victims_named_by_a_noun_a_count_or_a_nisba() -> None:
    for text, victim in (
        ("وقتل شخصان في انفجار عبوة ناسفة قرب السوق.", "شخصان"),
        ("قتل 12 فلسطينيا في غارة على المخيم.", "فلسطينيا"),
        ("وخطف موظف ياباني يعمل في شركة نفط أمس.", "موظف ياباني"),
        ("وأعلنت الشرطة مقتل رجل أعمال في هجوم بالرصاص.", "رجل"),
    ):
        event = one(text, "ASSAULT")
        assert texts(text, event.targets) == [victim], text
        assert event.sources == (), text


def test_extract_forces_with_a_pronoun_are_the_subject() -> None:
    text = "وأكد الجيش أن قواته قتلت مسلحا خلال مداهمة في المدينة."
    event = one(text, "ASSAULT")
    assert texts(text, event.sources) == ["الجيش"]  # the subject, named by its owner
    assert texts(text, event.targets) == ["مسلحا"]


def test_extract_trigger_read_whole_keeps_its_first_letter() -> None:
    # "فتحت" is split as ف + تحت ("under"); the verb is found on the whole word and shown whole
    text = "وقالت مصادر محلية إن دبابات فتحت النار على الحي."
    assert one(text, "ASSAULT").trigger.of(text) == "فتحت"


def test_extract_counted_victims_are_targets() -> None:
    text = "قتل خمسة جنود في هجوم انتحاري بسيارة مفخخة استهدف دورية في الموصل."
    event = one(text, "ASSAULT", [("الموصل", "LOC")])
    assert texts(text, event.targets) == ["جنود", "دورية"]  # the patrol the attack targeted
    assert event.sources == ()
    assert event.mode == "suicide-attack"


def test_extract_between_x_and_y_are_both_sources() -> None:
    text = "دارت اشتباكات عنيفة بين الجيش السوري ومقاتلي المعارضة في ريف حلب."
    event = one(text, "ASSAULT", [("حلب", "LOC")])
    assert texts(text, event.sources) == ["الجيش السوري", "مقاتلي المعارضة"]
    assert event.targets == ()


def test_extract_coordinated_subjects() -> None:
    text = "وقعت مصر والسودان اتفاقية للتعاون في الخرطوم."
    event = one(text, "SUPPORT", [("مصر", "LOC"), ("السودان", "LOC"), ("الخرطوم", "LOC")])
    assert texts(text, event.sources) == ["مصر", "السودان"]


def test_extract_protesters_name_themselves() -> None:
    text = "وأحرق المتظاهرون الإطارات في وسط المدينة."
    event = one(text, "PROTEST")
    assert texts(text, event.sources) == ["المتظاهرون"]


def test_extract_one_action_many_triggers_is_one_mention() -> None:
    text = "شنت طائرات التحالف غارات على مواقع الحوثيين، وقصفت مخازن أسلحة في صعدة."
    assert [e.type for e in events(text)] == ["ASSAULT"]


def test_extract_phone_mode_and_gap_phrase() -> None:
    text = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع نظيره التركي رجب طيب أردوغان."
    event = one(text, "CONSULT", [("فلاديمير بوتين", "PER"), ("رجب طيب أردوغان", "PER")])
    assert event.mode == "phone"
    assert texts(text, event.sources) == ["فلاديمير بوتين"]
    assert texts(text, event.targets) == ["رجب طيب أردوغان"]


def test_extract_protest_topic_is_not_a_separate_event() -> None:
    text = "تظاهر آلاف الطلاب في تونس مطالبين بإصلاح التعليم ورفضا للقانون الجديد."
    assert [e.type for e in events(text)] == ["PROTEST"]


def test_extract_sentence_without_actors_keeps_the_event_without_guessing() -> None:
    event = one("وقع انفجار ضخم صباح اليوم.", "ASSAULT") if events("وقع انفجار ضخم صباح اليوم.") else None
    if event is not None:
        assert event.sources == () and event.targets == ()


def test_extract_actors_without_event_give_nothing() -> None:
    text = "يقع مقر الأمم المتحدة في نيويورك قرب نهر هدسون."
    assert events(text, [("الأمم المتحدة", "ORG"), ("نيويورك", "LOC")]) == []


def test_extract_x_met_x_does_not_duplicate_roles() -> None:
    text = "التقى بوتين بوتين في الكرملين."  # a garbled line: the same name twice
    event = one(text, "CONSULT", [("بوتين", "PER")])
    assert len(event.sources) + len(event.targets) <= 2
    assert not set(event.sources) & set(event.targets)


def test_extract_empty_and_punctuation_only_input() -> None:
    assert events("") == []
    assert events("...  ؟!") == []


def test_extract_date_falls_back_to_publication_with_its_basis() -> None:
    [event] = events("زار الرئيس موسكو.", published=DateValue("2016-11-29", "metadata"))
    assert event.date == DateValue("2016-11-29", "published")


def test_extract_unknown_publication_gives_no_date() -> None:
    event = one("زار الرئيس موسكو.", "CONSULT")
    assert event.date.value is None


def dated(text: str, *phrases: tuple[str, str]) -> list[Timex]:
    """A DATE timex with ``value`` over each ``(phrase, value)`` of ``text``."""
    return [Timex(text.find(phrase), text.find(phrase) + len(phrase), "DATE", value) for phrase, value in phrases]


def test_extract_contradictory_dates_do_not_crash_or_invent() -> None:
    text = "زار الرئيس موسكو في يونيو 2016. وفي نوفمبر 2016 زار الرئيس موسكو مجددا."
    timexes = dated(text, ("يونيو 2016", "2016-06"), ("نوفمبر 2016", "2016-11"))
    found = events(text, timexes=timexes, published=DateValue("2018-05-01", "metadata"))
    assert [e.type for e in found] == ["CONSULT", "CONSULT"]
    for event in found:
        assert event.date.value in ("2016-06", "2016-11", "2018-05-01")
        assert event.date.basis in ("text", "published")


def test_extract_same_type_triggers_with_different_dates_stay_apart() -> None:
    text = "وكان الوزير قد زار العاصمة في مارس 2015، وفي أكتوبر 2017 التقى الرئيس هناك."
    timexes = dated(text, ("مارس 2015", "2015-03"), ("أكتوبر 2017", "2017-10"))
    found = [e for e in events(text, timexes=timexes) if e.type == "CONSULT"]
    assert sorted(e.date.value for e in found) == ["2015-03", "2017-10"]


def test_extract_a_day_within_the_month_of_another_trigger_is_the_same_action() -> None:
    text = "وزار الوزير العاصمة في مارس 2015، وخلال زيارته في 3 مارس 2015 التقى الرئيس."
    timexes = dated(text, ("مارس 2015", "2015-03"), ("3 مارس 2015", "2015-03-03"))
    assert len([e for e in events(text, timexes=timexes) if e.type == "CONSULT"]) == 1
