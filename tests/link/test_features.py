"""Link terms, vectors, event days and the background IDF table."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.link import features
from hadath.link.background import build_background, read_background
from hadath.link.cluster import average_link
from hadath.store.sqlite import SQLiteStore
from hadath.text.segment import match_forms
from tests.link.conftest import background, link


@pytest.mark.parametrize(("a", "b"), [("بوتين", "بوتن"), ("شويغو", "شويجو"), ("أمريكي", "أميركي"),
                                      ("ترامب", "ترمب")])
def test_features_transliteration_variants_share_a_term(a: str, b: str) -> None:
    assert features.term_key(match_forms(a)[0]) == features.term_key(match_forms(b)[0])


@pytest.mark.parametrize(("a", "b"), [("حسن", "حسين"), ("لافروف", "شويغو"), ("موسكو", "مسقط")])
def test_features_different_words_keep_different_terms(a: str, b: str) -> None:
    assert features.term_key(match_forms(a)[0]) != features.term_key(match_forms(b)[0])


def test_features_vector_is_unit_length_and_round_trips() -> None:
    counts = features.term_counts("حفتر في موسكو", "التقى حفتر وزير الدفاع في موسكو")
    vector = features.weigh(counts, {}, 0)
    assert sum(w * w for w in vector.values()) == pytest.approx(1.0, abs=1e-6)
    assert features.decode(features.encode(vector)) == pytest.approx(vector, abs=1e-4)


def test_features_combine_gives_each_part_its_share() -> None:
    text, actors = {"a": 1.0}, {"@per/x": 1.0}
    both = features.combine(text, actors, {})
    assert features.cosine(both, both) == pytest.approx(1.0)
    assert features.cosine(both, features.combine({"a": 1.0}, {}, {})) == pytest.approx(
        (1 - features.ACTOR_SHARE) ** 0.5)
    assert features.combine(text, {}, {}) == text


def test_features_event_days_take_earlier_days_named_in_the_lead() -> None:
    published = "2016-11-29"
    day = features.day_number(published)
    assert day is not None
    timexes = [(10, "DATE", "2016-11-20"), (15, "DATE", "2016-11-28"), (900, "DATE", "2016-11-01"),
               (20, "DURATION", "P3D")]
    assert features.event_days(published, timexes) == (day, day - 9)  # yesterday and deep text add nothing
    assert features.event_days(None, [(5, "DATE", "2016-06-27")]) == (features.day_number("2016-06-27"),)
    assert features.event_days(None, []) == ()


def test_features_a_named_day_counts_one_day_further() -> None:
    assert features.day_distance((100,), (103,)) == 3
    assert features.day_distance((130, 100), (101,)) == 2


def test_cluster_average_link_needs_the_mean_not_one_link() -> None:
    # 0–1 and 1–2 are close but 0–2 unrelated: average link keeps the chain apart.
    edges = {(0, 1): 0.5, (1, 2): 0.5}
    assert len(set(average_link(3, edges, threshold=0.4))) == 2
    # Must-linked, 0 and 2 average 0.5 to 1, and all three join.
    assert len(set(average_link(3, edges, threshold=0.4, groups=[[0, 2]]))) == 1


def test_background_table_round_trips(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "bg.db")
    link(store, background(40, month="2016-03"))
    out = tmp_path / "term_df.tsv.gz"
    written = build_background(store, out, min_df=2)
    table = read_background(out)
    assert table.docs == store.linked_count() and len(table.df) == written > 0
    assert 0 < max(table.share(t) for t in table.df) <= 1
    first = out.read_bytes()
    build_background(store, out, min_df=2)
    assert out.read_bytes() == first  # the same store gives the same bytes
    store.close()
