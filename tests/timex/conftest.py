"""Shared paths for the timex tests: fixtures in the repo, data beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"
NEWS_SENTENCES = ROOT / "tests" / "fixtures" / "timex_news.jsonl"


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or a skip with the reason when it is not there."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (quality gates need it)")
    return SHARED_DATA
