from __future__ import annotations

import pytest

from hadath.text.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد", "احمد"), ("إبراهيم", "ابراهيم"), ("آذار", "اذار"), ("ٱلله", "الله"),
        ("مصطفى", "مصطفي"), ("القاهرة", "القاهره"),
        ("مُحَمَّدٌ", "محمد"), ("مـــصر", "مصر"),
        ("٢٠١٨", "2018"), ("۱۲", "12"),
        ("«نص»", '"نص"'), ("“x”", '"x"'), ("أ، ب؛ ج؟", "ا, ب; ج?"),
        ("  كلمة \n\t أخرى ", "كلمه اخري"), ("NATO", "nato"),
    ],
)
def test_normalise_folds_for_matching(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_presentation_forms_and_invisible_marks() -> None:
    assert normalise("\ufefb") == "لا"  # lam-alef ligature
    assert normalise("حفتر\u200f") == "حفتر"


def test_normalise_is_idempotent() -> None:
    text = "أَعلنَت الأُمم المتحدة «اليوم» ٣ قرارات"
    assert normalise(normalise(text)) == normalise(text)
