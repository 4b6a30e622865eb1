from __future__ import annotations

import pytest

from hadath.events.lexicon import Lexicon
from hadath.events.participants import participants
from hadath.events.segments import SentenceView
from hadath.text.segment import tokenize

from .conftest import events, texts


def of_type(text: str, kind: str, names=()):  # type: ignore[no-untyped-def]
    found = [e for e in events(text, names) if e.type == kind]
    assert found, [(e.type, text[e.trigger.start : e.trigger.end]) for e in events(text, names)]
    return found[0]


def role_of(text: str, kind: str, role: str) -> str:
    """The words of the first ``kind`` event's ``role`` ("sources" or "targets"), joined."""
    return " ".join(texts(text, getattr(of_type(text, kind), role)))


@pytest.mark.parametrize("text, victims, sources", [
    ("وقال مصدر في الشرطة إن ثلاثة أشخاص قتلوا في انفجار عبوة قرب السوق.", "أشخاص", []),  # before the verb
    ("وأكد المتحدث أن جنديا قتل خلال الاشتباك.", "جنديا", []),
    ("قتل اربعون شخصا امس في هجمات متفرقة شمال البلاد.", "شخصا", []),  # counts in words
    ("قتل ثلاثون مدنيا في القصف على البلدة.", "مدنيا", []),
    ("وأعلن الجيش مقتل 12 من عناصر الشرطة في الهجوم على المعسكر.", "عناصر الشرطة", []),  # a number and من
    ("وخطف مسلحون 7 من العمال الأجانب قرب الحقل.", "العمال", ["مسلحون"]),
    ("وقتل مدنيون في القصف على الحي.", "مدنيون", []),  # nominative victims: a passive verb
    ("واختطف مسلحون قبل يومين تاجرا ثريا في المدينة.", "تاجرا", ["مسلحون"]),  # after a time phrase
    ("وخطف المسلحون قبل ظهر أمس أميركيا قرب الميناء.", "أميركيا", ["المسلحون"]),
    ("قتل نحو 30 شخصا في انفجار شاحنة مفخخة.", "شخصا", []),  # نحو before a count is "about"
])
def test_fill_victims_are_targets(text: str, victims: str, sources: list[str]) -> None:
    event = of_type(text, "ASSAULT")
    assert victims in " ".join(texts(text, event.targets))
    assert texts(text, event.sources) == sources


@pytest.mark.parametrize("text, kind, source", [
    ("تعرضت قافلة للإمدادات لهجوم على الطريق الساحلي في عملية تبنتها جماعة مسلحة.", "ASSAULT", "جماعة"),
    ("وتعرضت القافلة لهجوم من قبل ثلاثة مسلحين قرب الحدود.", "ASSAULT", "مسلحين"),  # a count between
    ("وخرجت مسيرة نظمها مئات الطلاب احتجاجا على القرار.", "PROTEST", "الطلاب"),
])
def test_fill_agent_marker_anywhere_names_the_source(text: str, kind: str, source: str) -> None:
    event = of_type(text, kind)
    assert source in " ".join(texts(text, event.sources))
    assert source not in " ".join(texts(text, event.targets))


def test_fill_nationality_of_the_weapon_names_the_source() -> None:
    text = "سقط صاروخ إسرائيلي على منزل في أطراف البلدة."
    event = of_type(text, "ASSAULT")
    assert texts(text, event.sources) == ["إسرائيلي"]


def test_fill_subject_across_a_participle_clause() -> None:
    text = "وقالت الشرطة إن انتحاريا يقود شاحنة فجر نفسه عند حاجز للجيش."
    event = of_type(text, "ASSAULT")
    assert texts(text, event.sources) == ["انتحاريا"]


