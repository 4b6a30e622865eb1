"""The entities stage: mentions from the shipped NER tagger (neural or CRF) over the article's tokens."""

from __future__ import annotations

from typing import Any

from hadath.entities.tagger import tag_tokens
from hadath.model import Article
from hadath.pipeline import stage


@stage("entities", requires=["tokens"], provides=["mentions"])
def entities_stage(article: Article, state: dict[str, Any]) -> dict[str, Any]:
    # Actors are resolved later (linking); here a mention is only offsets and a type.
    mentions = sorted(tag_tokens(article.text, state["tokens"]), key=lambda m: (m.start, m.end))
    return {"mentions": tuple(mentions)}
