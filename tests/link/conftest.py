"""Small articles written for the episode and storyline tests, and a store to link them in.

The texts are the tests' own; no corpus text is copied.  Articles are built by hand
(no pipeline run), with the matching forms ingest would compute.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from hadath.ingest import dedup
from hadath.ingest.ids import content_hash
from hadath.link.episodes import link_episodes
from hadath.link.query import article_links
from hadath.link.storylines import link_storylines
from hadath.model import Article, DateValue, Mention, Timex
from hadath.store import Processed
from hadath.store.sqlite import SQLiteStore
from hadath.text.segment import match_forms

# Haftar's first visit to Moscow (June), told by two outlets in different spellings.
VISIT_JUNE_A = (
    "وصل المشير خليفة حفتر إلى موسكو في زيارة رسمية، والتقى وزير الدفاع الروسي سيرغي شويغو "
    "وأمين مجلس الأمن الروسي نيكولاي باتروشيف. وبحث الجانبان تسليح الجيش الليبي ومكافحة الإرهاب "
    "في ليبيا، وقال حفتر إن روسيا شريك يعتمد عليه."
)
VISIT_JUNE_B = (
    "أجرى قائد الجيش الليبي خليفة هفتار محادثات في العاصمة الروسية موسكو مع وزير الدفاع سيرجي شويجو "
    "وسكرتير مجلس الأمن نيكولاي باتروشيف، تناولت تسليح الجيش الليبي والحرب على الإرهاب. "
    "وتعد هذه الزيارة الأولى لحفتر إلى روسيا."
)
# His second visit (November), months later: the same people, the same city.
VISIT_NOVEMBER_A = (
    "عاد المشير خليفة حفتر إلى موسكو والتقى وزير الخارجية الروسي سيرغي لافروف ووزير الدفاع سيرغي شويغو، "
    "وطلب دعم روسيا للجيش الليبي ورفع حظر السلاح. وقال لافروف إن موسكو تدعم الحوار بين الليبيين."
)
VISIT_NOVEMBER_B = (
    "التقى وزير الخارجية سيرجي لافروف في موسكو خليفة حفتر، في ثاني زيارة له إلى روسيا هذا العام، "
    "وبحثا رفع حظر السلاح عن الجيش الليبي. وأكد لافروف دعم بلاده للحوار الليبي."
)
HODEIDAH = (
    "أعلنت الأمم المتحدة أن مبعوثها إلى اليمن مارتن غريفيث سيزور الحديدة الأسبوع المقبل لبحث تثبيت الهدنة "
    "بين الحكومة وجماعة الحوثي، وإعادة فتح الميناء أمام المساعدات الإنسانية."
)
KHARTOUM = (
    "تظاهر آلاف السودانيين أمام مقر قيادة الجيش في الخرطوم مطالبين بتسليم السلطة إلى حكومة مدنية، "
    "وردد المعتصمون هتافات تطالب بالحرية والعدالة."
)
FOOTBALL = (
    "فاز النادي الأهلي على الزمالك بهدفين مقابل هدف في قمة الدوري المصري، وسجل المهاجم هدف الفوز "
    "في الدقيقة الأخيرة أمام جماهير غفيرة في استاد القاهرة."
)
OIL = (
    "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج، وسجل خام برنت "
    "أعلى مستوى له منذ عامين مع تراجع المخزونات الأمريكية."
)
UNRELATED = (HODEIDAH, KHARTOUM, FOOTBALL, OIL)


def make_item(article_id: str, text: str, published: str, title: str = "", duplicate_of: str | None = None,
              mentions: Sequence[tuple[str, str]] = (), timexes: Sequence[tuple[str, str]] = ()) -> Processed:
    """An article as ingest stores it; ``mentions`` (name, type) and ``timexes`` (text, value) are found in the text."""
    forms = match_forms(text)
    signature = dedup.signature(forms)
    found: list[Mention] = []
    for name, kind in mentions:
        start = text.find(name)
        if start >= 0:
            found.append(Mention(start, start + len(name), kind))  # type: ignore[arg-type]
    dated = [Timex(text.find(t), text.find(t) + len(t), "DATE", value) for t, value in timexes if t in text]
    return Processed(
        Article(article_id, text, title, published=DateValue(published, "metadata")), content_hash(text),
        dedup.to_bytes(signature), tuple(dedup.bands(signature)), " ".join(match_forms(title)), " ".join(forms),
        mentions=tuple(sorted(found, key=lambda m: m.start)), timexes=tuple(dated), duplicate_of=duplicate_of,
    )


def link(store: SQLiteStore, batch: Sequence[Processed]) -> None:
    """Store a batch and run the episode and storyline linkers on it, as ingest does."""
    store.write_batch(batch)
    link_episodes(store, batch)
    link_storylines(store, batch)


def episode_of(store: SQLiteStore) -> dict[str, str]:
    return {article: episode for article, (episode, _) in article_links(store).items()}


def background(count: int, first_day: int = 1, month: str = "2016-03") -> list[Processed]:
    """Unrelated articles, one topic a day, to give IDF something to count."""
    return [make_item(f"bg{month}-{i}", UNRELATED[i % len(UNRELATED)] + f" ({i})", f"{month}-{first_day + i % 28:02d}")
            for i in range(count)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    db = SQLiteStore(tmp_path / "episodes.db")
    yield db
    db.close()