@pytest.mark.parametrize("text, target", [
    ("تظاهر مئات الطلاب أمام الوزارة احتجاجا على زيارة الوزير للجامعة.", "الوزير"),
    ("ورفع المحتجون لافتات مناهضة للحكومة في الساحة الرئيسية.", "حكومة"),
    ("خرج آلاف المتظاهرين إلى الشوارع ضد البرلمان الجديد.", "البرلمان"),
    ("وردد المحتجون في الساحة هتافات مضادة للحكومة الانتقالية.", "حكومة"),
    ("وتجمع مئات الطلاب أمام الجامعة رفضا لقرارات الوزارة الأخيرة.", "الوزارة"),
    ("واعتصم السكان أمام المبنى متهمين الشرطة بالتقصير في حمايتهم.", "الشرطة"),
    ("وخرجت مسيرة في العاصمة تطالب بطرد السفير الأجنبي من البلاد.", "السفير"),
])
def test_fill_protest_target_follows_its_cue(text: str, target: str) -> None:
    event = of_type(text, "PROTEST")
    assert target in " ".join(texts(text, event.targets))


@pytest.mark.parametrize("text", [
    "اعتصم العمال أمام المصنع مطالبين بزيادة الأجور.",
    "وتظاهر الأهالي أمام المحكمة مطالبين بالإفراج عن المعتقلين.",
])
def test_fill_protest_demand_is_not_a_target(text: str) -> None:
    event = of_type(text, "PROTEST")
    assert not event.targets


def test_fill_never_replaces_what_the_clause_gave() -> None:
    text = "الجيش الإسرائيلي قصف مواقع لحركة حماس في غزة بنيران المدفعية."
    event = of_type(text, "ASSAULT", [("حماس", "ORG"), ("غزة", "LOC")])
    assert texts(text, event.sources) == ["الجيش الإسرائيلي"]


def test_participants_accusative_of_a_listed_noun(lexicon: Lexicon) -> None:
    text = "التقى الوزير ناشطا من المعارضة."
    view = SentenceView.of(tokenize(text))
    assert "ناشطا" in [text[p.span.start : p.span.end] for p in participants(view, (), lexicon)]


def test_participants_victims_and_counted_nisbas_only_when_asked(lexicon: Lexicon) -> None:
    text = "قتل 12 فلسطينيا وسائق في قصف على المخيم."
    view = SentenceView.of(tokenize(text))
    with_victims = [text[p.span.start : p.span.end] for p in participants(view, (), lexicon)]
    assert with_victims == ["فلسطينيا", "سائق"]
    assert participants(view, (), lexicon, extended=False) == []


def test_participants_number_words_count_only_when_asked(lexicon: Lexicon) -> None:
    text = "قتل اربعون مسلحا في الاشتباكات."
    view = SentenceView.of(tokenize(text))
    assert [p.counted for p in participants(view, (), lexicon)] == [True]
    assert [p.counted for p in participants(view, (), lexicon, extended=False)] == [False]


@pytest.mark.parametrize("text, crowd", [
    ("وتجمهر الناس أمام مبنى البلدية مساء أمس.", "الناس"),
    ("واستمر اعتصام العاملين في المصنع لليوم الثالث.", "العاملين"),
    ("وتظاهرت المتظاهرات في الساحة الرئيسية رافعات الأعلام.", "المتظاهرات"),
])
def test_fill_crowds_are_the_protesters(text: str, crowd: str) -> None:
    event = of_type(text, "PROTEST")
    assert texts(text, event.sources) == [crowd]


@pytest.mark.parametrize("text, bomber", [
    ("وفجر انتحاري نفسه قرب نقطة تفتيش في المدينة.", "انتحاري"),
    ("واستهدفت انتحارية حافلة للركاب في السوق.", "انتحارية"),
])
def test_fill_bomber_right_after_the_verb_is_the_source(text: str, bomber: str) -> None:
    event = of_type(text, "ASSAULT")
    assert texts(text, event.sources) == [bomber]


def test_fill_bomber_adjective_names_no_source() -> None:
    text = "وقتل خمسة أشخاص في هجوم انتحاري على مركز للشرطة."
    event = of_type(text, "ASSAULT")
    assert not event.sources


