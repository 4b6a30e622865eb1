from __future__ import annotations

import pytest

from hadath.entities.roles import find_roles
from hadath.model import Mention


def _roles(text: str, name: str, others: tuple[str, ...] = ()) -> list[tuple[str, str | None, str | None, str]]:
    mentions = [Mention(text.index(n), text.index(n) + len(n), "PER") for n in (*others, name)]
    mentions.sort(key=lambda m: m.start)
    index = next(i for i, m in enumerate(mentions) if text[m.start : m.end] == name)
    found = find_roles(text, mentions, "2018-05-01").get(index, [])
    assert all(r.date == "2018-05-01" for r in found)
    return [(r.title, r.org, r.country, r.sector or "") for r in found]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("التقى وزير الدفاع الروسي سيرغي شويغو أمس ضيفه.", "سيرغي شويغو",
         ("وزير الدفاع", None, "RU", "government")),
        ("وقال نائب رئيس المجلس الرئاسي لحكومة الوفاق أحمد معيتيق إن الاتفاق قريب.", "أحمد معيتيق",
         ("نائب رئيس", "المجلس الرئاسي لحكومة الوفاق", None, "government")),
        ("وصرح المتحدث باسم الكرملين ديمتري بيسكوف للصحفيين.", "ديمتري بيسكوف",
         ("المتحدث باسم", "الكرملين", None, "government")),
        ("وأكد السفير الروسي في ليبيا إيفان مولوتكوف أن بلاده تدعم الحوار.", "إيفان مولوتكوف",
         ("السفير", "في ليبيا", "RU", "diplomat")),
        ("قال المتحدث باسم حركة حماس فوزي برهوم إن الحركة ترفض.", "فوزي برهوم",
         ("المتحدث باسم", "حركة حماس", None, "rebel")),
        ("وقال سيرغي لافروف، وزير الخارجية الروسي، إن موسكو مستعدة.", "سيرغي لافروف",
         ("وزير الخارجية", None, "RU", "government")),
    ],
)
def test_roles_title_before_or_after_the_name(text: str, name: str, expected: tuple[object, ...]) -> None:
    assert _roles(text, name) == [expected]


def test_roles_stop_at_the_previous_name() -> None:
    text = "التقى المشير خليفة حفتر وزير الدفاع الروسي سيرغي شويغو في موسكو."
    assert _roles(text, "سيرغي شويغو", ("خليفة حفتر",)) == [("وزير الدفاع", None, "RU", "government")]
    assert _roles(text, "خليفة حفتر", ("سيرغي شويغو",)) == [("المشير", None, None, "military")]


def test_roles_none_without_a_title() -> None:
    assert _roles("قال سيرغي شويغو إن الزيارة ناجحة.", "سيرغي شويغو") == []
