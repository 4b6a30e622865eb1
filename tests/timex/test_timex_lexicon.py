"""The lexicon: every month-name system and the tokenizer's classes."""

from __future__ import annotations

import pytest

from hadath.timex.lexicon import babel_month_names, lexicon
from hadath.timex.tokens import classes, tokenize


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("سبتمبر", 9), ("أيلول", 9), ("شتنبر", 9),
        ("يوليو", 7), ("تموز", 7), ("جويلية", 7), ("يوليوز", 7),
        ("يونيو", 6), ("حزيران", 6), ("جوان", 6), ("يونيه", 6),
        ("أغسطس", 8), ("آب", 8), ("غشت", 8), ("أوت", 8),
        ("كانون الثاني", 1), ("جانفي", 1), ("كانون الأول", 12), ("دجنبر", 12),
        ("تشرين الثاني", 11), ("نونبر", 11), ("أفريل", 4), ("إبريل", 4), ("مايس", 5), ("ماي", 5),
    ],
)  # fmt: skip
def test_lexicon_knows_every_month_system(name: str, month: int) -> None:
    tokens = tokenize(f"في {name} 2016")
    months = [t.payload for t in tokens if t.cls == "M"]
    assert months == [month]


def test_lexicon_month_names_come_from_babel_for_every_system() -> None:
    names = babel_month_names()
    assert {"سبتمبر", "أيلول", "شتنبر"} <= names[9]
    assert {"جويلية", "تموز", "يوليو"} <= names[7]


def test_tokenizer_splits_proclitics_and_keeps_offsets() -> None:
    text = "وبين إبريل 2019 ويونيو 2020 بالأمس"
    tokens = tokenize(text)
    assert classes(tokens) == "&bM4&M4^R"
    assert [text[t.start : t.end] for t in tokens if t.cls in "MR"] == ["إبريل", "يونيو", "الأمس"]


def test_tokenizer_reads_number_words() -> None:
    tokens = tokenize("في الحادي والعشرين من مايو عام ألفين وثمانية عشر")
    values = [(t.cls, t.payload) for t in tokens if t.cls in "o4"]
    assert values == [("o", 21), ("4", 2018)]


def test_future_markers_compile() -> None:
    assert lexicon().future_re.search("من المقرر أن")