def test_fill_nominative_actor_after_a_verbal_noun_is_the_subject() -> None:
    text = "كما خطف مسلحون أمس عددا من العمال في الريف."  # خطف read as a verbal noun here
    event = of_type(text, "ASSAULT")
    assert texts(text, event.sources) == ["مسلحون"]
    assert "مسلحون" not in texts(text, event.targets)


@pytest.mark.parametrize("text, kind, role, actor", [
    # a claim of responsibility names who carried the attack out
    ("وأعلنت جماعة مسلحة مسؤوليتها عن خطف مهندسين قرب الحقل.", "ASSAULT", "sources", "جماعة"),
    ("وتبنت الحركة المسؤولية عن الهجوم على القافلة.", "ASSAULT", "sources", "الحركة"),
    # the subject of a support verb carries out the verbal noun after ب, however far
    ("وقامت الجماعة في مارس الماضي بخطف أربعة صيادين قرب الساحل.", "ASSAULT", "sources", "الجماعة"),
    ("وقام مسلحون يرتدون زي الشرطة بتفجير سيارة قرب المبنى.", "ASSAULT", "sources", "مسلحون"),
    # the subject of a verb whose object is the verbal noun acts
    ("أجرت القوات البحرية تدريبات مشتركة مع نظيرتها المصرية.", "COOPERATE", "sources", "القوات"),
    ("وشنت الطائرات الحربية غارات على مواقع المسلحين.", "ASSAULT", "sources", "الطائرات"),
    ("وشارك مئات الطلاب في مسيرة وسط العاصمة.", "PROTEST", "sources", "الطلاب"),
    # the pronoun on أن after an announcing verb stands for the announcer
    ("وأعلنت الشرطة أنها قتلت ثلاثة مسلحين في المداهمة.", "ASSAULT", "sources", "الشرطة"),
    ("وكانت الحركة أعلنت في بيان أنها نظمت مسيرة أمام البرلمان.", "PROTEST", "sources", "الحركة"),
    # whoever escaped an attack was its target
    ("ونجا وزير الداخلية من محاولة اغتيال بعبوة ناسفة في العاصمة.", "ASSAULT", "targets", "وزير"),
    ("وقال الناطق إن الجنود، نجوا من هجوم على دوريتهم ليلا.", "ASSAULT", "targets", "الجنود"),
    # the toll an attack took names its targets
    ("ووقع انفجار قوي وسط البلدة صباح أمس، وأسفر عن إصابة سبعة أشخاص بجروح.", "ASSAULT", "targets", "أشخاص"),
    ("وسقطت قذيفة صاروخية على حي سكني أمس، وأسفرت عن إصابة ثلاثة مدنيين.", "ASSAULT", "targets", "مدنيين"),
])
def test_fill_frame_outside_the_clause_names_an_argument(text: str, kind: str, role: str, actor: str) -> None:
    assert actor in role_of(text, kind, role)


@pytest.mark.parametrize("text", [
    "وذكرت مصادر أمنية أنه قتل خمسة أشخاص في الانفجار.",  # the empty pronoun of "it was reported"
    "وقال شهود إنهم قتلوا برصاص القناصة.",  # witnesses report, they do not act
    "وحملت الحكومة الجماعة المسؤولية عن خطف المهندسين.",  # blame is not a claim
    "وكان الرجل يحرس مقر الحزب ونجا من محاولة اغتيال.",  # a genitive ending a clause is no survivor
    "وأعلنت الحكومة إصابة عشرات الجنود في غارات شنها الطيران.",  # the raids are not what it announced
])
def test_fill_frame_outside_the_clause_guards(text: str) -> None:
    event = of_type(text, "ASSAULT")
    named = " ".join(texts(text, (*event.sources, *event.targets)))
    assert not any(word in named for word in ("مصادر", "شهود", "الحكومة", "الحزب")), named


