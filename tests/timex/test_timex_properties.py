"""Properties over generated text: offsets in bounds, values well formed, no crash."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.timex import tag

# Words of the grammar and a few ordinary ones, to build text the tagger has to work on.
VOCABULARY = """
في من إلى حتى بين و منذ قبل بعد خلال لمدة أكثر نحو هذا العام الماضي المقبل الجاري الأسبوع الشهر اليوم أمس
أول غدا غد يوم الثلاثاء الجمعة الأحد يناير سبتمبر أيلول شتنبر جويلية رمضان صفر هـ عاما أيام ستة أشهر
الحادي والعشرين عشر قال الوزير الحكومة بغداد الأمين العام نصف ساعة كل الليلة مساء
"""
WORDS = VOCABULARY.split()
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.integers(0, 3000).map(str),
    st.sampled_from(["/", "-", ".", "،", ",", ":", "(", ")", "\n", "ً", "ـ", "٢٠١٦", "29/11/2016", "2016-11-29"]),
)
TEXTS = st.lists(PIECES, max_size=30).map(" ".join) | st.text(max_size=60)
VALUE_RE = re.compile(r"^(?:[\dX]{4}(?:-(?:[\dX]{2}|W\d\d|WXX)(?:-[\dX]{1,2})?)?(?:T\d\d:\d\d)?(?:/.+)?|P.+)$")


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31))))
def test_timexes_stay_inside_the_text_and_are_well_formed(text: str, anchor: dt.date | None) -> None:
    found = tag(text, anchor)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.start >= previous_end  # no overlaps, in order
        previous_end = timex.end
        assert timex.value is None or VALUE_RE.match(timex.value), timex.value
        assert timex.resolved is None or ("X" not in timex.resolved and VALUE_RE.match(timex.resolved))
        if anchor is None:
            assert timex.resolved is None
        if anchor is None:
            assert timex.anchor is None
        elif timex.anchor is not None:
            assert timex.anchor == anchor.isoformat()
