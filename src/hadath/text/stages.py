"""The text stages: sentences and tokens."""

from __future__ import annotations

from typing import Any

from hadath.model import Article
from hadath.pipeline import stage
from hadath.text.segment import split_sentences, tokenize


@stage("sentences", provides=["sentences"])
def sentences_stage(article: Article, state: dict[str, Any]) -> dict[str, Any]:
    return {"sentences": tuple(split_sentences(article.text))}


@stage("tokens", provides=["tokens"])
def tokens_stage(article: Article, state: dict[str, Any]) -> dict[str, Any]:
    return {"tokens": tuple(tokenize(article.text))}