@pytest.mark.parametrize("text, kind, source, target, places", [
    # a place after a title a nisba has placed is the object, not the title holder's name
    ("اتهمت الحكومة الكندية الصين بشن هجمات إلكترونية على شبكاتها.", "ACCUSE", "الحكومة", "الصين", ["الصين"]),
    ("حث وزير الخارجية الفرنسي روسيا على وقف القصف.", "REQUEST", "وزير", "روسيا", ["روسيا"]),
    # a place after its head noun keeps the preposition before the head
    ("أرسلت قطر مساعدات طبية إلى قطاع غزة.", "AID", "قطر", "غزة", ["قطر", "غزة"]),
    # institutions are parties too
    ("دعت المفوضية الأوروبية الحكومة اليونانية إلى خفض الإنفاق.", "REQUEST", "المفوضية", "الحكومة", []),
    # the prepositions that introduce a type's target
    ("ألقت الشرطة القبض على ثلاثة أشخاص في المطار.", "COERCE", "الشرطة", "أشخاص", []),
    ("أفرجت السلطات عن الصحفي بعد عامين من الاحتجاز.", "RETREAT", "السلطات", "الصحفي", []),
])
def test_fill_subject_and_object_of_plain_transitive_sentences(
    text: str, kind: str, source: str, target: str, places: list[str]
) -> None:
    event = of_type(text, kind, [(place, "LOC") for place in places])
    assert source in " ".join(texts(text, event.sources))
    assert target in " ".join(texts(text, event.targets))


def test_fill_a_title_complement_belongs_to_the_person_named_after_it() -> None:
    text = "والتقى زعيم حركة النهضة راشد الغنوشي السفير الفرنسي في العاصمة."
    event = of_type(text, "CONSULT", [("حركة النهضة", "ORG"), ("راشد الغنوشي", "PER")])
    assert texts(text, event.sources) == ["راشد الغنوشي"]
    assert "السفير" in " ".join(texts(text, event.targets))


@pytest.mark.parametrize("text, target, names", [
    # a listed passive verb is a verb: its subject may stand before it, and no genitive follows
    ("وذكر مصدر طبي أن خمسة مدنيين أصيبوا بجروح في القصف على الحي.", "مدنيين", []),
    ("ولكن بعد أسبوعين اغتيل الوزير في انفجار عبوة تحت سيارته.", "الوزير", []),
    # "وأصيب" stays whole under the clitic rule (the joined form is the more frequent)
    ("وأصيب ثلاثة جنود في هجوم على حاجز قرب الحدود.", "جنود", []),
    # "قتل وجرح" is one passive: what follows it is the casualties, not an attacker
    ("قتل وجرح عشرون سائحا ألمانيا في هجوم على فندق بالمدينة.", "سائحا ألمانيا", [("ألمانيا", "LOC")]),
    ("وقال البيان إن أحد عناصر الشرطة المحلية قتل وجرح أربعة آخرون في الكمين.", "عناصر الشرطة", []),
    # a preposition with a pronoun (خلاله, فيها) is a whole phrase: the noun after it is the subject
    ("ودار تبادل لإطلاق النار عند الحاجز أصيب خلاله أربعة مسلحين.", "مسلحين", []),
    ("وانفجرت عبوة قرب السوق قتل فيها ستة مدنيين.", "مدنيين", []),
])
def test_fill_passive_verbs_name_their_victims(text: str, target: str, names: list[tuple[str, str]]) -> None:
    event = of_type(text, "ASSAULT", names)
    assert target in " ".join(texts(text, event.targets))
    assert not event.sources, texts(text, event.sources)


@pytest.mark.parametrize("text, kind, role, actor", [
    # after a complement (عليها: the verb's own preposition) the noun is the subject
    ("وانتقد النائب الخطة التي وافقت عليها الحكومة الأردنية.", "AGREE", "sources", "الحكومة الأردنية"),
    # after a container (خلالها: during which) an active verb's lone noun is its object
    ("ووصل الوفد إلى القاهرة في زيارة رسمية يلتقي خلالها الرئيس المصري.", "CONSULT", "targets", "الرئيس المصري"),
])
def test_fill_a_noun_after_a_preposition_with_a_pronoun(text: str, kind: str, role: str, actor: str) -> None:
    assert actor in role_of(text, kind, role)


