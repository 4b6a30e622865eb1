"""Shared paths for the timex tests: fixtures in the repo, data beside it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hadath.timex import tag

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"
NEWS_SENTENCES = ROOT / "tests" / "fixtures" / "timex_news.jsonl"


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or a skip with the reason when it is not there."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (quality gates need it)")
    return SHARED_DATA


def timex_over(text: str, span: str, anchor: dt.date | None) -> tuple[str | None, str | None]:
    """(value, resolved) of the first timex tagged over ``span`` of ``text``; fails when there is none."""
    start = text.index(span)
    found = [t for t in tag(text, anchor) if t.start < start + len(span) and start < t.end]
    assert found, f"nothing tagged over {span!r} in {text!r}"
    return found[0].value, found[0].resolved
