from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"

# Short articles written for the tests.
ARTICLE_A = (
    "موسكو - الثلاثاء 29 نوفمبر 2016: التقى المشير خليفة حفتر وزيرَ الدفاع الروسي سيرغي شويغو "
    "في العاصمة الروسية، وبحث الجانبان الوضع الأمني في ليبيا.\n\n"
    "وقال حفتر إن «الزيارة ناجحة. والتعاون مستمر» قبل أن يغادر إلى بنغازي."
)
ARTICLE_B = (
    "أعلنت الأمم المتحدة أمس أن مبعوثها إلى اليمن مارتن غريفيث سيزور الحديدة الأسبوع المقبل، "
    "في إطار الجهود لتثبيت الهدنة بين الحكومة وجماعة الحوثي."
)
ARTICLE_C = "تظاهر آلاف السودانيين أمام مقر قيادة الجيش في الخرطوم مطالبين بتسليم السلطة إلى المدنيين."


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def three_articles(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", [
        {"id": "a", "text": ARTICLE_A, "title": "حفتر في موسكو", "published": "2016-11-29", "outlet": "x"},
        {"id": "b", "text": ARTICLE_B, "title": "غريفيث إلى الحديدة", "published": "2018-12-20T08:00:00+00:00",
         "source": "y"},
        {"id": "c", "text": ARTICLE_C, "title": "اعتصام الخرطوم"},
    ])