@pytest.mark.parametrize("text, source, target, names", [
    # a title's ل complement is part of the name's noun phrase, not its preposition
    ("التقى القائد العام للجيش الوطني المشير سامي الأحمد اليوم وزير الدفاع عادل نور.",
     "سامي الأحمد", "عادل نور", [("سامي الأحمد", "PER"), ("عادل نور", "PER")]),
    # the window after the trigger ends where a participant's noun phrase starts, titles included
    ("استقبل وزير الخارجية كمال يوسف أمس الاثنين في العاصمة عمان قائد الجيش الوطني الليبي المشير رامز سليم.",
     "رامز سليم", "كمال يوسف", [("كمال يوسف", "PER"), ("عمان", "LOC"), ("رامز سليم", "PER")]),
])
def test_fill_long_titles_before_a_name(text: str, source: str, target: str, names: list[tuple[str, str]]) -> None:
    event = of_type(text, "CONSULT", names)
    assert texts(text, event.sources) == [source]
    assert target in texts(text, event.targets)


@pytest.mark.parametrize("text, role, organisation, names", [
    ("وقتل خمسة من عناصر حركة الفجر في غارة على مواقعهم.", "targets", "الفجر", [("الفجر", "ORG")]),
    ("ودعا الوزير إلى محادثات مع قادة جبهة النور دون شروط.", "targets", "جبهة النور", [("جبهة النور", "ORG")]),
])
def test_fill_members_stand_for_their_organisation(
    text: str, role: str, organisation: str, names: list[tuple[str, str]]
) -> None:
    event = of_type(text, "ASSAULT" if "غارة" in text else "CONSULT", names)
    assert texts(text, getattr(event, role)) == [organisation]


@pytest.mark.parametrize("text, kind, source, names", [
    # ranks right before a name are its own: the title before them still introduces it
    ("بدأ قائد الجيش الوطني الفريق أول سامر حداد زيارة إلى العاصمة عمان أمس.", "CONSULT", "سامر حداد",
     [("سامر حداد", "PER"), ("عمان", "LOC")]),
    # a ل phrase after a nisba completes the title ("the French minister of foreign trade")
    ("وانتقد الوزير الفرنسي للتجارة الخارجية جان مارتان قرار الحكومة.", "ACCUSE", "جان مارتان",
     [("جان مارتان", "PER")]),
])
def test_fill_ranks_and_title_complements_before_a_name(
    text: str, kind: str, source: str, names: list[tuple[str, str]]
) -> None:
    assert texts(text, of_type(text, kind, names).sources) == [source]


def test_fill_a_name_behind_a_person_title_with_ل_is_that_title_holder() -> None:
    text = "وقدم المستشار الاقتصادي للرئيس كمال يوسف استقالته أمس."  # the advisor resigned, not the president
    assert "كمال يوسف" not in texts(text, of_type(text, "RETREAT", [("كمال يوسف", "PER")]).sources)


def test_fill_an_owner_in_another_clause_is_no_source() -> None:
    text = "واستمرت الزيارة يومين، وهي الأولى منذ تعيينه قائدا للجيش التابع لمجلس النواب."
    assert not of_type(text, "CONSULT").sources


@pytest.mark.parametrize("text", [
    "وسبق ذلك اجتماع عقده الوزير كمال يوسف مع السفير.",
    "وتناولت المحادثات التي أجراها الوزير كمال يوسف في العاصمة ملف الحدود.",
])
def test_fill_the_subject_of_a_relative_verb_right_after_the_trigger(text: str) -> None:
    assert texts(text, of_type(text, "CONSULT", [("كمال يوسف", "PER")]).sources) == ["كمال يوسف"]


def test_fill_a_title_complement_may_carry_nisbas_before_the_name() -> None:
    text = "والتقى الوزير أمس أمين مجلس الأمن القومي الروسي نيكولاي باتروشيف."
    event = of_type(text, "CONSULT", [("مجلس الأمن القومي", "ORG"), ("نيكولاي باتروشيف", "PER")])
    assert texts(text, event.targets) == ["نيكولاي باتروشيف"]


