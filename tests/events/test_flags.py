from __future__ import annotations

import pytest

from .conftest import events


def only(text: str, kind: str):  # type: ignore[no-untyped-def]
    found = [e for e in events(text) if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger) for e in events(text)]
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "لم يلتق الرئيس بنظيره خلال القمة.",
        "نفى الجيش أن تكون طائراته قصفت المستشفى.",
        "أكدت الوزارة عدم اعتقال أي صحفي.",
        "لن تسحب الحكومة قواتها من المنطقة.",
    ],
)
def test_flags_negated(text: str) -> None:
    assert any(e.negated and not e.happened for e in events(text))


def test_flags_idiom_is_not_negation() -> None:
    event = only("لا تزال القوات تقصف المدينة منذ الصباح.", "ASSAULT")
    assert not event.negated


@pytest.mark.parametrize(
    "text",
    [
        "سيزور الرئيس الفرنسي الجزائر.",
        "سوف يلتقي الوزير نظيره في باريس.",
        "من المنتظر أن يزور الرئيس الجزائر.",
        "تستعد المعارضة لتنظيم مظاهرات في العاصمة.",
        "يزور الرئيس الجزائر الأسبوع المقبل.",
    ],
)
def test_flags_future(text: str) -> None:
    assert any(e.future and not e.happened for e in events(text))


@pytest.mark.parametrize(
    "text",
    [
        "إذا هاجمت إسرائيل المنشآت فإن إيران سترد.",
        "قد تقصف الطائرات المدينة في أي لحظة.",
        "هددت الحكومة بقصف مواقع المتمردين.",  # the content of a threat
        "دعت الأمم المتحدة إلى الإفراج عن المعتقلين.",  # the content of a request
    ],
)
def test_flags_hypothetical(text: str) -> None:
    assert any(e.hypothetical and not e.happened for e in events(text))


def test_flags_maybe_needs_an_imperfect() -> None:
    event = only("وقد قصفت الطائرات المدينة صباح اليوم.", "ASSAULT")  # قد + perfect: it has happened
    assert event.happened


@pytest.mark.parametrize(
    "text",
    [
        "قال مصدر أمني إن مسلحين هاجموا نقطة تفتيش.",
        "هاجم مسلحون نقطة تفتيش، بحسب مصادر محلية.",
        "وقال الشاهد: «هاجم المسلحون القرية فجرا».",
    ],
)
def test_flags_reported_speech_still_happened(text: str) -> None:
    event = only(text, "ASSAULT")
    assert event.reported
    assert event.happened  # news reports events through sources; a report is not a hypothesis


def test_flags_plain_report() -> None:
    event = only("قصفت الطائرات مواقع المسلحين في المدينة.", "ASSAULT")
    assert (event.negated, event.future, event.hypothetical, event.reported) == (False, False, False, False)
