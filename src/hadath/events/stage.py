"""The event_mentions stage: PLOVER event mentions of every sentence of the article."""

from __future__ import annotations

from typing import Any

from hadath.events.detector import load_detector
from hadath.events.extract import extract_article
from hadath.model import UNKNOWN_DATE, Article
from hadath.pipeline import stage


@stage("event_mentions", requires=["sentences", "tokens", "mentions", "timexes"], provides=["event_mentions"])
def event_mentions_stage(article: Article, state: dict[str, Any]) -> dict[str, Any]:
    mentions = sorted(state["mentions"], key=lambda m: (m.start, m.end))
    found = extract_article(
        article.text, state["sentences"], state["tokens"], mentions, state["timexes"],
        state.get("published", UNKNOWN_DATE), detector=load_detector(),
    )
    return {"event_mentions": tuple(found)}
