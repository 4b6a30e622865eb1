from __future__ import annotations

from collections.abc import Iterator

import pytest

from hadath import pipeline
from hadath.errors import ConfigError
from hadath.model import Article
from hadath.pipeline import analyze, plan, stage


@pytest.fixture(autouse=True)
def _restore_registry() -> Iterator[None]:
    """Stages registered by a test must not leak into the rest of the suite."""
    pipeline._load_builtins()
    saved = dict(pipeline._REGISTRY)
    yield
    pipeline._REGISTRY.clear()
    pipeline._REGISTRY.update(saved)


def test_pipeline_rejects_unknown_stage() -> None:
    with pytest.raises(ConfigError, match="unknown stage 'nope'"):
        plan(["sentences", "nope"])


def test_pipeline_checks_requirements_before_running() -> None:
    @stage("needs_mentions_for_test", requires=["mentions"], provides=["event_mentions"])
    def _stage(article, state):  # type: ignore[no-untyped-def]
        raise AssertionError("must not run")

    with pytest.raises(ConfigError, match="needs \\['mentions'\\]"):
        analyze(Article("x", "نص"), ["sentences", "needs_mentions_for_test"])


def test_pipeline_rejects_undeclared_outputs() -> None:
    @stage("sneaky_for_test", provides=["timexes"])
    def _stage(article, state):  # type: ignore[no-untyped-def]
        return {"timexes": (), "mentions": ()}

    with pytest.raises(ConfigError, match="undeclared"):
        analyze(Article("x", "نص"), ["sneaky_for_test"])


def test_pipeline_stage_declaring_unknown_field_fails_at_registration() -> None:
    with pytest.raises(ConfigError, match="unknown analysis fields"):
        stage("bad_for_test", provides=["nonsense"])(lambda a, s: {})


def test_pipeline_skips_stage_modules_whose_package_is_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    from hadath import pipeline

    monkeypatch.setattr(pipeline, "BUILTIN_STAGE_MODULES", ("hadath.text.stages", "hadath.not_a_package.stage"))
    pipeline._load_builtins.cache_clear()
    try:
        assert "sentences" in pipeline._load_builtins()
    finally:
        pipeline._load_builtins.cache_clear()


def test_pipeline_order_does_not_depend_on_import_order() -> None:
    import subprocess
    import sys

    code = (
        "import hadath.timex.stage\n"  # a later stage imported before the text stages
        "from hadath.pipeline import available_stages\n"
        "print(','.join(available_stages()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    names = out.strip().split(",")
    assert names.index("sentences") < names.index("timexes")