def test_fill_a_passive_verb_takes_no_distant_pair_as_its_subject() -> None:
    text = "واغتيل رامي في انفجار عبوة زرعت في سيارة كان يقودها بين حمص وحماة."
    event = of_type(text, "ASSAULT", [("حمص", "LOC"), ("حماة", "LOC")])
    assert not any(place in " ".join(texts(text, event.targets)) for place in ("حمص", "حماة"))


@pytest.mark.parametrize("text, role, owner, names", [
    ("وأعلن الجيش الأمريكي أمس أن قواته قتلت ثلاثة مسلحين في المداهمة.", "sources", "الجيش الأمريكي", []),
    ("وأعلنت الشرطة مقتل اثنين من عناصرها في انفجار عبوة على الطريق.", "targets", "الشرطة", []),
])
def test_fill_a_possessed_actor_noun_is_its_owner(text: str, role: str, owner: str, names: list[tuple[str, str]]) -> None:
    event = of_type(text, "ASSAULT", names)
    assert owner in texts(text, getattr(event, role))


def test_fill_an_announced_death_is_the_object_of_the_announcing_verb() -> None:
    text = "من جهته، أعلن الجيش مقتل أحد جنوده في انفجار لغم قرب القرية."
    event = of_type(text, "ASSAULT")
    assert "الجيش" not in " ".join(texts(text, event.sources))


@pytest.mark.parametrize("text, source, target, names", [
    # a time phrase between the verb and its object is not the object's preposition, and an
    # indefinite accusative is the object, never the subject
    ("وقالت مصادر محلية إن وحدة خاصة اغتالت قبل ظهر أمس ناشطا في الحركة.", "وحدة", "ناشطا", []),
    # the nisba after a counted accusative is the victims' nationality, whatever the tagger said
    ("وكان 30 جنديا باكستانيا قد قتلوا في هجوم على مركز للجيش.", None, "جنديا باكستانيا",
     [("باكستانيا", "PER")]),
])
def test_fill_objects_after_time_phrases_and_accusatives(
    text: str, source: str | None, target: str, names: list[tuple[str, str]]
) -> None:
    event = of_type(text, "ASSAULT", names)
    assert target in texts(text, event.targets)
    if source is None:
        assert not event.sources, texts(text, event.sources)
    else:
        assert source in " ".join(texts(text, event.sources))


def test_fill_the_owner_of_an_attacked_object_is_no_attacker() -> None:
    text = "وقالت الشرطة إن مسلحا فجر حافلة تابعة للجيش في العاصمة، ما أسفر عن سقوط 12 قتيلا في الانفجار."
    sources = [s for e in events(text) for s in texts(text, e.sources)]  # the toll's noun too
    assert sources and not any("جيش" in s for s in sources), sources


def test_fill_an_owner_after_a_verbal_noun_is_still_its_source() -> None:
    text = "قتل ثلاثة مدنيين في غارة شنتها طائرة تابعة للقوات الحكومية."
    event = of_type(text, "ASSAULT")
    assert "قوات" in " ".join(texts(text, event.sources))


@pytest.mark.parametrize("text, source", [
    ("تظاهر نحو ألفي شخص أمس أمام السفارة.", "شخص"),  # ألفي: two thousand, not ال + في
    ("تظاهر مئات من أعضاء النقابات أمام البرلمان.", "أعضاء"),
    ("وسيّر المئات من أبناء الجالية مظاهرة في العاصمة.", "أبناء"),
])
def test_fill_protesters_counted_in_construct_and_members(text: str, source: str) -> None:
    event = of_type(text, "PROTEST")
    assert source in " ".join(texts(text, event.sources))


def test_fill_a_protest_against_what_someone_called_names_no_pronoun_target() -> None:
    text = "وتظاهر مئات الطلاب أمس ضد ما وصفوه بالتمييز في الجامعة."
    assert "ما" not in texts(text, of_type(text, "PROTEST").targets)


