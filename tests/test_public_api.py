from __future__ import annotations

import hadath


def test_public_api_all_names_exist() -> None:
    for name in hadath.__all__:
        assert hasattr(hadath, name), name


def test_public_api_analyze_runs_text_stages() -> None:
    analysis = hadath.analyze(hadath.Article("x", "قال الوزير. ثم غادر."), ["sentences", "tokens"])
    assert analysis.stages == ("sentences", "tokens")
    assert len(analysis.sentences) == 2
