from __future__ import annotations

import pytest

from hadath.entities.crf import default_model_path
from hadath.model import Article
from hadath.pipeline import analyze, available_stages

pytestmark = pytest.mark.skipif(not default_model_path().is_file(), reason="NER model not built")


def test_stage_entities_is_registered_after_tokens() -> None:
    stages = available_stages()
    assert "entities" in stages
    assert stages.index("tokens") < stages.index("entities")


def test_stage_entities_yields_sorted_mentions_without_actors() -> None:
    text = "وصل وزير الخارجية الفرنسي جان إيف لودريان إلى بيروت، والتقى رئيس الحكومة اللبنانية."
    analysis = analyze(Article(id="t", text=text), stages=["tokens", "entities"])
    mentions = analysis.mentions
    assert mentions
    assert list(mentions) == sorted(mentions, key=lambda m: (m.start, m.end))
    assert all(m.actor is None and 0 <= m.start < m.end <= len(text) for m in mentions)
    assert any(text[m.start : m.end] == "بيروت" and m.type == "LOC" for m in mentions)