@pytest.mark.parametrize("text, kind, source, target, names", [
    # a continuing verb with no subject of its own shares the clause's subject; a lone name after it is its object
    ("وكان الرئيس عمر البشير في الدوحة أمس، حيث عقد جلسة محادثات مع الأمير تميم.", "CONSULT", "عمر البشير", "تميم",
     [("عمر البشير", "PER"), ("الدوحة", "LOC"), ("تميم", "PER")]),
    ("زار أردوغان موسكو في الربيع، والتقى بوتين في الكرملين.", "CONSULT", "أردوغان", "بوتين",
     [("أردوغان", "PER"), ("موسكو", "LOC"), ("بوتين", "PER"), ("الكرملين", "ORG")]),
    # a plural verb carries its subject: the group named before it, not the earlier verb's object
    ("وقال المسؤول إن العشرات من المستوطنين هاجموا المزارعين واعتدوا عليهم بالعصي.", "ASSAULT", "المستوطنين", None, []),
    # an object pronoun on the verb: the name after it is the host, and the one before visits
    ("وصل الرئيس ماكرون إلى بكين واستقبله شي جين بينغ في قصر الشعب.", "CONSULT", "ماكرون", "شي جين بينغ",
     [("ماكرون", "PER"), ("بكين", "LOC"), ("شي جين بينغ", "PER")]),
])
def test_fill_a_continuing_verb_shares_the_subject_before_it(
    text: str, kind: str, source: str, target: str | None, names: list[tuple[str, str]]
) -> None:
    found = [e for e in events(text, names) if e.type == kind]
    assert found
    for event in found:
        assert texts(text, event.sources) == [source]
        if target is not None:
            assert target in texts(text, event.targets)


@pytest.mark.parametrize("text, kind, names", [
    # a singular verb followed by a definite noun or الأخير has its own subject
    ("وعاد الوزير ماكرون إلى باريس واستقبل الأخير وفدا من النقابات.", "CONSULT", [("ماكرون", "PER"), ("باريس", "LOC")]),
    # a quotation starts another clause
    ('وكتب ماكرون على تويتر "لم تجر الحكومة أي تجربة، وتعهدت بعدم القيام بذلك".', "AGREE", [("ماكرون", "PER")]),
    # so does reported speech after أن
    ("وأكد ماكرون أن الشرطة لاحقت اللصوص ثم اعتقلت اثنين منهم.", "COERCE", [("ماكرون", "PER")]),
])
def test_fill_a_continuing_verb_keeps_a_subject_of_its_own(text: str, kind: str, names: list[tuple[str, str]]) -> None:
    for event in events(text, names):
        if event.type == kind:
            assert "ماكرون" not in texts(text, event.sources)


@pytest.mark.parametrize("text, source", [
    ("وقال شهود إن قوة من الشرطة العسكرية اقتحمت المسجد واعتدت على المصلين.", "الشرطة العسكرية"),
    ("وتعرض الصحفي للضرب من قبل مجموعة من المسلحين قرب منزله.", "المسلحين"),
])
def test_fill_a_part_of_a_group_before_min_is_the_group(text: str, source: str) -> None:
    event = of_type(text, "ASSAULT")
    assert texts(text, event.sources) == [source]


def test_fill_bi_quwwa_is_no_part_of_a_group() -> None:
    text = "وقالت الدول إنها تحث بقوة الحكومة على الانسحاب الفوري."
    assert all("قوة" not in " ".join(texts(text, e.sources)) for e in events(text))


def test_fill_a_continuing_verb_with_an_unnamed_subject_keeps_the_name_after_it_as_object() -> None:
    text = "فقد زارها في الربيع، والتقى لافروف مجددا في الخريف."
    meeting = [e for e in events(text, [("لافروف", "PER")]) if e.type == "CONSULT"]
    assert meeting and all("لافروف" not in texts(text, e.sources) for e in meeting)
    assert any(texts(text, e.targets) == ["لافروف"] for e in meeting)
