"""Episode and storyline labels a person can read, in Arabic and in Latin script."""

from __future__ import annotations

import re

import pytest

from hadath.link.labels import day_span, display_forms, episode_labels, month_span, storyline_labels
from hadath.link.query import iter_episode_json
from hadath.store.sqlite import SQLiteStore
from tests.link.conftest import VISIT_NOVEMBER_A, VISIT_NOVEMBER_B, background, link, make_item

ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.mark.parametrize(("start", "end", "arabic", "latin"), [
    ("2016-11-29", "2016-11-29", "29 نوفمبر 2016", "29 Nov 2016"),
    ("2016-11-27", "2016-11-29", "27–29 نوفمبر 2016", "27–29 Nov 2016"),
    ("2018-03-30", "2018-04-01", "30 مارس – 1 أبريل 2018", "30 Mar – 1 Apr 2018"),
    ("2017-12-31", "2018-01-02", "31 ديسمبر 2017 – 2 يناير 2018", "31 Dec 2017 – 2 Jan 2018"),
    (None, None, "", ""),
])
def test_labels_day_span(start: str | None, end: str | None, arabic: str, latin: str) -> None:
    assert day_span(start, end, latin=False) == arabic
    assert day_span(start, end, latin=True) == latin


def test_labels_month_span_over_years() -> None:
    assert month_span("2016-06-27", "2023-09-14", latin=True) == "Jun 2016 – Sep 2023"
    assert month_span("2018-03-01", "2018-07-20", latin=False) == "مارس – يوليو 2018"


def test_labels_episode_names_actors_action_and_dates() -> None:
    arabic, latin = episode_labels("حفتر يلتقي لافروف في موسكو", "", [("خليفة حفتر", "Khalifa Haftar")],
                                   "2016-11-28", "2016-11-29")
    assert arabic == "خليفة حفتر: حفتر يلتقي لافروف في موسكو (28–29 نوفمبر 2016)"
    assert latin.startswith("Khalifa Haftar: ") and latin.endswith("(28–29 Nov 2016)")
    assert not ARABIC.search(latin)


def test_labels_episode_without_title_uses_the_lead_cut_short() -> None:
    arabic, _ = episode_labels("", VISIT_NOVEMBER_A, [], "2016-11-28", "2016-11-28")
    assert arabic.startswith("عاد المشير خليفة حفتر") and "…" in arabic and arabic.endswith("(28 نوفمبر 2016)")


def test_labels_storyline_joins_two_names() -> None:
    arabic, latin = storyline_labels([("حفتر", "Haftar"), ("روسيا", "Russia")], "2016-06-27", "2023-09-14")
    assert arabic == "حفتر وروسيا (يونيو 2016 – سبتمبر 2023)"
    assert latin == "Haftar and Russia (Jun 2016 – Sep 2023)"


def test_labels_display_forms_show_words_as_written() -> None:
    forms = display_forms("لافروف يستقبل حفتر في موسكو")
    assert "حفتر" in forms.values() and "موسكو" in forms.values()


def test_labels_stored_episode_label_is_readable(store: SQLiteStore) -> None:
    link(store, background(20, month="2016-11"))
    link(store, [make_item("nov-a", VISIT_NOVEMBER_A, "2016-11-28", "حفتر يعود إلى موسكو ويلتقي لافروف"),
                 make_item("nov-b", VISIT_NOVEMBER_B, "2016-11-29", "لافروف يستقبل حفتر في موسكو")])
    episode = next(e for e in iter_episode_json(store) if "nov-a" in e["articles"])
    assert "موسكو" in episode["label"] and "28–29 نوفمبر 2016" in episode["label"]
    assert "28–29 Nov 2016" in episode["label_lat"] and not ARABIC.search(episode["label_lat"])
