from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from hadath.errors import ModelError
from hadath.events.lexicon import (
    PLOVER_TYPES,
    build_lexicon,
    data_path,
    imperfect_forms,
    inflection_rules,
    perfect_forms,
)
from hadath.events.match import find_triggers
from hadath.events.segments import SentenceView, text_segments
from hadath.text.segment import tokenize

from .conftest import events


def _data(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(Path(data_path(name)).read_text(encoding="utf-8"))
    return loaded


def test_lexicon_covers_every_plover_type(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert set(lexicon.types) == set(PLOVER_TYPES)


def test_lexicon_modes_follow_plover(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert lexicon.types["CONSULT"].modes == {"visit", "phone", "multilateral", "third-party"}
    assert {"aerial", "drone", "explosives", "abduct"} <= lexicon.types["ASSAULT"].modes
    assert lexicon.types["REQUEST"].modes == lexicon.types["REJECT"].modes


def test_lexicon_inflects_verbs() -> None:
    assert build_lexicon(_data("triggers.yaml"), _data("cues.yaml")).patterns > 400
    rules = inflection_rules(_data("triggers.yaml")["inflection"])
    assert {"قصفت", "قصفوا", "قصفا", "قصفوه", "قصفها"} <= perfect_forms("قصف", rules)
    assert "قصفه" not in perfect_forms("قصف", rules)  # would read as a noun in ة
    assert {"التقت", "التقوا", "التقيا"} <= perfect_forms("التقي", rules)
    assert {"يقصف", "تقصف", "يقصفون", "يقصفوا"} <= imperfect_forms("يقصف", rules)
    assert {"يلتقون", "يلتق"} <= imperfect_forms("يلتقي", rules)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("وقصفت الطائرات مواقع المسلحين.", "ASSAULT"),  # conjunction
        ("أصيب ثلاثة في القصف على المدينة.", "ASSAULT"),  # preposition + article
        ("فاعتقلت الشرطة عشرة أشخاص.", "COERCE"),
        ("والتقى الوزير نظيره في باريس.", "CONSULT"),  # التقى keeps its ال
        ("سيزور الرئيس القاهرة الأسبوع المقبل.", "CONSULT"),  # future prefix
        ("وحث الأمين العام الطرفين على الحوار.", "REQUEST"),  # a short word the clitic rule leaves whole
        ("أجرى الرئيس الروسي فلاديمير بوتين محادثات مع نظيره.", "CONSULT"),  # multiword with a gap
        ("شن الجيش غارات على مواقع التنظيم.", "ASSAULT"),
        ("فرضت واشنطن عقوبات جديدة على الشركة.", "SANCTION"),
        ("تظاهر آلاف الطلاب أمام البرلمان.", "PROTEST"),
        ("وقالت النيابة إنها تحقق في ملابسات الحريق.", "ACCUSE"),  # investigating: حقق with في
    ],
)
def test_lexicon_matches_with_clitics(sentence: str, kind: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    found = {m.sense.type for m in find_triggers(SentenceView.of(tokenize(sentence)), lexicon)}
    assert kind in found


@pytest.mark.parametrize(
    "sentence",
    [
        "تقع المدينة تحت سيطرة الحكومة.",  # تحت is not فتحت
        "أصدرت وزارة الصحة تقريرها السنوي.",  # وزارة is not و + زاره
        "نشرت الصحيفة مقالا عن الاقتصاد.",  # نشر alone is publishing, not deploying
        "هطلت الثلوج فجر اليوم على الجبال.",  # فجر is dawn
        "تتميز المسيرة المهنية للمدرب بألقاب كثيرة.",  # مسيرة is a career here
        "أطلقت الشركة خدمة جديدة للعملاء.",  # launching a service is not an attack
        "وحقق المنتخب فوزا ثمينا على ضيفه.",  # حقق with an object is achieving, not investigating
    ],
)
def test_lexicon_does_not_fire_on_look_alikes(sentence: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert find_triggers(SentenceView.of(tokenize(sentence)), lexicon) == []


def test_lexicon_ceasefire_is_not_gunfire() -> None:
    found = events("دعت الجامعة العربية إلى وقف فوري لإطلاق النار في غزة.")
    assert [e.type for e in found] == ["REQUEST"]


def test_lexicon_segments_keep_lexicon_words_whole() -> None:
    assert text_segments("بالحجارة") == ("ب", "حجاره")
    assert text_segments("وقفة") == ("وقفه",)  # a lexicon word never starts with a conjunction


def _broken(**changes: Any) -> dict[str, Any]:
    data = _data("triggers.yaml")
    entry = data["types"]["ASSAULT"]["triggers"][0]
    entry.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_broken(mode="nonsense"), "ASSAULT entry 1"),
        (_broken(frame="sideways"), "unknown frame"),
        (_broken(verbs=["قصف"]), "perfect/imperfect"),
        (_broken(verbs=["قصف/تقصف"]), "must start with ي"),
        (_broken(colour="red"), "unknown keys"),
        (_broken(phrases=["... قصف"]), "starts with a gap"),
        (_broken(passives=["بالقصف"]), "must be whole words"),  # a clitic on a passive form
    ],
)
def test_lexicon_bad_entry_names_it(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ModelError, match=message):
        build_lexicon(data, _data("cues.yaml"))


def test_lexicon_unknown_type_is_an_error() -> None:
    data = _data("triggers.yaml")
    data["types"]["FIGHT"] = data["types"].pop("ASSAULT")
    with pytest.raises(ModelError, match="unknown event type 'FIGHT'"):
        build_lexicon(data, _data("cues.yaml"))


def test_lexicon_missing_cue_section_is_an_error() -> None:
    with pytest.raises(ModelError, match="section 'flags'"):
        build_lexicon(_data("triggers.yaml"), {"arguments": {}})
